package dev.jchef.cli;

/** The exit codes of the {@code jchef} command, defined once. */
final class ExitCode {
  /** The command did what was asked. */
  static final int OK = 0;
  /** The workspace, recipe or file given cannot be used; the one-line message says why. */
  static final int FAILED = 1;
  /** The command line itself is wrong (picocli's usage error code). */
  static final int USAGE = 2;

  private ExitCode() {}
}
