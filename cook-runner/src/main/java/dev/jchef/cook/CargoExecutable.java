package dev.jchef.cook;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Finds cargo as cargo-chef does: {@code $CARGO} when set (cargo sets it for its subcommands, so
 * the same toolchain runs), else {@code cargo} on the {@code PATH}.
 */
final class CargoExecutable {
  private CargoExecutable() {}

  static Path find(Map<String, String> environment) {
    String explicit = environment.get("CARGO");
    if (explicit != null && !explicit.isBlank()) {
      Path cargo = Path.of(explicit);
      if (!Files.isExecutable(cargo)) {
        throw new CookException(1, "CARGO=" + explicit + " is not an executable file; unset it or point it at cargo");
      }
      return cargo;
    }
    String path = environment.getOrDefault("PATH", "");
    for (String directory : path.split(File.pathSeparator)) {
      if (directory.isEmpty()) {
        continue;
      }
      for (String name : new String[] {"cargo", "cargo.exe"}) {
        Path candidate = Path.of(directory, name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    throw new CookException(
        1, "cargo not found: it is not on the PATH and CARGO is not set; install Rust (rustup) or set CARGO");
  }
}
