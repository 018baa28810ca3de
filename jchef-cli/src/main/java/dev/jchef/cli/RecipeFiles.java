package dev.jchef.cli;

import dev.jchef.recipe.Recipe;
import dev.jchef.recipe.RecipeException;
import dev.jchef.skeleton.RecipeFile;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a recipe file for a command, telling the user what to do when there is none. */
final class RecipeFiles {
  private RecipeFiles() {}

  /**
   * Reads the recipe at {@code file}.
   *
   * @param shown how messages name the file: as the user wrote it
   */
  static Recipe read(Path file, Path shown) {
    try {
      return RecipeFile.read(file, shown.toString());
    } catch (RecipeException e) {
      if (e.getCause() instanceof NoSuchFileException) {
        throw new RecipeException(e.getMessage() + "; run `jchef prepare` first", e.getCause());
      }
      throw e;
    }
  }
}
