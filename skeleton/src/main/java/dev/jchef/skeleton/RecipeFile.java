package dev.jchef.skeleton;

import dev.jchef.recipe.Recipe;
import dev.jchef.recipe.RecipeException;
import dev.jchef.recipe.RecipeJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A recipe.json file on disk (cargo-chef's format, {@link RecipeJson}): read with errors that name
 * it, and written completely or not at all, so that a reader never sees half a recipe and a failed
 * or interrupted write leaves the old one.
 */
public final class RecipeFile {
  private RecipeFile() {}

  /**
   * Reads the recipe at {@code file}.
   *
   * @param shown how messages name the file, such as the path as the user wrote it
   * @throws RecipeException naming {@code shown}: when the file does not exist (its cause is then
   *     a {@link NoSuchFileException}), cannot be read, or is not a recipe (with the field)
   */
  public static Recipe read(Path file, String shown) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new RecipeException(shown + ": no such file", e);
    } catch (IOException e) {
      throw new RecipeException(shown + ": cannot read: " + e.getMessage(), e);
    }
    return RecipeJson.read(text, shown);
  }

  /**
   * Writes {@code recipe} to {@code file} as recipe.json, atomically where the file system can
   * (a temporary file beside it, then moved into place); missing parent directories are created.
   *
   * @throws UncheckedIOException when it cannot be written; the old file, if any, is left as it was
   */
  public static void write(Path file, Recipe recipe) {
    AtomicFiles.write(file, RecipeJson.write(recipe).getBytes(StandardCharsets.UTF_8));
  }
}
