package dev.jchef.cli;

/** The exit codes of the {@code jchef} command, defined once. */
final class ExitCode {
  /** The command did what was asked. */
  static final int OK = 0;
  /** The workspace, recipe or file given cannot be used; the one-line message says why. */
  static final int FAILED = 1;
  /** {@code jchef diff}: the recipes differ (as {@code diff} exits). */
  static final int DIFFERENT = 1;
  /** The command line itself is wrong (picocli's usage error code); diff's trouble. */
  static final int USAGE = 2;

  private ExitCode() {}
}
