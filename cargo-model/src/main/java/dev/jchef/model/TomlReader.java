package dev.jchef.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.toml.TomlFactory;
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
  private static final TomlFactory FACTORY =
      TomlFactory.builder().enable(TomlReadFeature.PARSE_JAVA_TIME).build();

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
    try (JsonParser parser = FACTORY.createParser(toml)) {
      return parser.nextToken() == null ? TomlTable.empty() : readTable(parser, displayName, "");
    } catch (JsonProcessingException e) {
      throw syntaxError(toml, displayName, e);
    } catch (IOException e) {
      throw CargoFileException.inFile(displayName, "cannot parse: " + e.getMessage(), e);
    }
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

  // Read from the parser's tokens, not through an ObjectMapper: building a mapper costs more
  // start-up time than reading a whole workspace.
  private static TomlTable readTable(JsonParser parser, String file, String path) throws IOException {
    Map<String, Object> entries = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      parser.nextToken();
      entries.put(key, readValue(parser, file, path.isEmpty() ? key : path + "." + key));
    }
    return TomlTable.of(entries);
  }

  private static Object readValue(JsonParser parser, String file, String path) throws IOException {
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT:
        return readTable(parser, file, path);
      case START_ARRAY:
        ImmutableList.Builder<Object> items = ImmutableList.builder();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          items.add(readValue(parser, file, path));
        }
        return items.build();
      case VALUE_STRING:
        return parser.getText();
      case VALUE_TRUE:
      case VALUE_FALSE:
        return parser.getBooleanValue();
      case VALUE_NUMBER_INT:
        if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
          throw CargoFileException.atField(
              file, path, "integer " + parser.getText() + " does not fit in 64 bits");
        }
        return parser.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return parser.getDoubleValue();
      case VALUE_EMBEDDED_OBJECT:
        return TomlTable.checkValue(parser.getEmbeddedObject());
      default:
        throw CargoFileException.atField(file, path, "unsupported TOML value " + token);
    }
  }
}
