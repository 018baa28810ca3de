package dev.jchef.cli;

import dev.jchef.cook.ManifestOptions;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** cook's "Manifest Options", as cargo's help groups them. */
final class ManifestFlags {
  @Option(names = "--manifest-path", paramLabel = "PATH", description = "Path to Cargo.toml.")
  Path manifestPath;

  @Option(names = "--locked", description = "Require Cargo.lock to be up to date.")
  boolean locked;

  @Option(names = "--offline", description = "Build without accessing the network.")
  boolean offline;

  @Option(names = "--frozen", description = "Require Cargo.lock and cache to be up to date.")
  boolean frozen;

  static ManifestOptions value(ManifestFlags flags) {
    return flags == null
        ? ManifestOptions.DEFAULT
        : new ManifestOptions(Optional.ofNullable(flags.manifestPath), flags.locked, flags.offline, flags.frozen);
  }
}
