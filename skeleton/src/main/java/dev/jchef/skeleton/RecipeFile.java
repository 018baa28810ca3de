package dev.jchef.skeleton;

import dev.jchef.recipe.Recipe;
import dev.jchef.recipe.RecipeException;
import dev.jchef.recipe.json.RecipeJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * A recipe.json file on disk (cargo-chef's format): read with errors that name
 * it, and written completely or not at all, so that a reader never sees half a recipe and a failed
 * or interrupted write leaves the old one.
 */
public final class RecipeFile {
  private static final JsonFactory JSON = new JsonFactory();

  /**
   * The largest recipe file read: 64 MiB, twenty times the recipe of a 5,000-member workspace, so
   * that a huge or runaway file is refused before it is read rather than exhausting the heap.
   */
  public static final long MAX_BYTES = 64L * 1024 * 1024;

  private RecipeFile() {}

  /**
   * Returns the recipe at {@code file}, the file named in messages as given; the counterpart of
   * {@link #write}.
   *
   * @throws RecipeException as {@link #read(Path, String)}
   */
  public static Recipe read(Path file) {
    return read(file, file.toString());
  }

  /**
   * Returns the recipe at {@code file}, ignoring fields it does not know; {@link #read(Path,
   * String, Consumer)} also names them.
   *
   * @param shown how messages name the file, such as the path as the user wrote it
   * @throws RecipeException naming {@code shown}: when the file does not exist (its cause is then
   *     a {@link NoSuchFileException}), cannot be read, is larger than {@link #MAX_BYTES}, or is
   *     not a recipe (with the field)
   */
  public static Recipe read(Path file, String shown) {
    return read(file, shown, warning -> {});
  }

  /**
   * Returns the recipe at {@code file}, telling {@code warnings} of what the caller may want to
   * show: each field it does not know and ignored, one line naming the file and the field (a recipe
   * of a newer cargo-chef may carry extra ones).
   *
   * @param shown how messages and warnings name the file, such as the path as the user wrote it
   * @throws RecipeException as {@link #read(Path, String)}
   */
  public static Recipe read(Path file, String shown, Consumer<String> warnings) {
    String text;
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw new RecipeException(
            shown + ": " + size + " bytes, more than a recipe can be (" + MAX_BYTES / (1024 * 1024) + " MiB; the"
                + " recipe of 5,000 members is under 3 MiB): not read");
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new RecipeException(shown + ": no such file", e);
    } catch (IOException e) {
      throw new RecipeException(shown + ": cannot read: " + e.getMessage(), e);
    }
    RecipeJson.Parsed parsed = RecipeJson.readWithWarnings(text, shown);
    parsed.warnings().forEach(warnings);
    return parsed.recipe();
  }

  /**
   * Writes {@code recipe} to {@code file} as recipe.json, atomically where the file system can
   * (a temporary file beside it, then moved into place); missing parent directories are created.
   * A file already there is replaced only when it is empty or a recipe (a JSON object with a
   * {@code skeleton} field): a mistyped path ({@code --recipe-path src/main.rs}) must not cost a
   * source file.
   *
   * @throws RecipeException naming {@code file} when something else is there; nothing is written
   * @throws UncheckedIOException when it cannot be written; the old file, if any, is left as it was
   */
  public static void write(Path file, Recipe recipe) {
    if (Files.isDirectory(file)) {
      throw new RecipeException(file + ": is a directory; give the recipe file's path, such as " + file.resolve("recipe.json"));
    }
    if (Files.exists(file) && !isEmptyOrARecipe(file)) {
      throw new RecipeException(
          file + ": exists and is not a recipe (a JSON object with a `skeleton` field); not replaced:"
              + " give another path, or remove it first");
    }
    AtomicFiles.write(file, RecipeJson.write(recipe).getBytes(StandardCharsets.UTF_8));
  }

  private static boolean isEmptyOrARecipe(Path file) {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try (InputStream in = Files.newInputStream(file);
        JsonParser json = JSON.createParser(ObjectReadContext.empty(), in)) {
      JsonToken first = json.nextToken();
      if (first == null) {
        return true;
      }
      if (first != JsonToken.START_OBJECT) {
        return false;
      }
      for (JsonToken token = json.nextToken(); token == JsonToken.PROPERTY_NAME; token = json.nextToken()) {
        if (json.currentName().equals("skeleton")) {
          return true;
        }
        json.nextToken();
        json.skipChildren();
      }
      return false;
    } catch (JacksonException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
