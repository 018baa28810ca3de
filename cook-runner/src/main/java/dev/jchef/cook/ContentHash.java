package dev.jchef.cook;

import com.google.common.hash.Hashing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The content of a file a unit read, as jchef records it to tell later whether the unit's inputs
 * changed: the SHA-256 of a file's bytes in lower-case hex, read through a symbolic link (rustc and
 * build scripts read through it); for a directory (a build script may watch one, as the Cargo
 * book's <i>Build Scripts</i> chapter allows) the SHA-256 of its files' relative names and hashes;
 * {@link #MISSING} for what cannot be read.
 */
final class ContentHash {
  /** What a file that is not there, or cannot be read, hashes to. */
  static final String MISSING = "missing";

  private ContentHash() {}

  static String of(Path file) {
    if (Files.isDirectory(file)) {
      return directory(file);
    }
    try {
      return Hashing.sha256().hashBytes(Files.readAllBytes(file)).toString();
    } catch (IOException e) {
      return MISSING;
    }
  }

  private static String directory(Path directory) {
    StringBuilder listing = new StringBuilder();
    try (Stream<Path> files = Files.walk(directory)) {
      files.filter(Files::isRegularFile).sorted().forEach(
          f -> listing.append(directory.relativize(f)).append('\0').append(of(f)).append('\n'));
    } catch (IOException | UncheckedIOException e) {
      return MISSING;
    }
    return Hashing.sha256().hashUnencodedChars(listing).toString();
  }
}
