package dev.jchef.cook;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where cargo keeps downloaded and unpacked sources: {@code CARGO_HOME}, else {@code
 * $HOME/.cargo} (the Cargo book's <i>Cargo Home</i> chapter).
 */
final class CargoHome {
  private CargoHome() {}

  /** The absolute {@code CARGO_HOME} of a cargo run with {@code environment}. */
  static Path of(Map<String, String> environment) {
    return Optional.ofNullable(environment.get("CARGO_HOME")).filter(h -> !h.isBlank()).map(Path::of)
        .orElseGet(() -> Path.of(environment.getOrDefault("HOME", System.getProperty("user.home")), ".cargo"))
        .toAbsolutePath().normalize();
  }
}
