package dev.jchef.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The fault tests' figures, one line per fault kind in {@code target/fault-report.txt} (cases
 * tried, survived, what happened), for the reliability table of BENCHMARKS.md; a green test run
 * prints nothing. The file holds the figures of the latest test run only: the first line a test
 * JVM records replaces what an earlier run wrote.
 */
final class FaultReport {
  private static final Path FILE = Path.of("target", "fault-report.txt");

  private static boolean startedInThisRun;

  private FaultReport() {}

  static synchronized void record(String kind, int tried, int survived, String details) {
    try {
      Files.writeString(
          FILE, kind + " | " + tried + " | " + survived + " | " + details + "\n",
          StandardOpenOption.CREATE,
          startedInThisRun ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
      startedInThisRun = true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
