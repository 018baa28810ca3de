package dev.jchef.cook;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code jchef-state.json}, the record a stored cook state carries beside its units: where it was
 * made (cargo writes these absolute paths into its units: a state is restored only at the same
 * ones), and for each unit whose freshness cargo judges by file times, the files it read and their
 * {@link ContentHash}es, so that a restore can tell whether they are still what the unit was
 * built from.
 *
 * @param exact the {@link CookCacheKey#exact} it was stored under
 * @param scope the {@link CookCacheKey#scope} it was stored under
 * @param root the cook directory, absolute
 * @param unitDirectory the directory of cargo's units (the build or target directory), absolute
 * @param cargoHome {@code CARGO_HOME}, absolute
 * @param inputs by fingerprint directory (relative to {@code unitDirectory}, such as {@code
 *     debug/.fingerprint/libc-0123456789abcdef}): absolute path to content hash
 */
record CookStateRecord(
    String exact, String scope, String root, String unitDirectory, String cargoHome, SortedMap<String, SortedMap<String, String>> inputs) {
  static final String FILE_NAME = "jchef-state.json";
  private static final int FORMAT = 1;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = new JsonFactory();

  /**
   * Reads the record of a fetched state.
   *
   * @throws CookCacheException when it is missing, not JSON or of another format
   */
  static CookStateRecord read(Path file) {
    JsonNode json;
    try {
      json = MAPPER.readTree(Files.readString(file));
    } catch (IOException | JacksonException e) {
      throw new CookCacheException("the state has no readable " + FILE_NAME + ": " + e.getMessage());
    }
    if (json.path("format").asInt(0) != FORMAT) {
      throw new CookCacheException(
          "the state's " + FILE_NAME + " is of format " + json.path("format") + ", this jchef reads " + FORMAT);
    }
    SortedMap<String, SortedMap<String, String>> inputs = new TreeMap<>();
    for (Map.Entry<String, JsonNode> unit : json.path("inputs").properties()) {
      SortedMap<String, String> files = new TreeMap<>();
      unit.getValue().properties().forEach(input -> files.put(input.getKey(), input.getValue().asString()));
      inputs.put(unit.getKey(), files);
    }
    return new CookStateRecord(
        json.path("exact").asString(""), json.path("scope").asString(""), json.path("root").asString(""), json.path("unitDirectory").asString(""), json.path("cargoHome").asString(""),
        inputs);
  }

  /**
   * Writes the record with the streaming generator (a tree writer would need {@code java.xml},
   * which jchef's runtime leaves out).
   *
   * @throws UncheckedIOException naming the file when it cannot be written
   */
  void write(Path file) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(ObjectWriteContext.empty(), text)) {
      json.writeStartObject();
      json.writeNumberProperty("format", FORMAT);
      json.writeStringProperty("exact", exact);
      json.writeStringProperty("scope", scope);
      json.writeStringProperty("root", root);
      json.writeStringProperty("unitDirectory", unitDirectory);
      json.writeStringProperty("cargoHome", cargoHome);
      json.writeObjectPropertyStart("inputs");
      for (Map.Entry<String, SortedMap<String, String>> unit : inputs.entrySet()) {
        json.writeObjectPropertyStart(unit.getKey());
        unit.getValue().forEach(json::writeStringProperty);
        json.writeEndObject();
      }
      json.writeEndObject();
      json.writeEndObject();
    }
    try {
      Files.writeString(file, text + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
