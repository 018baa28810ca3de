package dev.jchef.model.testing;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The real {@code cargo} for tests that compare with it or build with it. When cargo is not on
 * the {@code PATH} such tests are skipped with the reason printed, unless the environment
 * variable {@code JCHEF_REQUIRE_CARGO} is {@code true} (CI sets it), in which case they fail.
 */
public final class Cargo {
  private static final String EXECUTABLE = System.getenv().getOrDefault("CARGO", "cargo");
  private static volatile String version;

  private Cargo() {}

  /** Skips (or on CI fails) the calling test when cargo is missing. */
  public static void assumeAvailable() {
    RequiredTools.assume(!version().isEmpty(), "cargo (" + EXECUTABLE + ")", "JCHEF_REQUIRE_CARGO");
  }

  /** {@code cargo --version}, or "" when cargo cannot be run. */
  public static String version() {
    if (version == null) {
      Processes.Result result = run(Path.of("."), List.of("--version"));
      version = result.exitCode() == 0 ? result.stdout().trim() : "";
    }
    return version;
  }

  /** Runs {@code cargo args...} in {@code directory} and waits for it. */
  public static Processes.Result run(Path directory, List<String> args) {
    List<String> command = new java.util.ArrayList<>();
    command.add(EXECUTABLE);
    command.addAll(args);
    try {
      return Processes.run(directory, System.getenv(), command);
    } catch (UncheckedIOException e) {
      return new Processes.Result(-1, "", e.getMessage());
    }
  }
}
