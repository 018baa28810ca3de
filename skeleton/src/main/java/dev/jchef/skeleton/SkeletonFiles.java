package dev.jchef.skeleton;

import com.google.common.base.Splitter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** File operations of the writer: resolving checked recipe paths, and atomic writes. */
final class SkeletonFiles {
  private static final Splitter SLASH = Splitter.on('/').omitEmptyStrings();

  private SkeletonFiles() {}

  /** {@code root} joined with a checked, {@code /}-separated relative path. */
  static Path resolve(Path root, String relative) {
    Path result = root;
    for (String part : SLASH.split(relative)) {
      result = result.resolve(part);
    }
    return result;
  }

  /**
   * Writes {@code bytes} to a temporary file beside {@code file}, then moves it into place, so
   * that the file has either its old content or all of the new: an interrupted cook can simply
   * be run again.
   */
  static void writeAtomically(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.getParent());
      Path temporary = file.resolveSibling("." + file.getFileName() + ".jchef-tmp");
      Files.write(temporary, bytes);
      try {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
