package dev.jchef.cook;

import dev.jchef.model.internal.JchefFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The lock that serialises cooks of one directory: {@code .jchef/cook.lock}, held for the whole
 * cook, as cargo holds its build directory's lock. A second cook waits, saying so once; the
 * operating system releases the lock when the process holding it ends, killed or not, so a cook
 * killed mid-way never leaves the directory locked.
 */
final class CookLock implements AutoCloseable {
  static final String PATH = JchefFiles.COOK_LOCK;
  private static final long POLL_MILLIS = 200;

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;
  private final boolean createdDirectory;

  private CookLock(Path file, FileChannel channel, FileLock lock, boolean createdDirectory) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
    this.createdDirectory = createdDirectory;
  }

  /**
   * Takes the lock of {@code root}, waiting for another cook to finish.
   *
   * @throws UncheckedIOException when the lock file cannot be made
   * @throws CookException when interrupted while waiting, or when {@code interrupt} is raised
   */
  static CookLock acquire(Path root, CookListener listener, CookInterrupt interrupt) {
    Path file = root.resolve(PATH);
    boolean createdDirectory = !Files.isDirectory(file.getParent());
    FileChannel channel;
    try {
      Files.createDirectories(file.getParent());
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + file + ": " + e.getMessage(), e);
    }
    try {
      boolean said = false;
      while (true) {
        FileLock lock;
        try {
          lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
          lock = null; // another cook of this directory in this process
        }
        if (lock != null) {
          return new CookLock(file, channel, lock, createdDirectory);
        }
        interrupt.stopHereIfRaised();
        if (!said) {
          listener.on(new CookEvent.Note("waiting for another cook of " + root + " to finish"));
          said = true;
        }
        Thread.sleep(POLL_MILLIS);
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      closeQuietly(channel);
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        throw new CookException(130, "interrupted while waiting for another cook of " + root);
      }
      if (e instanceof IOException io) {
        throw new UncheckedIOException("cannot lock " + file + ": " + io.getMessage(), io);
      }
      throw (RuntimeException) e;
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // the lock was never taken; closing is only tidying
    }
  }

  /**
   * Releases the lock. When this cook made {@code .jchef/} and left nothing else in it (the
   * skeleton writer refused the directory), the lock file and the directory go too: a refused
   * directory is left as it was.
   */
  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
      if (createdDirectory) {
        try (var entries = Files.list(file.getParent())) {
          if (entries.allMatch(file::equals)) {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.getParent());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release " + PATH, e);
    }
  }
}
