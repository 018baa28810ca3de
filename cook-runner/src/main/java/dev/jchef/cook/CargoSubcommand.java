package dev.jchef.cook;

/** What cook asks cargo to do with the skeleton. */
enum CargoSubcommand {
  /** {@code cargo build}, the default. */
  BUILD("build"),
  /** {@code cargo check} ({@code --check}): faster, for CI pipelines that only check. */
  CHECK("check"),
  /** {@code cargo clippy} ({@code --clippy}). */
  CLIPPY("clippy"),
  /** {@code cargo zigbuild} ({@code --zigbuild}), for cross builds with cargo-zigbuild. */
  ZIGBUILD("zigbuild"),
  /** Only write the skeleton ({@code --no-build}), for builds driven by another tool. */
  NO_BUILD(null);

  private final String cargoName;

  CargoSubcommand(String cargoName) {
    this.cargoName = cargoName;
  }

  /** The cargo subcommand's name; none for {@link #NO_BUILD}. */
  public String cargoName() {
    return cargoName;
  }
}
