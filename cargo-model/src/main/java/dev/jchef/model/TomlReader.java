package dev.jchef.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.toml.TomlReadFeature;
import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads TOML 1.0 text into a {@link TomlTable}, the way Cargo reads its files: a UTF-8
 * byte-order mark is skipped, integers must fit in 64 bits, and every error names the file, line
 * and column. Cargo also accepts TOML 1.1; where a file uses 1.1 syntax that this reader rejects
 * (inline tables over several lines or with a trailing comma, the {@code \e} and {@code \xHH}
 * escapes, times without seconds), the error says so instead of a bare syntax error.
 */
public final class TomlReader {
  private static final char BYTE_ORDER_MARK = '\uFEFF';
  private static final TomlMapper MAPPER =
      TomlMapper.builder().enable(TomlReadFeature.PARSE_JAVA_TIME).build();

  private TomlReader() {}

  /**
   * Reads and parses {@code file}.
   *
   * @param displayName how errors name the file, usually its path relative to the workspace
   */
  public static TomlTable read(Path file, String displayName) {
    return parse(readText(file, displayName), displayName);
  }

  /** Reads {@code file} as strict UTF-8 text, without a byte-order mark. */
  public static String readText(Path file, String displayName) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw CargoFileException.inFile(displayName, "file not found", e);
    } catch (IOException e) {
      throw CargoFileException.inFile(displayName, "cannot read: " + e.getMessage(), e);
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw CargoFileException.inFile(displayName, "not valid UTF-8", e);
    }
  }

  /**
   * Parses TOML text.
   *
   * @param displayName how errors name the text's file
   */
  public static TomlTable parse(String text, String displayName) {
    String toml = !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    JsonNode tree;
    try {
      tree = MAPPER.readTree(toml);
    } catch (JsonProcessingException e) {
      throw syntaxError(toml, displayName, e);
    }
    if (tree == null || tree.isMissingNode()) {
      return TomlTable.empty();
    }
    return toTable(tree, displayName, "");
  }

  private static CargoFileException syntaxError(
      String toml, String displayName, JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    int line = location == null ? 0 : location.getLineNr();
    int column = location == null ? 0 : location.getColumnNr();
    if (e.getOriginalMessage().startsWith("Duplicate key") && column == 1 && line > 1) {
      // Jackson notices a duplicate after the line's newline; point at the end of that line.
      line--;
      column = toml.split("\n", -1)[line - 1].length() + 1;
    }
    String problem =
        Toml11Syntax.explain(toml, line, column, e.getOriginalMessage())
            .orElse(e.getOriginalMessage());
    return line > 0 && column > 0
        ? CargoFileException.atLine(displayName, line, column, problem)
        : CargoFileException.inFile(displayName, problem, e);
  }

  private static TomlTable toTable(JsonNode object, String file, String path) {
    Map<String, Object> entries = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
      entries.put(field.getKey(), toValue(field.getValue(), file, fieldPath));
    }
    return TomlTable.of(entries);
  }

  private static Object toValue(JsonNode node, String file, String path) {
    if (node.isObject()) {
      return toTable(node, file, path);
    }
    if (node.isArray()) {
      ImmutableList.Builder<Object> items = ImmutableList.builderWithExpectedSize(node.size());
      for (JsonNode item : node) {
        items.add(toValue(item, file, path));
      }
      return items.build();
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      if (!node.canConvertToLong()) {
        throw CargoFileException.atField(
            file, path, "integer " + node.asText() + " does not fit in 64 bits");
      }
      return node.longValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node instanceof POJONode pojo) {
      return TomlTable.checkValue(pojo.getPojo());
    }
    throw CargoFileException.atField(file, path, "unsupported TOML value " + node.getNodeType());
  }
}
