package dev.jchef.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The fault tests' figures, one line per fault kind in {@code target/fault-report.txt} (cases
 * tried, survived, what happened), for the reliability table of BENCHMARKS.md; a green test run
 * prints nothing.
 */
final class FaultReport {
  private static final Path FILE = Path.of("target", "fault-report.txt");

  private FaultReport() {}

  static synchronized void record(String kind, int tried, int survived, String details) {
    try {
      Files.writeString(
          FILE, kind + " | " + tried + " | " + survived + " | " + details + "\n",
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
