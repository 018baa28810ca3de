package dev.jchef.cook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads the compile time of each unit from cargo's {@code --timings} report: the {@code
 * UNIT_DATA} array that {@code cargo-timing.html} carries (each unit's package {@code name} and
 * {@code duration} in seconds; the Cargo book's <i>Reporting build timings</i>). Cargo's JSON
 * messages carry no durations, and {@code --timings=json} is unstable, so the HTML report is the
 * one stable place they are written.
 */
final class CompileTimes {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String START = "const UNIT_DATA = ";

  private CompileTimes() {}

  /**
   * Seconds per package name: the durations of its units summed.
   *
   * @throws CookException naming the report when it has no unit data (another cargo's format)
   */
  static Map<String, Double> read(Path report) {
    String html;
    try {
      html = Files.readString(report, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read cargo's timing report " + report + ": " + e.getMessage(), e);
    }
    int start = html.indexOf(START);
    int end = start < 0 ? -1 : html.indexOf("\n];", start);
    if (start < 0 || end < 0) {
      throw new CookException(1, report + ": no UNIT_DATA in cargo's timing report; this cargo writes another format");
    }
    Map<String, Double> seconds = new TreeMap<>();
    try {
      for (JsonNode unit : MAPPER.readTree(html.substring(start + START.length(), end + 2))) {
        seconds.merge(unit.path("name").asString(), unit.path("duration").asDouble(), Double::sum);
      }
    } catch (JacksonException e) {
      throw new CookException(1, report + ": cargo's UNIT_DATA is not JSON: " + e.getOriginalMessage());
    }
    return seconds;
  }
}
