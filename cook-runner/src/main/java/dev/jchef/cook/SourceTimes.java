package dev.jchef.cook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/**
 * The modification times {@link LayerFreshness} gives the files of member-layer packages: one
 * fixed time to content their units were built from, so that a new checkout or {@code COPY}
 * (which gives every file a new time) leaves those units fresh, and the current time to anything
 * else; and the newest time in a tree, which layer freshness and a restored cache state ({@link
 * CookState}) compare against.
 */
final class SourceTimes {
  /** The fixed time: 1980-01-01T00:00:00Z, as reproducible builds use. */
  static final FileTime FIXED = FileTime.from(Instant.parse("1980-01-01T00:00:00Z"));

  private SourceTimes() {}

  /**
   * The newest modification time of a file, or of the files in a directory tree; the epoch when
   * there is none.
   *
   * @throws UncheckedIOException naming the path when it cannot be read
   */
  static Instant newest(Path path) {
    Instant[] newest = {Instant.EPOCH};
    if (!Files.exists(path)) {
      return newest[0];
    }
    try {
      Files.walkFileTree(
          path,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
              Instant time = attributes.lastModifiedTime().toInstant();
              if (time.isAfter(newest[0])) {
                newest[0] = time;
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
    return newest[0];
  }

  /**
   * Sets {@code file}'s modification time (not following a symbolic link), unless it has it.
   *
   * @throws UncheckedIOException naming the file when the time cannot be set
   */
  static void set(Path file, FileTime time) {
    try {
      if (!Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).equals(time)) {
        Files.setLastModifiedTime(file, time);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot set the time of " + file + ": " + e.getMessage(), e);
    }
  }
}
