package dev.jchef.recipe.testing;

import dev.jchef.model.internal.TomlReader;
import dev.jchef.model.testing.Fixture;
import dev.jchef.model.testing.TestFileSystem;
import dev.jchef.model.workspace.TomlTable;
import dev.jchef.model.workspace.Workspace;
import dev.jchef.recipe.Recipe;
import dev.jchef.recipe.RecipeManifest;
import dev.jchef.recipe.json.RecipeJson;
import dev.jchef.recipe.plan.Planner;
import java.util.List;

/** Preparing fixtures in tests, and looking into the result. */
public final class Recipes {
  private Recipes() {}

  public static Recipe prepare(TestFileSystem fileSystem, Fixture fixture, String... bins) {
    return Planner.plan(Workspace.discover(fileSystem.write(fixture)), List.of(bins));
  }

  public static String json(TestFileSystem fileSystem, Fixture fixture, String... bins) {
    return RecipeJson.write(prepare(fileSystem, fixture, bins));
  }

  public static RecipeManifest manifest(Recipe recipe, String relativePath) {
    return recipe.manifests().stream()
        .filter(m -> m.relativePath().equals(relativePath))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no manifest " + relativePath + " in " + paths(recipe)));
  }

  public static TomlTable document(Recipe recipe, String relativePath) {
    return TomlReader.parse(manifest(recipe, relativePath).contents(), relativePath);
  }

  public static TomlTable lockfile(Recipe recipe) {
    return TomlReader.parse(recipe.lockFile().orElseThrow(), "Cargo.lock");
  }

  public static List<String> paths(Recipe recipe) {
    return recipe.manifests().stream().map(RecipeManifest::relativePath).toList();
  }
}
