package dev.jchef.model.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Listing directories in a fixed order: what the file system lists first must not matter. */
final class Directories {
  private Directories() {}

  /** The entries of {@code directory}, sorted; none when it is not a directory. */
  static List<Path> sortedEntries(Path directory) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
      stream.forEach(entries::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
    entries.sort(null);
    return entries;
  }
}
