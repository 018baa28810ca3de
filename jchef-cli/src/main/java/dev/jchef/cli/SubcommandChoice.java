package dev.jchef.cli;

import dev.jchef.cook.CargoSubcommand;
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

  static CargoSubcommand value(SubcommandChoice choice) {
    if (choice == null) {
      return CargoSubcommand.BUILD;
    }
    if (choice.check) {
      return CargoSubcommand.CHECK;
    }
    if (choice.clippy) {
      return CargoSubcommand.CLIPPY;
    }
    return choice.zigbuild ? CargoSubcommand.ZIGBUILD : CargoSubcommand.NO_BUILD;
  }
}
