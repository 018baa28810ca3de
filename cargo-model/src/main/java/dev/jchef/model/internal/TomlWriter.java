package dev.jchef.model.internal;

import com.google.common.collect.ImmutableList;
import dev.jchef.model.workspace.TomlTable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes a {@link TomlTable} as TOML 1.0 text, deterministically: the same table always gives the
 * same bytes. Within a table, plain values come first in key order, then sub-tables as
 * {@code [a.b]} headers and arrays of tables as {@code [[a.b]]}; headers of tables that hold only
 * sub-tables are left implicit, empty tables keep their header. Strings are always basic strings
 * on one line. Reading the output back gives an equal table.
 */
public final class TomlWriter {
  private static final Pattern BARE_KEY = Pattern.compile("[A-Za-z0-9_-]+");

  private TomlWriter() {}

  /** The TOML text of {@code table}, ending in a newline unless the table is empty. */
  public static String write(TomlTable table) {
    StringBuilder out = new StringBuilder();
    writeTable(out, table, "", false);
    return out.toString();
  }

  private static void writeTable(StringBuilder out, TomlTable table, String path, boolean element) {
    boolean hasPlainValues = table.asMap().values().stream().anyMatch(v -> !isTableLike(v));
    if (element) {
      header(out, "[[" + path + "]]");
    } else if (!path.isEmpty() && (hasPlainValues || table.isEmpty())) {
      header(out, "[" + path + "]");
    }
    for (Map.Entry<String, Object> entry : table.asMap().entrySet()) {
      if (!isTableLike(entry.getValue())) {
        out.append(key(entry.getKey())).append(" = ");
        writeInline(out, entry.getValue());
        out.append('\n');
      }
    }
    for (Map.Entry<String, Object> entry : table.asMap().entrySet()) {
      String childPath = path.isEmpty() ? key(entry.getKey()) : path + "." + key(entry.getKey());
      if (entry.getValue() instanceof TomlTable child) {
        writeTable(out, child, childPath, false);
      } else if (isArrayOfTables(entry.getValue())) {
        for (Object item : (List<?>) entry.getValue()) {
          writeTable(out, (TomlTable) item, childPath, true);
        }
      }
    }
  }

  private static void header(StringBuilder out, String header) {
    if (out.length() > 0) {
      out.append('\n');
    }
    out.append(header).append('\n');
  }

  private static boolean isTableLike(Object value) {
    return value instanceof TomlTable || isArrayOfTables(value);
  }

  private static boolean isArrayOfTables(Object value) {
    return value instanceof ImmutableList<?> list
        && !list.isEmpty()
        && list.stream().allMatch(item -> item instanceof TomlTable);
  }

  /** A value written inline, as after {@code key = }: arrays and tables on one line. */
  public static String inline(Object value) {
    StringBuilder out = new StringBuilder();
    // TomlTable.of checks that the value is a TOML value.
    writeInline(out, TomlTable.of(Map.of("v", value)).asMap().get("v"));
    return out.toString();
  }

  private static void writeInline(StringBuilder out, Object value) {
    if (value instanceof String string) {
      writeString(out, string);
    } else if (value instanceof Double number) {
      out.append(formatFloat(number));
    } else if (value instanceof OffsetDateTime dateTime) {
      out.append(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dateTime));
    } else if (value instanceof LocalDateTime dateTime) {
      out.append(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(dateTime));
    } else if (value instanceof LocalDate date) {
      out.append(DateTimeFormatter.ISO_LOCAL_DATE.format(date));
    } else if (value instanceof LocalTime time) {
      out.append(DateTimeFormatter.ISO_LOCAL_TIME.format(time));
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        out.append(i == 0 ? "" : ", ");
        writeInline(out, list.get(i));
      }
      out.append(']');
    } else if (value instanceof TomlTable table) {
      if (table.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append("{ ");
      boolean first = true;
      for (Map.Entry<String, Object> entry : table.asMap().entrySet()) {
        out.append(first ? "" : ", ").append(key(entry.getKey())).append(" = ");
        writeInline(out, entry.getValue());
        first = false;
      }
      out.append(" }");
    } else {
      out.append(value); // Long and Boolean print as TOML writes them
    }
  }

  private static String formatFloat(double number) {
    if (Double.isNaN(number)) {
      return "nan";
    }
    if (Double.isInfinite(number)) {
      return number > 0 ? "inf" : "-inf";
    }
    return Double.toString(number);
  }

  /** A key as TOML writes it: bare when it can be, else a quoted basic string. */
  public static String key(String key) {
    if (BARE_KEY.matcher(key).matches()) {
      return key;
    }
    StringBuilder out = new StringBuilder();
    writeString(out, key);
    return out.toString();
  }

  private static void writeString(StringBuilder out, String string) {
    out.append('"');
    for (int i = 0; i < string.length(); i++) {
      char c = string.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\u%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
