package dev.jchef.model.internal;

import com.google.common.collect.ImmutableList;
import dev.jchef.model.CargoFileException;
import dev.jchef.model.workspace.TomlTable;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.toml.TomlFactory;
import tools.jackson.dataformat.toml.TomlReadFeature;

/**
 * Reads TOML 1.1 text into a {@link TomlTable}, the way Cargo reads its files (cargo 1.95 reads
 * TOML 1.1: inline tables over several lines and with a trailing comma, the {@code \e} and {@code
 * \xHH} escapes, times without seconds; and all of 1.0). A UTF-8 byte-order mark is skipped,
 * integers must fit in 64 bits, floats must be finite unless written {@code inf} or {@code nan},
 * and every error names the file, line and column, or the field.
 */
public final class TomlReader {
  private static final char BYTE_ORDER_MARK = '\uFEFF';
  private static final TomlFactory FACTORY = TomlFactory.builder().build();
  /**
   * Dates and times as {@code java.time} values. The feature must come through the read context:
   * {@code TomlFactory.createParser} ignores the one set on its builder (jackson-dataformat-toml
   * 3.3.0).
   */
  private static final ObjectReadContext READ_CONTEXT =
      new ObjectReadContext.Base() {
        @Override
        public int getFormatReadFeatures(int defaults) {
          return defaults | TomlReadFeature.PARSE_JAVA_TIME.getMask();
        }
      };

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
    try (JsonParser parser = FACTORY.createParser(READ_CONTEXT, toml)) {
      return parser.nextToken() == null ? TomlTable.empty() : readTable(parser, displayName, "");
    } catch (JacksonException e) {
      throw syntaxError(toml, displayName, e);
    }
  }

  private static CargoFileException syntaxError(String toml, String displayName, JacksonException e) {
    TokenStreamLocation location = e.getLocation();
    int line = location == null ? 0 : location.getLineNr();
    int column = location == null ? 0 : location.getColumnNr();
    if (e.getOriginalMessage().startsWith("Duplicate key") && column == 1 && line > 1) {
      // Jackson notices a duplicate after the line's newline; point at the end of that line.
      line--;
      column = toml.split("\n", -1)[line - 1].length() + 1;
    }
    String problem = e.getOriginalMessage();
    return line > 0 && column > 0
        ? CargoFileException.atLine(displayName, line, column, problem)
        : CargoFileException.inFile(displayName, problem, e);
  }

  // Read from the parser's tokens, not through an ObjectMapper: building a mapper costs more
  // start-up time than reading a whole workspace.
  private static TomlTable readTable(JsonParser parser, String file, String path) {
    Map<String, Object> entries = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
      String key = parser.currentName();
      parser.nextToken();
      entries.put(key, readValue(parser, file, path.isEmpty() ? key : path + "." + key));
    }
    return TomlTable.of(entries);
  }

  private static Object readValue(JsonParser parser, String file, String path) {
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
        return parser.getString();
      case VALUE_TRUE:
      case VALUE_FALSE:
        return parser.getBooleanValue();
      case VALUE_NUMBER_INT:
        // A hexadecimal, octal or binary integer comes as a BigInteger even when it fits.
        BigInteger integer = parser.getBigIntegerValue();
        if (integer.bitLength() > 63) {
          throw CargoFileException.atField(
              file, path, "integer " + integer + " does not fit in 64 bits");
        }
        return integer.longValue();
      case VALUE_NUMBER_FLOAT:
        // inf and nan come as doubles; a literal too large for a double comes as a BigDecimal.
        if (parser.getNumberType() == JsonParser.NumberType.BIG_DECIMAL
            && Double.isInfinite(parser.getDecimalValue().doubleValue())) {
          throw CargoFileException.atField(
              file, path, "float " + parser.getDecimalValue() + " does not fit in 64 bits");
        }
        return parser.getDoubleValue();
      case VALUE_EMBEDDED_OBJECT:
        return parser.getEmbeddedObject(); // a java.time value, checked by TomlTable.of
      default:
        throw CargoFileException.atField(file, path, "unsupported TOML value " + token);
    }
  }
}
