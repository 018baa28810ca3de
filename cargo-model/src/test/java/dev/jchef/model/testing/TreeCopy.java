package dev.jchef.model.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Copies a workspace as a Dockerfile's {@code COPY} or a new checkout would: without its {@code target/}. */
public final class TreeCopy {
  private TreeCopy() {}

  /**
   * Copies {@code from} over {@code to}, replacing files, leaving out {@code target/}.
   *
   * @param keepTimes whether files keep their modification times ({@code COPY}), or get new ones
   *     (a checkout, a copy of a vendor directory)
   * @return {@code to}
   */
  public static Path copy(Path from, Path to, boolean keepTimes) {
    StandardCopyOption[] options = keepTimes
        ? new StandardCopyOption[] {StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES}
        : new StandardCopyOption[] {StandardCopyOption.REPLACE_EXISTING};
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path destination = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(destination);
        } else if (!from.relativize(path).startsWith("target")) {
          Files.copy(path, destination, options);
        }
      }
      return to;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
