package dev.jchef.cli;

import dev.jchef.cook.CookOptions;
import java.nio.file.Path;
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

  /** Sets these flags on {@code options}; none when {@code flags} is null (picocli leaves an unused group null). */
  static void apply(ManifestFlags flags, CookOptions.Builder options) {
    if (flags == null) {
      return;
    }
    if (flags.manifestPath != null) {
      options.manifestPath(flags.manifestPath);
    }
    options.locked(flags.locked).offline(flags.offline).frozen(flags.frozen);
  }
}
