package dev.jchef.cook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What {@code cargo metadata --no-deps --format-version 1} says of a workspace that jchef needs
 * before a build: the target and build directories cargo will use (after {@code CARGO_TARGET_DIR},
 * {@code CARGO_BUILD_TARGET_DIR}, {@code CARGO_BUILD_BUILD_DIR} and every Cargo config's {@code
 * [build] target-dir} and {@code build-dir}: cargo's own answer, not a guess), and the members'
 * directories by package name.
 *
 * @param targetDirectory absolute
 * @param buildDirectory where cargo keeps the units ({@code deps/}, {@code .fingerprint/}):
 *     {@code build.build-dir} (stable since cargo 1.91, {@code CARGO_BUILD_BUILD_DIR}) when set,
 *     else the target directory; absolute
 * @param members each member's directory relative to {@code root} ({@code crates/a}, {@code ""}
 *     for the root package), by package name
 */
record CargoMetadata(Path targetDirectory, Path buildDirectory, Map<String, String> members) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  CargoMetadata {
    members = Map.copyOf(members);
  }

  /**
   * Runs cargo metadata in {@code root} (offline: {@code --no-deps} resolves nothing).
   *
   * @throws CookException when cargo cannot be run or fails, with its message
   */
  static CargoMetadata of(Path root, Path cargo, Map<String, String> environment, ManifestOptions manifest) {
    List<String> command = new ArrayList<>(List.of(cargo.toString(), "metadata", "--no-deps", "--format-version", "1", "--offline"));
    manifest.manifestPath().ifPresent(p -> command.addAll(List.of("--manifest-path", p.toString())));
    ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment);
    builder.redirectError(ProcessBuilder.Redirect.PIPE);
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      // cargo's warnings on the error stream must not fill its pipe while the JSON is read
      StringBuilder errors = new StringBuilder();
      Thread drain =
          new Thread(
              () -> {
                try {
                  errors.append(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                  // the exit status tells
                }
              },
              "cargo-metadata-stderr");
      drain.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int status = process.waitFor();
      drain.join();
      if (status != 0) {
        throw new CookException(
            status, "cargo metadata failed in " + root + " with exit status " + status + ": " + errors.toString().strip());
      }
      return parse(output, root);
    } catch (IOException e) {
      throw new CookException(1, "cannot run " + cargo + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CookException(130, "interrupted while running cargo metadata");
    }
  }

  /** Reads cargo metadata's JSON; member directories relative to {@code root}. */
  static CargoMetadata parse(String json, Path root) {
    try {
      JsonNode document = MAPPER.readTree(json);
      Map<String, String> members = new HashMap<>();
      Path realRoot = realPath(root);
      for (JsonNode pkg : document.path("packages")) {
        Path directory = Path.of(pkg.path("manifest_path").asString()).getParent();
        Path base = directory.startsWith(realRoot) ? realRoot : root;
        if (directory.startsWith(base)) {
          members.put(pkg.path("name").asString(), base.relativize(directory).toString().replace('\\', '/'));
        }
      }
      Path target = Path.of(document.path("target_directory").asString());
      // An older cargo has no build directory: its units are in the target directory.
      Path build = document.path("build_directory").isString() ? Path.of(document.path("build_directory").asString()) : target;
      return new CargoMetadata(target, build, members);
    } catch (JacksonException | IllegalArgumentException e) {
      throw new CookException(1, "cargo metadata printed something that is not its JSON: " + e.getMessage());
    }
  }

  private static Path realPath(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      return path;
    }
  }
}
