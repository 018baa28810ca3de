package dev.jchef.skeleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes a file completely or not at all, for the skeleton writer and for {@link RecipeFile}'s
 * recipe.json: the bytes go to a temporary file beside it ({@code .NAME.<random>.jchef-tmp}), which is then
 * moved into place, so that the file has either its old content or all of the new. Missing parent
 * directories are created. A run killed mid-write leaves at most the temporary file, which the
 * next write of the same file replaces. Permissions are those of any file the process writes (0666
 * less the umask: 0644 under the usual 022), or, when the file existed, its own: a recipe
 * written by root in one build stage stays readable by a non-root user of the next.
 */
final class AtomicFiles {
  private AtomicFiles() {}

  /**
   * Writes {@code bytes} to {@code file}, replacing it atomically where the file system can. Each
   * write has its own temporary file, so that two processes writing one file at once both finish,
   * and the file ends up whole, with one of their contents.
   */
  static void write(Path file, byte[] bytes) {
    Path absolute = file.toAbsolutePath();
    try {
      Files.createDirectories(absolute.getParent());
      removeStaleTemporaryFiles(absolute);
      Path temporary = createTemporary(absolute);
      try {
        Files.write(temporary, bytes);
        move(temporary, absolute);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + reason(e), e);
    }
  }

  /**
   * The temporary file for {@code file}. {@link Files#createTempFile} alone gives 0600, which a
   * {@code COPY --from} to another stage keeps; on POSIX file systems it is made as an ordinary
   * file would be (0666, which the umask then narrows), and given the replaced file's permissions
   * when there is one.
   */
  private static Path createTemporary(Path file) throws IOException {
    String prefix = "." + file.getFileName() + ".";
    if (!Files.getFileStore(file.getParent()).supportsFileAttributeView(PosixFileAttributeView.class)) {
      return Files.createTempFile(file.getParent(), prefix, TEMPORARY_SUFFIX);
    }
    Path temporary =
        Files.createTempFile(file.getParent(), prefix, TEMPORARY_SUFFIX, PosixFilePermissions.asFileAttribute(ORDINARY));
    if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS));
    }
    return temporary;
  }

  private static final String TEMPORARY_SUFFIX = ".jchef-tmp";
  private static final Set<PosixFilePermission> ORDINARY = PosixFilePermissions.fromString("rw-rw-rw-");

  /** What went wrong, without the temporary file's name: "No space left on device". */
  private static String reason(IOException e) {
    if (e instanceof FileSystemException failure && failure.getReason() != null) {
      return failure.getReason();
    }
    return e instanceof AccessDeniedException ? "permission denied" : String.valueOf(e.getMessage());
  }

  /**
   * Removes the temporary files of earlier writes of {@code file} that a killed run left, once
   * they are a minute old: a write in progress elsewhere has a fresh one.
   */
  private static void removeStaleTemporaryFiles(Path file) throws IOException {
    String prefix = "." + file.getFileName() + ".";
    FileTime staleBefore = FileTime.from(Instant.now().minus(STALE_AFTER));
    try (Stream<Path> siblings = Files.list(file.getParent())) {
      for (Path sibling : siblings.toList()) {
        String name = sibling.getFileName().toString();
        if (name.startsWith(prefix) && name.endsWith(TEMPORARY_SUFFIX) && olderThan(sibling, staleBefore)) {
          Files.deleteIfExists(sibling);
        }
      }
    }
  }

  /** Whether {@code path} was last modified before {@code time}; false once another writer moved it. */
  private static boolean olderThan(Path path, FileTime time) throws IOException {
    try {
      return Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).compareTo(time) < 0;
    } catch (NoSuchFileException e) {
      return false;
    }
  }

  private static final Duration STALE_AFTER = Duration.ofMinutes(1);

  private static void move(Path temporary, Path file) throws IOException {
    try {
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
