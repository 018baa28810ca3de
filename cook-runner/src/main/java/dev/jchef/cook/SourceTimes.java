package dev.jchef.cook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/**
 * The modification times {@link LayerFreshness} gives the files of member-layer packages: one
 * fixed time to content their units were built from, so that a new checkout or {@code COPY}
 * (which gives every file a new time) leaves those units fresh, and the current time to anything
 * else.
 */
final class SourceTimes {
  /** The fixed time: 1980-01-01T00:00:00Z, as reproducible builds use. */
  static final FileTime FIXED = FileTime.from(Instant.parse("1980-01-01T00:00:00Z"));

  private SourceTimes() {}

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
