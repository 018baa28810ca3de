package dev.jchef.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises TOML 1.1 syntax at the place a TOML 1.0 parser stopped. Cargo's parser accepts TOML
 * 1.1, Jackson's does not; a user should learn that the file is fine for Cargo and what to write
 * instead, not see a bare "unknown escape sequence".
 */
final class Toml11Syntax {
  private static final String UNSUPPORTED = "TOML 1.1 syntax is not supported: ";
  private static final Pattern TIME_WITHOUT_SECONDS =
      Pattern.compile("(^|[=\\s,\\[T])\\d{2}:\\d{2}(?![:\\d])");

  private Toml11Syntax() {}

  /** A message for a TOML 1.1 construct at 1-based ({@code line}, {@code column}), if any. */
  static Optional<String> explain(String toml, int line, int column, String parserMessage) {
    int offset = offsetOf(toml, line, column);
    if (offset < 0) {
      return Optional.empty();
    }
    if (parserMessage.startsWith("Unknown escape sequence") && offset + 1 < toml.length()) {
      char escape = toml.charAt(offset + 1);
      if (escape == 'e') {
        return Optional.of(UNSUPPORTED + "the escape \\e; write \\u001b instead");
      }
      if (escape == 'x') {
        return Optional.of(UNSUPPORTED + "the escape \\xHH; write \\u00HH instead");
      }
    }
    if (parserMessage.startsWith("Trailing comma not permitted for inline tables")) {
      return Optional.of(UNSUPPORTED + "a trailing comma in an inline table; remove the comma");
    }
    if (parserMessage.startsWith("Newline not permitted here") && insideInlineTable(toml, offset)) {
      return Optional.of(
          UNSUPPORTED
              + "an inline table over several lines; write it on one line or as a [table]");
    }
    if (TIME_WITHOUT_SECONDS.matcher(lineAt(toml, offset)).find()) {
      return Optional.of(UNSUPPORTED + "a time without seconds; write HH:MM:00");
    }
    return Optional.empty();
  }

  private static int offsetOf(String toml, int line, int column) {
    if (line < 1 || column < 1) {
      return -1;
    }
    int offset = 0;
    for (int current = 1; current < line; current++) {
      offset = toml.indexOf('\n', offset) + 1;
      if (offset == 0) {
        return -1;
      }
    }
    int result = offset + column - 1;
    return result <= toml.length() ? result : -1;
  }

  private static String lineAt(String toml, int offset) {
    int start = toml.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
    int end = toml.indexOf('\n', offset);
    return toml.substring(start, end < 0 ? toml.length() : end);
  }

  /** Whether {@code offset} lies inside braces, outside strings and comments. */
  private static boolean insideInlineTable(String toml, int offset) {
    int depth = 0;
    int i = 0;
    while (i < offset) {
      char c = toml.charAt(i);
      if (c == '#') {
        int end = toml.indexOf('\n', i);
        i = end < 0 ? toml.length() : end;
      } else if (c == '"' || c == '\'') {
        boolean multiline = toml.startsWith(String.valueOf(c).repeat(3), i);
        int end = endOfString(toml, i, c, multiline);
        if (end < 0 || end > offset) {
          return false; // the parser stopped inside a string, not inside an inline table
        }
        i = end;
      } else {
        if (c == '{') {
          depth++;
        } else if (c == '}') {
          depth--;
        }
        i++;
      }
    }
    return depth > 0;
  }

  /** The offset just after the string starting at {@code start}, or -1 when unterminated. */
  private static int endOfString(String toml, int start, char quote, boolean multiline) {
    String delimiter = multiline ? String.valueOf(quote).repeat(3) : String.valueOf(quote);
    int i = start + delimiter.length();
    while (i < toml.length()) {
      char c = toml.charAt(i);
      if (c == '\\' && quote == '"') {
        i += 2;
      } else if (toml.startsWith(delimiter, i)) {
        return i + delimiter.length();
      } else if (c == '\n' && !multiline) {
        return -1;
      } else {
        i++;
      }
    }
    return -1;
  }
}
