package dev.jchef.cli;

import dev.jchef.recipe.Recipe;
import dev.jchef.recipe.RecipeException;
import dev.jchef.skeleton.RecipeFile;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Reads a recipe file for a command, telling the user what to do when there is none, and showing
 * the reader's warnings (fields this jchef does not know) on the command's standard error.
 */
final class RecipeFiles {
  private RecipeFiles() {}

  /**
   * Reads the recipe at {@code file}, each warning a line {@code jchef COMMAND: warning: ...} on
   * {@code command}'s standard error.
   *
   * @param shown how messages name the file: as the user wrote it
   */
  static Recipe read(Path file, Path shown, CommandSpec command) {
    try {
      return RecipeFile.read(
          file, shown.toString(),
          warning -> command.commandLine().getErr().println("jchef " + command.name() + ": warning: " + warning));
    } catch (RecipeException e) {
      if (e.getCause() instanceof NoSuchFileException) {
        throw new RecipeException(e.getMessage() + "; run `jchef prepare` first", e.getCause());
      }
      throw e;
    }
  }
}
