package dev.jchef.cli;

import dev.jchef.cook.CookOptions;
import picocli.CommandLine.Option;

/** What cook runs instead of {@code cargo build}: at most one of these flags. */
final class SubcommandChoice {
  @Option(names = "--check", required = true, description = "Run cargo check instead of cargo build.")
  boolean check;

  @Option(names = "--clippy", required = true, description = "Run cargo clippy instead of cargo build.")
  boolean clippy;

  @Option(names = "--zigbuild", required = true, description = "Run cargo zigbuild instead of cargo build.")
  boolean zigbuild;

  @Option(names = "--no-build", required = true, description = "Only write the skeleton; do not run cargo.")
  boolean noBuild;

  /** Sets the chosen subcommand on {@code options}; none ({@code cargo build}) when {@code choice} is null. */
  static void apply(SubcommandChoice choice, CookOptions.Builder options) {
    if (choice == null) {
      return;
    }
    if (choice.check) {
      options.check();
    } else if (choice.clippy) {
      options.clippy();
    } else if (choice.zigbuild) {
      options.zigbuild();
    } else if (choice.noBuild) {
      options.noBuild();
    }
  }
}
