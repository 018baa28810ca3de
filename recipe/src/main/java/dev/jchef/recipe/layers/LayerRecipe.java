package dev.jchef.recipe.layers;

import com.google.common.collect.ImmutableList;
import dev.jchef.model.internal.JchefFiles;
import dev.jchef.model.internal.RelativePaths;
import dev.jchef.model.internal.TomlReader;
import dev.jchef.model.internal.TomlWriter;
import dev.jchef.model.workspace.TomlTable;
import dev.jchef.recipe.LayerPlan;
import dev.jchef.recipe.Recipe;
import dev.jchef.recipe.RecipeException;
import dev.jchef.recipe.RecipeManifest;
import dev.jchef.recipe.plan.DependencyTables;
import dev.jchef.recipe.plan.LowestMatchingVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The skeleton of one layer step of a {@link LayerPlan}: the recipe without the manifests and
 * dummy targets of the packages that are real in that step (their files were copied in), and with
 * what the rest must not demand of them.
 *
 * <p>Why the changes: a real package has its real version, the one in its package id and so in
 * its compiled unit's hash, which the recipe masks to {@code 0.0.1}; a dummy that required {@code
 * version = "0.0.1"} of it would not resolve, so every {@code version} of a path dependency goes
 * (a path dependency resolves by its path). A real package inherits from the workspace's root
 * manifest ({@code version.workspace = true}, {@code [lints] workspace = true}, a description), so
 * the root manifest is the real one when the step has it ({@code .jchef/workspace.toml}, copied in
 * from the real {@code Cargo.toml}), minus those version requirements and minus the root package's
 * own {@code [lints]}, which a dummy root package could not satisfy. A real package may also
 * require a version of a package that is still a dummy in this step (a dev-dependency, which may
 * point at a later layer): that dummy gets the lowest version the requirements accept, since its
 * masked {@code 0.0.1} would not resolve. Cargo then updates the lockfile's entries for the
 * workspace's packages to their versions in this step; no registry entry changes.
 */
public final class LayerRecipe {
  private LayerRecipe() {}

  /**
   * The recipe to write for a layer step.
   *
   * @param realManifests the real manifests' texts by package directory (relative to the root,
   *     {@code crates/a}) of the packages that are real in this step: the packages of this layer
   *     and the earlier ones
   * @param workspaceManifest the text of the real root {@code Cargo.toml}, when the step has it
   * @throws RecipeException when a real package has no manifest in the recipe (the plan is not
   *     this recipe's), or is the root package
   * @throws dev.jchef.model.CargoFileException when a real manifest is not TOML, naming it
   */
  public static Recipe of(Recipe recipe, Map<String, String> realManifests, Optional<String> workspaceManifest) {
    Set<String> realPackages = realManifests.keySet();
    Map<String, List<String>> required = requiredOfDummies(realManifests);
    Set<String> missing = new TreeSet<>(realPackages);
    ImmutableList.Builder<RecipeManifest> manifests = ImmutableList.builder();
    for (RecipeManifest manifest : recipe.manifests()) {
      String path = manifest.relativePath();
      String directory = manifest.directory();
      if (realPackages.contains(directory)) {
        missing.remove(directory);
        continue;
      }
      String contents =
          directory.isEmpty() && workspaceManifest.isPresent()
              ? TomlWriter.write(rootFromReal(TomlReader.parse(workspaceManifest.get(), JchefFiles.WORKSPACE_MANIFEST)))
              : TomlWriter.write(
                  withVersionFor(
                      withoutPathVersions(TomlReader.parse(manifest.contents(), path)),
                      required.getOrDefault(directory, List.of())));
      manifests.add(new RecipeManifest(path, contents, manifest.targets()));
    }
    if (realPackages.contains("") || realPackages.contains(".")) {
      throw new RecipeException("the root package cannot be in a layer: its manifest is the workspace's");
    }
    if (!missing.isEmpty()) {
      throw new RecipeException(
          "the layer plan names " + String.join(", ", missing) + ", which the recipe has no manifest for:"
              + " the plan and the recipe come from different versions of the workspace");
    }
    return new Recipe(manifests.build(), recipe.configFile(), recipe.lockFile(), recipe.toolchainFile());
  }

  /** The version requirements real packages have of other packages, by directory. */
  private static Map<String, List<String>> requiredOfDummies(Map<String, String> realManifests) {
    Map<String, List<String>> required = new HashMap<>();
    realManifests.forEach(
        (directory, text) ->
            DependencyTables.map(
                TomlReader.parse(text, directory + "/Cargo.toml"),
                (key, value, inWorkspaceTable) -> {
                  if (value instanceof TomlTable entry
                      && entry.getString("path").isPresent()
                      && entry.getString("version").isPresent()) {
                    required
                        .computeIfAbsent(RelativePaths.join(directory, entry.getString("path").orElseThrow()), d -> new ArrayList<>())
                        .add(entry.getString("version").orElseThrow());
                  }
                  return value;
                }));
    return required;
  }

  private static TomlTable withVersionFor(TomlTable dummy, List<String> requirements) {
    Optional<TomlTable> pkg = dummy.getTable("package");
    if (requirements.isEmpty() || pkg.isEmpty() || pkg.get().getString("version").isEmpty()) {
      return dummy; // no requirement, or a version inherited from the real root manifest
    }
    return LowestMatchingVersion.of(String.join(", ", requirements))
        .map(version -> dummy.with("package", pkg.get().with("version", version)))
        .orElse(dummy);
  }

  private static TomlTable rootFromReal(TomlTable real) {
    TomlTable root = withoutPathVersions(real);
    return root.containsKey("package") ? root.without("lints") : root;
  }

  private static TomlTable withoutPathVersions(TomlTable document) {
    return DependencyTables.map(
        document,
        (key, value, inWorkspaceTable) ->
            value instanceof TomlTable entry && entry.containsKey("path") ? entry.without("version") : value);
  }
}
