package dev.jchef.cook;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import dev.jchef.recipe.Recipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a cooked state is stored and found under in a {@link CookCache}: two SHA-256 digests in
 * lower-case hex (64 characters).
 *
 * <p>The {@code scope} covers everything that decides how cargo compiles a unit, so that a state
 * of the same scope holds units a cook can reuse wherever its dependencies did not change: the
 * toolchain ({@code cargo -V}, {@code rustc -vV}), the cargo subcommand and its arguments (the
 * profile, {@code --target}, features, packages: {@link CookOptions#cargoArguments}; not {@code
 * --jobs}, {@code --timings} or {@code --verbose}, which change no output), whether the
 * dummies are {@code no_std}, the environment variables that change what rustc is asked to do
 * ({@code RUSTFLAGS}, {@code CARGO_ENCODED_RUSTFLAGS}, {@code RUSTC_BOOTSTRAP}, {@code
 * CARGO_INCREMENTAL} and every {@code CARGO_BUILD_*} but {@code CARGO_BUILD_JOBS}, {@code CARGO_PROFILE_*}, {@code
 * CARGO_TARGET_*} and {@code CARGO_UNSTABLE_*}; the Cargo book's <i>Environment Variables</i>
 * chapter), and the absolute paths that cargo writes into its units: the cook directory, the
 * directory the units live in and {@code CARGO_HOME}. The variables' values enter the digest only,
 * never a stored state or a log line. The {@code exact} key is the scope with the recipe's
 * fingerprint ({@link Recipe#fingerprint}: manifests, lockfile, config, toolchain file), so that a
 * state stored under it makes every dependency unit fresh.
 *
 * @param exact the scope and the recipe
 * @param scope the flags, toolchain, environment and paths
 */
public record CookCacheKey(String exact, String scope) {
  private static final String FORMAT = "jchef cook state 1";

  /**
   * The key of cooking {@code recipe} with {@code options} in {@code root}, with cargo's units in
   * {@code unitDirectory} and {@code environment} cargo's.
   *
   * @throws CookException when cargo or rustc cannot be found or run
   */
  static CookCacheKey of(
      Recipe recipe, CookOptions options, Path root, Path unitDirectory, Map<String, String> environment) {
    Hasher scope = Hashing.sha256().newHasher();
    put(scope, FORMAT);
    put(scope, CookKey.toolchain(root, environment));
    put(scope, String.valueOf(options.subcommand().cargoName()));
    put(scope, String.join("\u0000", options.withoutRunFlags().cargoArguments()));
    put(scope, String.valueOf(options.noStd()));
    new TreeMap<>(environment).forEach(
        (name, value) -> {
          if (decidesCompilation(name)) {
            put(scope, name + "=" + value);
          }
        });
    put(scope, root.toString());
    put(scope, unitDirectory.toString());
    put(scope, CargoHome.of(environment).toString());
    String scopeKey = scope.hash().toString();
    Hasher exact = Hashing.sha256().newHasher();
    put(exact, scopeKey);
    put(exact, recipe.fingerprint());
    return new CookCacheKey(exact.hash().toString(), scopeKey);
  }

  private static boolean decidesCompilation(String name) {
    if (name.equals("CARGO_BUILD_JOBS")) {
      return false;
    }
    return name.equals("RUSTFLAGS") || name.equals("CARGO_ENCODED_RUSTFLAGS") || name.equals("RUSTC_BOOTSTRAP")
        || name.equals("CARGO_INCREMENTAL") || name.startsWith("CARGO_BUILD_") || name.startsWith("CARGO_PROFILE_")
        || name.startsWith("CARGO_TARGET_") || name.startsWith("CARGO_UNSTABLE_");
  }

  private static void put(Hasher hasher, String text) {
    hasher.putString(text, StandardCharsets.UTF_8).putChar('\n');
  }
}
