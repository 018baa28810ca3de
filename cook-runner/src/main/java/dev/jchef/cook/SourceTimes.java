package dev.jchef.cook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Collection;

/**
 * Gives the files of a layer plan's packages one fixed modification time, in each layer step
 * before its build and in the final step before the real build.
 *
 * <p>Why: cargo decides whether a workspace crate is fresh by the modification times of its
 * sources against its outputs. Every CI run is a new checkout with new times, while a container's
 * layer cache keys a {@code COPY} on content only: a layer step taken from the cache holds units
 * built from an older checkout, and the final {@code COPY . .} brings newer times, which would
 * make cargo compile every layer package again. With one fixed time, older than any build, a
 * package whose files did not change is fresh; one whose files changed re-ran its layer step (its
 * {@code COPY} changed) and was compiled there.
 */
public final class SourceTimes {
  /** The time every file gets: 1980-01-01T00:00:00Z, as reproducible builds use. */
  public static final FileTime FIXED = FileTime.from(Instant.parse("1980-01-01T00:00:00Z"));

  private SourceTimes() {}

  /**
   * Sets the modification time of every regular file below {@code directories} (relative to
   * {@code root}) to {@link #FIXED}, not following symbolic links.
   *
   * @return how many files
   * @throws UncheckedIOException when a time cannot be set
   */
  public static int fix(Path root, Collection<String> directories) {
    int[] count = {0};
    for (String directory : directories) {
      Path start = root.resolve(directory);
      if (!Files.isDirectory(start)) {
        continue;
      }
      try {
        Files.walkFileTree(
            start,
            new SimpleFileVisitor<>() {
              @Override
              public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (attributes.isRegularFile()) {
                  Files.setLastModifiedTime(file, FIXED);
                  count[0]++;
                }
                return FileVisitResult.CONTINUE;
              }
            });
      } catch (IOException e) {
        throw new UncheckedIOException("cannot set the times of the files in " + start, e);
      }
    }
    return count[0];
  }
}
