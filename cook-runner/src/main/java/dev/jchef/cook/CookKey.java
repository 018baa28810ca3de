package dev.jchef.cook;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import dev.jchef.recipe.Recipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The key under which a cooked directory can be kept and found again, for builds that keep one
 * per key (the Maven plugin, a CI cache): the SHA-256, in lower-case hex, of everything that
 * decides what cook compiles: the recipe's fingerprint ({@link Recipe#fingerprint}), the cargo
 * subcommand and arguments of the options (not {@code --jobs}, {@code --timings} or {@code
 * --verbose}, which change how cargo works, not what it makes), whether the dummies are {@code
 * no_std}, and the
 * toolchain as {@code cargo -V} and {@code rustc -vV} print it. A change of any of them gives
 * another key; the same inputs give the same key on every machine.
 */
final class CookKey {
  private CookKey() {}

  /**
   * The key of cooking {@code recipe} with {@code options}, cargo and rustc found and run in
   * {@code directory} (where a toolchain file can choose them) with {@code environment}.
   *
   * @throws CookException when cargo or rustc cannot be found or run
   */
  static String of(Recipe recipe, CookOptions options, Path directory, Map<String, String> environment) {
    Hasher hasher = Hashing.sha256().newHasher();
    hasher.putString(recipe.fingerprint(), StandardCharsets.UTF_8).putChar('\n');
    hasher.putString(String.valueOf(options.subcommand().cargoName()), StandardCharsets.UTF_8).putChar('\n');
    hasher.putString(String.join("\u0000", options.withoutRunFlags().cargoArguments()), StandardCharsets.UTF_8).putChar('\n');
    hasher.putBoolean(options.noStd()).putChar('\n');
    hasher.putString(toolchain(directory, environment), StandardCharsets.UTF_8);
    return hasher.hash().toString();
  }

  /**
   * The toolchain as {@code cargo -V} and {@code rustc -vV} print it, run in {@code directory}
   * (where a toolchain file can choose them) with {@code environment}.
   *
   * @throws CookException when cargo or rustc cannot be found or run
   */
  static String toolchain(Path directory, Map<String, String> environment) {
    Path rustc =
        Optional.ofNullable(environment.get("RUSTC")).filter(r -> !r.isBlank()).map(Path::of)
            .or(() -> Executables.onPath(environment, "rustc"))
            .orElseThrow(() -> new CookException(1, "rustc not found: it is not on the PATH and RUSTC is not set"));
    // A directory not made yet has no toolchain file of its own: rustup looks from its nearest
    // existing parent up, as from the directory itself.
    Path runIn = directory.toAbsolutePath();
    while (!Files.isDirectory(runIn) && runIn.getParent() != null) {
      runIn = runIn.getParent();
    }
    return version(Executables.cargo(environment), List.of("-V"), runIn, environment)
        + version(rustc, List.of("-vV"), runIn, environment);
  }

  private static String version(Path executable, List<String> args, Path directory, Map<String, String> environment) {
    ToolRun run = ToolRun.of(executable, args, Optional.of(directory), environment);
    if (run.exitCode() != 0) {
      throw new CookException(run.exitCode(), executable + " " + String.join(" ", args) + " failed: " + run.output().strip());
    }
    return run.output();
  }
}
