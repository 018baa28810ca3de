package dev.jchef.cook;

import static com.google.common.base.Preconditions.checkNotNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * cargo's "Manifest Options".
 *
 * @param manifestPath {@code --manifest-path}: the skeleton's {@code Cargo.toml} to build, relative
 *     to the cook directory
 * @param locked {@code --locked}: fail if the lockfile would change
 * @param offline {@code --offline}: no network
 * @param frozen {@code --frozen}: both
 */
record ManifestOptions(Optional<Path> manifestPath, boolean locked, boolean offline, boolean frozen) {

  /** No flag. */
  public static final ManifestOptions DEFAULT = new ManifestOptions(Optional.empty(), false, false, false);

  public ManifestOptions {
    checkNotNull(manifestPath);
  }

  List<String> cargoArguments() {
    List<String> arguments = new ArrayList<>();
    manifestPath.ifPresent(path -> arguments.addAll(List.of("--manifest-path", path.toString())));
    CargoArguments.flag(arguments, offline, "--offline");
    CargoArguments.flag(arguments, frozen, "--frozen");
    CargoArguments.flag(arguments, locked, "--locked");
    return arguments;
  }
}
