package dev.jchef.skeleton;

import static dev.jchef.skeleton.TestRecipes.manifest;
import static dev.jchef.skeleton.TestRecipes.recipe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jchef.model.testing.TestFileSystem;
import dev.jchef.recipe.Recipe;
import dev.jchef.recipe.RecipeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Writing a recipe replaces a recipe or an empty file, never anything else. */
class RecipeFileTest {
  private static final Recipe RECIPE = recipe(manifest("Cargo.toml", "[package]\nname = \"app\"\n"));

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void replacesAnEarlierRecipeOrAnEmptyFile(TestFileSystem fileSystem) throws IOException {
    Path directory = fileSystem.newDirectory();
    Path earlier = directory.resolve("recipe.json");
    Files.writeString(earlier, "{\"other\": [1, {\"a\": 2}], \"skeleton\": {\"manifests\": []}}");
    Path empty = Files.writeString(directory.resolve("empty.json"), "");

    RecipeFile.write(earlier, RECIPE);
    RecipeFile.write(empty, RECIPE);

    assertEquals(RECIPE, RecipeFile.read(earlier, "recipe.json"));
    assertEquals(RECIPE, RecipeFile.read(empty, "empty.json"));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void aDirectoryIsNamedAsOne(TestFileSystem fileSystem) {
    Path directory = fileSystem.newDirectory();

    RecipeException error = assertThrows(RecipeException.class, () -> RecipeFile.write(directory, RECIPE));

    assertEquals(
        directory + ": is a directory; give the recipe file's path, such as " + directory.resolve("recipe.json"),
        error.getMessage());
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void refusesToReplaceASourceAManifestOrOtherJson(TestFileSystem fileSystem) throws IOException {
    Path directory = fileSystem.newDirectory();
    for (String[] file : new String[][] {
      {"main.rs", "fn main() { println!(\"real\"); }\n"},
      {"Cargo.toml", "[package]\nname = \"app\"\n"},
      {"package.json", "{\"name\": \"app\", \"version\": \"1.0.0\"}"},
      {"list.json", "[1, 2]"},
    }) {
      Path path = Files.writeString(directory.resolve(file[0]), file[1]);

      RecipeException error = assertThrows(RecipeException.class, () -> RecipeFile.write(path, RECIPE));

      assertEquals(
          path + ": exists and is not a recipe (a JSON object with a `skeleton` field); not replaced:"
              + " give another path, or remove it first",
          error.getMessage());
      assertEquals(file[1], Files.readString(path), file[0] + " must be left as it was");
    }
    Path subdirectory = Files.createDirectories(directory.resolve("src"));
    assertThrows(RecipeException.class, () -> RecipeFile.write(subdirectory, RECIPE));
  }
}
