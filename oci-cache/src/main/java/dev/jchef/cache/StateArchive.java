package dev.jchef.cache;

import dev.jchef.cook.CookCacheException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A layer of a cooked state as one registry blob: a POSIX tar of files, compressed with gzip
 * (level 6, the default of {@code gzip}), its entries in the order given, all with one fixed
 * modification time, so that the same files give the same bytes.
 *
 * <p>Unpacking reads untrusted input: only regular files and directories, at relative paths
 * without {@code ..} or empty parts, each written once (never over a file already there), at most
 * {@link #MAX_ENTRIES} entries and {@link #MAX_BYTES} bytes in all. Anything else refuses the whole
 * archive with a {@link CookCacheException}; what was unpacked stays in the directory for the
 * caller to remove.
 */
final class StateArchive {
  /** The most entries a state may have. */
  static final int MAX_ENTRIES = 1_000_000;
  /** The most bytes a state's files may have in all, unpacked: 64 GiB. */
  static final long MAX_BYTES = 64L << 30;

  /**
   * The time every entry gets: a restore gives the files one time of its own, so the state need
   * not keep theirs, and without them a layer's bytes depend only on its files' names and bytes.
   */
  private static final FileTime FIXED_TIME = FileTime.from(java.time.Instant.parse("1980-01-01T00:00:00Z"));

  private StateArchive() {}

  /**
   * The archive written: its SHA-256 digest ({@code sha256:} and lower-case hex) and size.
   *
   * @param digest as the OCI image specification writes descriptors' digests
   * @param size in bytes
   */
  record Written(String digest, long size) {}

  /**
   * Writes {@code files} (relative to {@code base}, each a regular file) to {@code archive}.
   *
   * @throws IOException when a file cannot be read or the archive written
   */
  static Written write(Path base, List<String> files, Path archive) throws IOException {
    MessageDigest sha256 = sha256();
    try (OutputStream file = Files.newOutputStream(archive);
        DigestOutputStream digesting = new DigestOutputStream(new BufferedOutputStream(file, 1 << 16), sha256);
        GZIPOutputStream gzip = new GZIPOutputStream(digesting, 1 << 16);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      for (String name : files) {
        Path source = base.resolve(name);
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(Files.size(source));
        entry.setModTime(FIXED_TIME);
        entry.setMode(Files.isExecutable(source) ? 0755 : 0644);
        tar.putArchiveEntry(entry);
        Files.copy(source, tar);
        tar.closeArchiveEntry();
      }
      tar.finish();
    }
    return new Written("sha256:" + HexFormat.of().formatHex(sha256.digest()), Files.size(archive));
  }

  /**
   * Unpacks an archive read from {@code input} into {@code directory}, checking each entry. The
   * input is read to the end of the gzip stream and left open.
   *
   * @param cancelled asked before each entry: when true, unpacking stops
   * @throws CookCacheException when an entry is refused, the archive is not gzip'd tar, or it ends
   *     early
   */
  static void unpack(InputStream input, Path directory, BooleanSupplier cancelled) {
    int entries = 0;
    long bytes = 0;
    // The caller reads the input to its end after this (for its digest): closing here must not close it.
    InputStream shielded =
        new java.io.FilterInputStream(input) {
          @Override
          public void close() {}
        };
    try (GZIPInputStream gzip = new GZIPInputStream(shielded, 1 << 16);
        TarArchiveInputStream tar = new TarArchiveInputStream(gzip)) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        if (cancelled.getAsBoolean()) {
          throw new CookCacheException("unpacking was stopped");
        }
        if (++entries > MAX_ENTRIES) {
          throw new CookCacheException("the state has more than " + MAX_ENTRIES + " entries");
        }
        Path target = target(directory, entry.getName());
        if (entry.isDirectory()) {
          Files.createDirectories(target);
          continue;
        }
        if (!entry.isFile() || entry.isLink() || entry.isSymbolicLink()) {
          throw new CookCacheException("the state holds " + entry.getName() + ", which is not a regular file");
        }
        bytes += entry.getSize();
        if (entry.getSize() < 0 || bytes > MAX_BYTES) {
          throw new CookCacheException("the state's files are larger than " + (MAX_BYTES >> 30) + " GiB");
        }
        write(tar, entry, target);
        if ((entry.getMode() & 0100) != 0) {
          target.toFile().setExecutable(true, false);
        }
        Files.setLastModifiedTime(target, FileTime.from(entry.getModTime().toInstant()));
      }
      gzip.transferTo(OutputStream.nullOutputStream()); // the tar's end blocks, and gzip's trailer checked
    } catch (IOException e) {
      throw new CookCacheException(
          "cannot read the state: " + e.getMessage() + " (the transfer broke off, or the archive is not complete gzip'd tar)", e);
    }
  }

  /**
   * Copies one entry's bytes to {@code target}, which must not exist: a failure to read is the
   * archive's ({@link IOException}), a failure to write names the file.
   */
  private static void write(TarArchiveInputStream tar, TarArchiveEntry entry, Path target) throws IOException {
    OutputStream out;
    try {
      Files.createDirectories(target.getParent());
      out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      throw new CookCacheException("the state holds " + entry.getName() + " twice");
    } catch (IOException e) {
      throw new CookCacheException("cannot write " + target + ": " + e.getMessage(), e);
    }
    byte[] buffer = new byte[1 << 16];
    long copied = 0;
    try {
      for (int n = tar.read(buffer); n >= 0; n = tar.read(buffer)) {
        try {
          out.write(buffer, 0, n);
        } catch (IOException e) {
          throw new CookCacheException("cannot write " + target + ": " + e.getMessage(), e);
        }
        copied += n;
      }
    } finally {
      try {
        out.close();
      } catch (IOException e) {
        throw new CookCacheException("cannot write " + target + ": " + e.getMessage(), e);
      }
    }
    if (copied != entry.getSize()) {
      throw new CookCacheException("the state ends inside " + entry.getName());
    }
  }

  /** Where an entry goes, refusing a name that is absolute or leads out of the directory. */
  private static Path target(Path directory, String name) {
    String plain = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    if (plain.isEmpty() || plain.startsWith("/") || plain.contains("\\")) {
      throw new CookCacheException("the state holds an entry named \"" + name + "\", which is not a relative path");
    }
    for (String part : plain.split("/", -1)) {
      if (part.isEmpty() || part.equals(".") || part.equals("..")) {
        throw new CookCacheException("the state holds " + name + ", a path with an empty, . or .. part");
      }
    }
    Path target = directory.resolve(plain).normalize();
    if (!target.startsWith(directory)) {
      throw new CookCacheException("the state holds " + name + ", which leads out of its directory");
    }
    return target;
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }
}
