package dev.jchef.recipe.json;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.jchef.model.TargetKind;
import dev.jchef.model.ToolchainFile;
import dev.jchef.recipe.Recipe;
import dev.jchef.recipe.RecipeException;
import dev.jchef.recipe.RecipeManifest;
import dev.jchef.recipe.RecipeTarget;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The recipe.json form of a {@link Recipe}, exactly cargo-chef's schema:
 *
 * <pre>
 * {"skeleton":{"manifests":[{"relative_path":..,"contents":..,"targets":[{"path":..,
 *   "kind":{"Lib":{"is_proc_macro":false}}|"Bin"|"Test"|"Bench"|"Example"|"BuildScript",
 *   "name":..}]}],"config_file":..|null,"lock_file":..|null,
 *   "rust_toolchain_file":null|["Bare"|"Toml",..]}}
 * </pre>
 *
 * Writing is byte-stable: compact, fields in that order, as cargo-chef writes it. Reading names
 * the field of any problem, and accepts fields it does not know (a recipe of a newer jchef or
 * cargo-chef may carry extra ones): {@link #readWithWarnings} names them, for the caller to show.
 */
public final class RecipeJson {
  /** Writing needs only the streaming generator: no ObjectMapper, which is slow to set up. */
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final Map<TargetKind, String> KIND_NAMES =
      Map.of(
          TargetKind.BIN, "Bin",
          TargetKind.TEST, "Test",
          TargetKind.BENCH, "Bench",
          TargetKind.EXAMPLE, "Example",
          TargetKind.BUILD_SCRIPT, "BuildScript");
  private static final Map<ToolchainFile.Kind, String> TOOLCHAIN_NAMES =
      Map.of(ToolchainFile.Kind.BARE, "Bare", ToolchainFile.Kind.TOML, "Toml");

  /** The fields of each object of the schema; any other is reported as ignored. */
  private static final Set<String> RECIPE_FIELDS = Set.of("skeleton");
  private static final Set<String> SKELETON_FIELDS =
      Set.of("manifests", "config_file", "lock_file", "rust_toolchain_file");
  private static final Set<String> MANIFEST_FIELDS = Set.of("relative_path", "contents", "targets");
  private static final Set<String> TARGET_FIELDS = Set.of("path", "kind", "name");
  private static final Set<String> LIB_KIND_FIELDS = Set.of("Lib");
  private static final Set<String> LIB_FIELDS = Set.of("is_proc_macro");

  /** How many ignored fields a warning names before it says how many more there are. */
  private static final int FIELDS_NAMED = 10;

  /**
   * A recipe read from JSON, with what the reader has to tell about it.
   *
   * @param warnings lines for the user, each naming the source: fields this version does not know
   *     and ignored, as a recipe of a newer jchef or cargo-chef may carry; empty for a recipe of
   *     exactly this schema
   */
  public record Parsed(Recipe recipe, ImmutableList<String> warnings) {
    public Parsed {
      checkNotNull(recipe);
      checkNotNull(warnings);
    }
  }

  private RecipeJson() {}

  /** The recipe as compact JSON, the same bytes for equal recipes. */
  public static String write(Recipe recipe) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
      json.writeStartObject();
      json.writeObjectPropertyStart("skeleton");
      json.writeArrayPropertyStart("manifests");
      for (RecipeManifest manifest : recipe.manifests()) {
        json.writeStartObject();
        json.writeStringProperty("relative_path", manifest.relativePath());
        json.writeStringProperty("contents", manifest.contents());
        json.writeArrayPropertyStart("targets");
        for (RecipeTarget target : manifest.targets()) {
          writeTarget(json, target);
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      json.writeEndArray();
      writeOptional(json, "config_file", recipe.configFile());
      writeOptional(json, "lock_file", recipe.lockFile());
      json.writeName("rust_toolchain_file");
      if (recipe.toolchainFile().isPresent()) {
        json.writeStartArray();
        json.writeString(TOOLCHAIN_NAMES.get(recipe.toolchainFile().get().kind()));
        json.writeString(recipe.toolchainFile().get().text());
        json.writeEndArray();
      } else {
        json.writeNull();
      }
      json.writeEndObject();
      json.writeEndObject();
    }
    return out.toString();
  }

  private static void writeTarget(JsonGenerator json, RecipeTarget target) {
    json.writeStartObject();
    json.writeStringProperty("path", target.path());
    json.writeName("kind");
    if (target.kind() == TargetKind.LIB) {
      json.writeStartObject();
      json.writeObjectPropertyStart("Lib");
      json.writeBooleanProperty("is_proc_macro", target.procMacro());
      json.writeEndObject();
      json.writeEndObject();
    } else {
      json.writeString(KIND_NAMES.get(target.kind()));
    }
    json.writeStringProperty("name", target.name());
    json.writeEndObject();
  }

  private static void writeOptional(JsonGenerator json, String field, Optional<String> value) {
    if (value.isPresent()) {
      json.writeStringProperty(field, value.get());
    } else {
      json.writeNullProperty(field);
    }
  }

  /**
   * Reads a recipe from JSON, ignoring fields it does not know; {@link #readWithWarnings} also
   * names them.
   *
   * @param source how errors name the recipe, usually its file
   * @throws RecipeException naming the source and the field when the text is not a recipe
   */
  public static Recipe read(String text, String source) {
    return readWithWarnings(text, source).recipe();
  }

  /**
   * Reads a recipe from JSON, with a warning naming the fields it does not know and ignored
   * ({@code recipe.json: fields this jchef does not know, ignored: skeleton.foo,
   * skeleton.manifests[0].bar}), for the caller to show: the recipe is accepted all the same.
   *
   * @param source how errors and warnings name the recipe, usually its file
   * @throws RecipeException naming the source and the field when the text is not a recipe; for a
   *     recipe of cargo-chef before 0.1.61, whose manifests have no {@code targets}, saying so
   */
  public static Parsed readWithWarnings(String text, String source) {
    if (text.isBlank()) {
      throw new RecipeException(source + ": the file is empty, and a recipe is a JSON object");
    }
    JsonNode root;
    try {
      root = Reading.MAPPER.readTree(text);
    } catch (JacksonException e) {
      throw new RecipeException(
          source + ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr()
              + ": not valid JSON: " + plain(e.getOriginalMessage()));
    }
    Reader reader = new Reader(source, new ArrayList<>());
    JsonNode skeleton = reader.object(root, "skeleton", "");
    reader.noteUnknown(root, "", RECIPE_FIELDS);
    reader.noteUnknown(skeleton, "skeleton", SKELETON_FIELDS);
    ImmutableList.Builder<RecipeManifest> manifests = ImmutableList.builder();
    JsonNode manifestArray = reader.array(skeleton, "manifests", "skeleton");
    for (int i = 0; i < manifestArray.size(); i++) {
      String at = "skeleton.manifests[" + i + "]";
      JsonNode manifest = reader.objectAt(manifestArray.get(i), at);
      reader.noteUnknown(manifest, at, MANIFEST_FIELDS);
      if (!manifest.has("targets") && manifest.has("relative_path")) {
        throw reader.error(
            at + ".targets",
            "missing: this is a recipe of cargo-chef before 0.1.61, which did not record build"
                + " targets; prepare it again with jchef, or with cargo-chef 0.1.61 or newer");
      }
      ImmutableList.Builder<RecipeTarget> targets = ImmutableList.builder();
      JsonNode targetArray = reader.array(manifest, "targets", at);
      for (int j = 0; j < targetArray.size(); j++) {
        targets.add(readTarget(reader, targetArray.get(j), at + ".targets[" + j + "]"));
      }
      manifests.add(
          new RecipeManifest(
              reader.string(manifest, "relative_path", at),
              reader.string(manifest, "contents", at),
              targets.build()));
    }
    Recipe recipe =
        new Recipe(
            manifests.build(),
            reader.optionalString(skeleton, "config_file", "skeleton"),
            reader.optionalString(skeleton, "lock_file", "skeleton"),
            readToolchain(reader, skeleton));
    return new Parsed(recipe, reader.warnings());
  }

  /**
   * The parser's message without its internals: the location of a start marker, which it gives
   * as {@code [Source: REDACTED ...; line: 1, column: 28]}, becomes {@code line 1, column 28}.
   */
  private static String plain(String message) {
    String located = LOCATION.matcher(message).replaceAll("line $1, column $2");
    return UNLOCATED.matcher(located).replaceAll("earlier").replace("start marker at earlier", "opened earlier");
  }

  private static final Pattern LOCATION = Pattern.compile("\\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]");
  private static final Pattern UNLOCATED = Pattern.compile("\\[Source: [^\\]]*\\]");

  private static RecipeTarget readTarget(Reader reader, JsonNode node, String at) {
    JsonNode target = reader.objectAt(node, at);
    reader.noteUnknown(target, at, TARGET_FIELDS);
    JsonNode kind = target.get("kind");
    String path = reader.string(target, "path", at);
    String name = reader.string(target, "name", at);
    if (kind != null && kind.isObject() && kind.has("Lib")) {
      reader.noteUnknown(kind, at + ".kind", LIB_KIND_FIELDS);
      JsonNode lib = kind.get("Lib");
      JsonNode procMacro = lib.get("is_proc_macro");
      if (procMacro == null || !procMacro.isBoolean()) {
        throw reader.error(at + ".kind.Lib.is_proc_macro", "expected true or false");
      }
      reader.noteUnknown(lib, at + ".kind.Lib", LIB_FIELDS);
      return new RecipeTarget(path, TargetKind.LIB, procMacro.booleanValue(), name);
    }
    if (kind != null && kind.isString()) {
      for (Map.Entry<TargetKind, String> entry : KIND_NAMES.entrySet()) {
        if (entry.getValue().equals(kind.stringValue())) {
          return new RecipeTarget(path, entry.getKey(), false, name);
        }
      }
    }
    throw reader.error(
        at + ".kind", "expected {\"Lib\":{\"is_proc_macro\":..}}, Bin, Test, Bench, Example or BuildScript");
  }

  private static Optional<ToolchainFile> readToolchain(Reader reader, JsonNode skeleton) {
    JsonNode value = skeleton.get("rust_toolchain_file");
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    String at = "skeleton.rust_toolchain_file";
    if (!value.isArray() || value.size() != 2 || !value.get(0).isString() || !value.get(1).isString()) {
      throw reader.error(at, "expected null or [\"Bare\" or \"Toml\", text]");
    }
    for (Map.Entry<ToolchainFile.Kind, String> entry : TOOLCHAIN_NAMES.entrySet()) {
      if (entry.getValue().equals(value.get(0).stringValue())) {
        return Optional.of(new ToolchainFile(entry.getKey(), value.get(1).stringValue()));
      }
    }
    throw reader.error(at + "[0]", "expected \"Bare\" or \"Toml\"");
  }

  /** The mapper for reading, made on first use. */
  private static final class Reading {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  /**
   * Typed access to the JSON tree, with errors naming the source and the field; it notes the
   * fields it does not know in {@code unknown}, as dotted paths.
   */
  private record Reader(String source, List<String> unknown) {
    RecipeException error(String field, String problem) {
      return new RecipeException(source + ": " + field + ": " + problem);
    }

    /** Notes the fields of {@code object} (at {@code at}) that are not in {@code known}. */
    void noteUnknown(JsonNode object, String at, Set<String> known) {
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        if (!known.contains(field.getKey())) {
          unknown.add(join(at, field.getKey()));
        }
      }
    }

    /** One warning naming the unknown fields (the first ten, then how many more), or none. */
    ImmutableList<String> warnings() {
      if (unknown.isEmpty()) {
        return ImmutableList.of();
      }
      List<String> named = unknown.subList(0, Math.min(FIELDS_NAMED, unknown.size()));
      String more = unknown.size() > named.size() ? " and " + (unknown.size() - named.size()) + " more" : "";
      return ImmutableList.of(
          source + ": " + (unknown.size() == 1 ? "a field" : "fields") + " this jchef does not know, ignored: "
              + String.join(", ", named) + more);
    }

    JsonNode object(JsonNode parent, String key, String at) {
      return objectAt(required(parent, key, at), join(at, key));
    }

    JsonNode objectAt(JsonNode node, String at) {
      if (!node.isObject()) {
        throw error(at.isEmpty() ? "(top level)" : at, "expected an object");
      }
      return node;
    }

    JsonNode array(JsonNode parent, String key, String at) {
      JsonNode node = required(parent, key, at);
      if (!node.isArray()) {
        throw error(join(at, key), "expected an array");
      }
      return node;
    }

    String string(JsonNode parent, String key, String at) {
      JsonNode node = required(parent, key, at);
      if (!node.isString()) {
        throw error(join(at, key), "expected a string");
      }
      return node.stringValue();
    }

    Optional<String> optionalString(JsonNode parent, String key, String at) {
      JsonNode node = parent.get(key);
      if (node == null || node.isNull()) {
        return Optional.empty();
      }
      if (!node.isString()) {
        throw error(join(at, key), "expected a string or null");
      }
      return Optional.of(node.stringValue());
    }

    private JsonNode required(JsonNode parent, String key, String at) {
      objectAt(parent, at);
      JsonNode node = parent.get(key);
      if (node == null) {
        throw error(join(at, key), "missing");
      }
      return node;
    }

    private static String join(String at, String key) {
      return at.isEmpty() ? key : at + "." + key;
    }
  }
}
