package dev.jchef.recipe;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One manifest of a recipe: where it goes, its normalised TOML text, and the targets cook writes
 * dummy sources for.
 *
 * @param relativePath the manifest's path relative to the workspace root, {@code /}-separated,
 *     such as {@code crates/a/Cargo.toml}
 * @param targets sorted in {@link RecipeTarget#ORDER}; empty for a virtual root manifest; an
 *     unmodifiable copy
 */
public record RecipeManifest(
    String relativePath, String contents, List<RecipeTarget> targets) {

  /**
   * @throws NullPointerException when an argument or a target is null
   */
  public RecipeManifest {
    requireNonNull(relativePath);
    requireNonNull(contents);
    targets = List.copyOf(targets);
  }

  /** Returns the manifest's directory relative to the workspace root: {@code crates/a}, {@code ""} for the root. */
  public String directory() {
    return directoryOf(relativePath);
  }

  /**
   * Returns the directory of a manifest path written as {@link #relativePath} is ({@code crates/a} for
   * {@code crates/a/Cargo.toml}, {@code ""} for {@code Cargo.toml}).
   */
  public static String directoryOf(String manifestPath) {
    return manifestPath.equals("Cargo.toml") ? "" : manifestPath.substring(0, manifestPath.length() - "/Cargo.toml".length());
  }
}
