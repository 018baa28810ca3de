package dev.jchef.skeleton;

import com.google.common.base.Splitter;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/** The writer's file helpers: its checked recipe paths under the root, and content hashes. */
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

  /** The SHA-256 of {@code file}'s content, if it is a regular file (not a link to one). */
  static Optional<String> sha256(Path file) {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Hashing.sha256().hashBytes(Files.readAllBytes(file)).toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
