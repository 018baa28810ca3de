package dev.jchef.recipe;

import static java.util.Objects.requireNonNull;

import com.google.common.hash.Hashing;
import dev.jchef.model.ToolchainFile;
import dev.jchef.recipe.json.RecipeJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Everything the dependency build of a Cargo workspace depends on, and nothing else: the
 * normalised manifests with their targets, the lockfile, the Cargo configuration and the
 * toolchain file. Two workspaces with equal recipes build the same dependencies, so the recipe
 * (or its {@link #fingerprint()}) is the cache key of the dependency layer.
 *
 * <p>The same value as cargo-chef's recipe.json ({@code skeleton.manifests}, {@code
 * config_file}, {@code lock_file}, {@code rust_toolchain_file}). Made by {@code
 * dev.jchef.Jchef.prepare}, read by {@code Jchef.readRecipe}.
 *
 * @param manifests sorted by relative path; an unmodifiable copy
 * @param configFile the text written to {@code .cargo/config.toml} by cook
 * @param lockFile the text written to {@code Cargo.lock} by cook
 * @param toolchainFile the {@code rust-toolchain[.toml]} written by cook
 */
public record Recipe(
    List<RecipeManifest> manifests,
    Optional<String> configFile,
    Optional<String> lockFile,
    Optional<ToolchainFile> toolchainFile) {

  /**
   * @throws NullPointerException when an argument or a manifest is null
   */
  public Recipe {
    manifests = List.copyOf(manifests);
    requireNonNull(configFile);
    requireNonNull(lockFile);
    requireNonNull(toolchainFile);
  }

  /**
   * Returns the recipe's fingerprint: the SHA-256 of its canonical JSON, 64 lower-case hex digits,
   * which change exactly when the recipe's bytes do ({@code jchef hash}). A recipe read from a file
   * and written again has the same fingerprint whatever spacing the file used.
   */
  public String fingerprint() {
    return Hashing.sha256().hashString(RecipeJson.write(this), StandardCharsets.UTF_8).toString();
  }
}
