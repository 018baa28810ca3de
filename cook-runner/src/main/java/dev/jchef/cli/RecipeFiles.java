package dev.jchef.cli;

import dev.jchef.recipe.Recipe;
import dev.jchef.recipe.RecipeException;
import dev.jchef.recipe.RecipeJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a recipe file, with errors that name it. */
final class RecipeFiles {
  private RecipeFiles() {}

  /**
   * Reads the recipe at {@code file}.
   *
   * @param shown how messages name the file: as the user wrote it
   */
  static Recipe read(Path file, Path shown) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new RecipeException(shown + ": no such file; run `jchef prepare` first", e);
    } catch (IOException e) {
      throw new RecipeException(shown + ": cannot read: " + e.getMessage(), e);
    }
    return RecipeJson.read(text, shown.toString());
  }
}
