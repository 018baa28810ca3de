package dev.jchef.cli;

import picocli.CommandLine.Option;

/** {@code -v/--verbose}, shared by the subcommands: more output, and stack traces on errors. */
final class VerboseOption {
  @Option(
      names = {"-v", "--verbose"},
      description = "Print more, and the stack trace of an error.")
  boolean verbose;
}
