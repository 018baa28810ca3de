package dev.jchef.skeleton;

import com.google.common.collect.ImmutableList;
import dev.jchef.model.TargetKind;
import dev.jchef.recipe.Recipe;
import dev.jchef.recipe.RecipeManifest;
import dev.jchef.recipe.RecipeTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Small recipes and directory snapshots for the writer's tests. */
final class TestRecipes {
  private TestRecipes() {}

  static Recipe recipe(RecipeManifest... manifests) {
    return new Recipe(ImmutableList.copyOf(manifests), Optional.empty(), Optional.empty(), Optional.empty());
  }

  static RecipeManifest manifest(String path, String contents, RecipeTarget... targets) {
    return new RecipeManifest(path, contents, ImmutableList.copyOf(targets));
  }

  static RecipeTarget target(String path, TargetKind kind, String name) {
    return new RecipeTarget(path, kind, false, name);
  }

  /** A single package with a main.rs. */
  static Recipe app() {
    return recipe(
        manifest(
            "Cargo.toml",
            "[package]\nname = \"app\"\nversion = \"0.0.1\"\n",
            target("src/main.rs", TargetKind.BIN, "app")));
  }

  /** Every regular file below {@code directory} with its content, for before/after comparisons. */
  static TreeMap<String, String> snapshot(Path directory) {
    TreeMap<String, String> files = new TreeMap<>();
    if (!Files.exists(directory)) {
      return files;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        files.put(directory.relativize(path).toString().replace('\\', '/'), Files.readString(path));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }
}
