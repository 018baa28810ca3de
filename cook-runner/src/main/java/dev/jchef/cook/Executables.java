package dev.jchef.cook;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Finding the programs cook runs, in the environment cook gives them. */
final class Executables {
  private Executables() {}

  /**
   * cargo, as cargo-chef finds it: {@code $CARGO} when set (cargo sets it for its subcommands, so
   * the same toolchain runs), else {@code cargo} on the {@code PATH}.
   */
  static Path cargo(Map<String, String> environment) {
    String explicit = environment.get("CARGO");
    if (explicit != null && !explicit.isBlank()) {
      Path cargo = Path.of(explicit);
      if (!Files.isExecutable(cargo)) {
        throw new CookException(1, "CARGO=" + explicit + " is not an executable file; unset it or point it at cargo");
      }
      return cargo;
    }
    return onPath(environment, "cargo")
        .orElseThrow(
            () ->
                new CookException(
                    1, "cargo not found: it is not on the PATH and CARGO is not set; install Rust (rustup) or set CARGO"));
  }

  /** The first executable file {@code name} (or {@code name.exe}) in the environment's {@code PATH}. */
  static Optional<Path> onPath(Map<String, String> environment, String name) {
    for (String directory : environment.getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (directory.isEmpty()) {
        continue;
      }
      for (String fileName : new String[] {name, name + ".exe"}) {
        Path candidate = Path.of(directory, fileName);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }
}
