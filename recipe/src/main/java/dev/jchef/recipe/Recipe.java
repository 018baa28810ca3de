package dev.jchef.recipe;

import dev.jchef.recipe.plan.Planner;

import dev.jchef.recipe.json.RecipeJson;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.jchef.model.ToolchainFile;
import java.util.Optional;

/**
 * Everything the dependency build of a Cargo workspace depends on, and nothing else: the
 * normalised manifests with their targets, the lockfile, the Cargo configuration and the
 * toolchain file. Two workspaces with equal recipes build the same dependencies, so the recipe
 * (or its {@link RecipeFingerprint}) is the cache key of the dependency layer.
 *
 * <p>The same value as cargo-chef's recipe.json; {@link RecipeJson} reads and writes that form.
 * Made by {@link Planner}.
 *
 * @param manifests sorted by relative path
 * @param configFile the text written to {@code .cargo/config.toml} by cook
 * @param lockFile the text written to {@code Cargo.lock} by cook
 */
public record Recipe(
    ImmutableList<RecipeManifest> manifests,
    Optional<String> configFile,
    Optional<String> lockFile,
    Optional<ToolchainFile> toolchainFile) {

  public Recipe {
    checkNotNull(manifests);
    checkNotNull(configFile);
    checkNotNull(lockFile);
    checkNotNull(toolchainFile);
  }
}
