package dev.jchef.skeleton;

import com.google.common.collect.ImmutableMap;
import dev.jchef.model.internal.JchefFiles;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What jchef wrote into a skeleton directory: each file's path and the SHA-256 of the content it
 * wrote, kept in {@value #PATH}. A file counts as jchef's only while it still has that content, so
 * a file someone edited after a cook is theirs again and is never overwritten.
 */
record WriteRecord(ImmutableMap<String, String> sha256ByPath) {
  static final String PATH = JchefFiles.WRITE_RECORD;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = new JsonFactory();

  static WriteRecord empty() {
    return new WriteRecord(ImmutableMap.of());
  }

  /** The record in {@code root}, or an empty one; an unreadable record trusts nothing. */
  static WriteRecord read(Path root) {
    Path file = SkeletonFiles.resolve(root, PATH);
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return empty();
    }
    try {
      JsonNode files = MAPPER.readTree(Files.readString(file)).path("files");
      Map<String, String> entries = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = files.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        entries.put(entry.getKey(), entry.getValue().asString());
      }
      return new WriteRecord(ImmutableMap.copyOf(entries));
    } catch (JacksonException e) {
      return empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * What the record holds for a file that a program jchef runs may rewrite (cargo's lockfile while
   * cargo runs): jchef's whatever its content, until {@link SkeletonWriter#adoptRewrittenFile}
   * records the content again. A run killed meanwhile leaves the file jchef's.
   */
  static final String ANY_CONTENT = "*";

  /** Whether the file at {@code path} is one jchef wrote and nobody has changed since. */
  boolean owns(Path root, String path) {
    String recorded = sha256ByPath.get(path);
    if (recorded == null) {
      return false;
    }
    if (recorded.equals(ANY_CONTENT)) {
      return true;
    }
    return SkeletonFiles.sha256(SkeletonFiles.resolve(root, path)).map(recorded::equals).orElse(false);
  }

  /**
   * Whether jchef wrote a file at {@code path}, whatever its content now: with {@link #owns}, it
   * tells a file someone changed since jchef wrote it from one jchef never wrote.
   */
  boolean names(String path) {
    return sha256ByPath.containsKey(path);
  }

  /** This record with more entries. */
  WriteRecord plus(Map<String, String> more) {
    Map<String, String> entries = new TreeMap<>(sha256ByPath);
    entries.putAll(more);
    return new WriteRecord(ImmutableMap.copyOf(entries));
  }

  /**
   * Writes the record, with the streaming generator: an {@code ObjectMapper} writing a tree would
   * load Jackson's optional handlers, which need the {@code java.xml} module that jchef's runtime
   * leaves out.
   */
  void writeTo(Path root) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(ObjectWriteContext.empty(), text)) {
      json.writeStartObject();
      json.writeObjectPropertyStart("files");
      new TreeMap<>(sha256ByPath).forEach(json::writeStringProperty);
      json.writeEndObject();
      json.writeEndObject();
    }
    AtomicFiles.write(SkeletonFiles.resolve(root, PATH), (text + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
