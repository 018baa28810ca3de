package dev.jchef.cook;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What the units of member-layer packages in one profile directory were built from: the file
 * {@code .jchef-layer-sources.json} beside cargo's {@code .fingerprint/} ({@code target/debug/},
 * {@code target/<triple>/release/}), so that it travels with the units wherever the target
 * directory goes (a cache mount, a CI cache, a layer image).
 *
 * <pre>
 * {"format": 1, "packages": {"crates/model": {
 *    "files": {"crates/model/src/lib.rs": "&lt;SHA-256 hex&gt;", "data/words.txt": "&lt;SHA-256 hex&gt;"},
 *    "units": ["model-0f3c5a1e2b4d6789"],
 *    "recorded": "2026-12-06T12:00:00.123Z"}}}
 * </pre>
 *
 * An entry says: every unit named in {@code units} (a directory of {@code .fingerprint/}) was
 * built from exactly these files with these contents (the package's own files and the files
 * outside it that its units read), and none was rebuilt after {@code recorded}. Paths are
 * relative to the workspace root, with {@code /}. A record that cannot be read counts as empty:
 * nothing is vouched for, so every unit it would have covered is built again.
 *
 * @param packages each layer package's entry, by package directory
 */
record LayerSourceRecord(SortedMap<String, Entry> packages) {
  /** The record's file name in a profile directory. */
  static final String FILE_NAME = ".jchef-layer-sources.json";

  private static final int FORMAT = 1;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = new JsonFactory();

  /**
   * One package's entry.
   *
   * @param files path to the file's {@link ContentHash}
   * @param units the {@code .fingerprint/} directory names vouched for
   * @param recorded when the entry was written; a unit with a file newer than this was rebuilt by
   *     another build, from content this record does not know
   */
  record Entry(SortedMap<String, String> files, List<String> units, Instant recorded) {
    Entry {
      files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
      units = List.copyOf(units);
    }
  }

  LayerSourceRecord {
    packages = Collections.unmodifiableSortedMap(new TreeMap<>(packages));
  }

  /** The record of {@code profileDirectory}, empty when there is none or it cannot be read. */
  static LayerSourceRecord read(Path profileDirectory) {
    Path file = profileDirectory.resolve(FILE_NAME);
    SortedMap<String, Entry> packages = new TreeMap<>();
    if (!Files.isRegularFile(file)) {
      return new LayerSourceRecord(packages);
    }
    try {
      JsonNode document = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
      if (document.path("format").asInt() != FORMAT) {
        return new LayerSourceRecord(packages);
      }
      for (Map.Entry<String, JsonNode> pkg : document.path("packages").properties()) {
        JsonNode value = pkg.getValue();
        SortedMap<String, String> files = new TreeMap<>();
        value.path("files").properties().forEach(f -> files.put(f.getKey(), f.getValue().asString()));
        List<String> units = value.path("units").valueStream().map(JsonNode::asString).toList();
        packages.put(pkg.getKey(), new Entry(files, units, Instant.parse(value.path("recorded").asString())));
      }
      return new LayerSourceRecord(packages);
    } catch (IOException | RuntimeException e) {
      return new LayerSourceRecord(new TreeMap<>()); // unreadable: vouches for nothing
    }
  }

  /**
   * Writes this record into {@code profileDirectory}, replacing the old one atomically (a
   * temporary file renamed over it), or removes the file when the record is empty. It writes with
   * the streaming generator: an {@code ObjectMapper} writing a tree would load Jackson's optional
   * handlers, which need the {@code java.xml} module that jchef's runtime leaves out.
   *
   * @throws UncheckedIOException naming the file when it cannot be written
   */
  void write(Path profileDirectory) {
    Path file = profileDirectory.resolve(FILE_NAME);
    try {
      if (packages.isEmpty()) {
        Files.deleteIfExists(file);
        return;
      }
      StringWriter text = new StringWriter();
      try (JsonGenerator json = FACTORY.createGenerator(ObjectWriteContext.empty(), text)) {
        json.writeStartObject();
        json.writeNumberProperty("format", FORMAT);
        json.writeObjectPropertyStart("packages");
        for (Map.Entry<String, Entry> pkg : packages.entrySet()) {
          json.writeObjectPropertyStart(pkg.getKey());
          json.writeObjectPropertyStart("files");
          pkg.getValue().files().forEach(json::writeStringProperty);
          json.writeEndObject();
          json.writeArrayPropertyStart("units");
          for (String unit : pkg.getValue().units()) {
            json.writeString(unit);
          }
          json.writeEndArray();
          json.writeStringProperty("recorded", pkg.getValue().recorded().toString());
          json.writeEndObject();
        }
        json.writeEndObject();
        json.writeEndObject();
      }
      ReplacedFile.write(file, text + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
