package dev.jchef.skeleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file completely or not at all, for the skeleton writer and for {@link RecipeFile}'s
 * recipe.json: the bytes go to a temporary file beside it ({@code .NAME.jchef-tmp}), which is then
 * moved into place, so that the file has either its old content or all of the new. Missing parent
 * directories are created. A run killed mid-write leaves at most the temporary file, which the
 * next write of the same file replaces.
 */
final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes {@code bytes} to {@code file}, replacing it atomically where the file system can. */
  static void write(Path file, byte[] bytes) {
    Path absolute = file.toAbsolutePath();
    Path temporary = absolute.resolveSibling("." + absolute.getFileName() + ".jchef-tmp");
    try {
      Files.createDirectories(absolute.getParent());
      try {
        Files.write(temporary, bytes);
        move(temporary, absolute);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static void move(Path temporary, Path file) throws IOException {
    try {
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
