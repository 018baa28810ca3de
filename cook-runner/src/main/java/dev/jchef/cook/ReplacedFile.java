package dev.jchef.cook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Replacing one of jchef's own small state files in one step: the text is written beside it
 * ({@code NAME.jchef-tmp}) and renamed over it, so that a reader, or the next run after a kill,
 * finds the old text or the new one, never half of either.
 */
final class ReplacedFile {
  private ReplacedFile() {}

  /**
   * Writes {@code text} (UTF-8) to {@code file}, replacing it atomically.
   *
   * @throws IOException when the temporary file cannot be written or renamed
   */
  static void write(Path file, String text) throws IOException {
    Path temporary = file.resolveSibling(file.getFileName() + ".jchef-tmp");
    Files.writeString(temporary, text, StandardCharsets.UTF_8);
    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
