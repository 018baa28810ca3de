package dev.jchef.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jchef.cook.CookCacheException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateArchiveTest {
  @TempDir Path base;

  @Test
  void filesComeBackWithTheirBytesAndExecutableBitAndTheSameFilesGiveTheSameBytes() throws IOException {
    Path from = base.resolve("from");
    Files.createDirectories(from.resolve("debug/deps"));
    Files.createDirectories(from.resolve("debug/build/x-0123456789abcdef"));
    Files.writeString(from.resolve("debug/deps/libx-0123456789abcdef.rlib"), "rlib bytes");
    Path script = from.resolve("debug/build/x-0123456789abcdef/build-script-build");
    Files.writeString(script, "#!");
    script.toFile().setExecutable(true);
    FileTime old = FileTime.from(Instant.parse("2020-01-02T03:04:05Z"));
    Files.setLastModifiedTime(from.resolve("debug/deps/libx-0123456789abcdef.rlib"), old);
    Path archive = base.resolve("state.tar.gz");

    StateArchive.Written written = StateArchive.write(
        from, List.of("debug/build/x-0123456789abcdef/build-script-build", "debug/deps/libx-0123456789abcdef.rlib"), archive);

    assertEquals(Files.size(archive), written.size());
    byte[] digest = StateArchive.sha256().digest(Files.readAllBytes(archive));
    assertEquals("sha256:" + java.util.HexFormat.of().formatHex(digest), written.digest());
    Path to = base.resolve("to");
    Files.createDirectories(to);
    try (InputStream in = Files.newInputStream(archive)) {
      StateArchive.unpack(in, to, () -> false);
      assertEquals(-1, in.read(), "the archive is read to its end, for the caller's digest");
    }
    assertEquals("rlib bytes", Files.readString(to.resolve("debug/deps/libx-0123456789abcdef.rlib")));
    assertTrue(Files.isExecutable(to.resolve("debug/build/x-0123456789abcdef/build-script-build")));

    // Other modification times, the same bytes: a layer whose units did not change is not sent again.
    Files.setLastModifiedTime(from.resolve("debug/deps/libx-0123456789abcdef.rlib"), FileTime.from(Instant.now()));
    StateArchive.Written again = StateArchive.write(
        from, List.of("debug/build/x-0123456789abcdef/build-script-build", "debug/deps/libx-0123456789abcdef.rlib"),
        base.resolve("again.tar.gz"));
    assertEquals(written, again);
  }

  @Test
  void entriesLeadingOutAbsoluteOrLinksAreRefusedAndNothingIsWrittenOutside() throws IOException {
    for (String name : List.of("../escape", "/etc/passwd", "debug/../../escape", "debug//x", "./x")) {
      Path to = Files.createDirectories(base.resolve("to-" + Math.abs(name.hashCode())));
      CookCacheException e = assertThrows(
          CookCacheException.class, () -> StateArchive.unpack(archive(file(name, "x")), to, () -> false), name);
      assertTrue(e.getMessage().contains("the state holds"), e.getMessage());
      assertFalse(Files.exists(base.resolve("escape")));
    }
    TarArchiveEntry link = new TarArchiveEntry("debug/deps/link", TarArchiveEntry.LF_SYMLINK);
    link.setLinkName("/etc/passwd");
    Path to = Files.createDirectories(base.resolve("to-link"));
    CookCacheException e = assertThrows(CookCacheException.class, () -> StateArchive.unpack(archive(link), to, () -> false));
    assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
  }

  @Test
  void aTruncatedArchiveOrOneThatIsNotGzipIsRefused() throws IOException {
    byte[] whole = archive(file("debug/deps/a", "a".repeat(100_000))).readAllBytes();
    Path to = Files.createDirectories(base.resolve("truncated"));
    assertThrows(CookCacheException.class,
        () -> StateArchive.unpack(new ByteArrayInputStream(Arrays.copyOf(whole, whole.length / 2)), to, () -> false));
    Path other = Files.createDirectories(base.resolve("not-gzip"));
    CookCacheException e = assertThrows(CookCacheException.class,
        () -> StateArchive.unpack(new ByteArrayInputStream("{\"not\": \"a state\"}".getBytes()), other, () -> false));
    assertTrue(e.getMessage().contains("(the transfer broke off, or the archive is not complete gzip'd tar)"), e.getMessage());
  }

  @Test
  void theSameFileTwiceIsRefusedRatherThanOverwritten() throws IOException {
    Path to = Files.createDirectories(base.resolve("twice"));
    assertThrows(CookCacheException.class,
        () -> StateArchive.unpack(archive(file("debug/deps/a", "one"), file("debug/deps/a", "two")), to, () -> false));
    assertEquals("one", Files.readString(to.resolve("debug/deps/a")));
  }

  @Test
  void unpackingStopsWhenCancelled() throws IOException {
    Path to = Files.createDirectories(base.resolve("cancelled"));
    assertThrows(CookCacheException.class, () -> StateArchive.unpack(archive(file("debug/deps/a", "a")), to, () -> true));
    assertFalse(Files.exists(to.resolve("debug/deps/a")));
  }

  private record Entry(TarArchiveEntry header, byte[] bytes) {}

  private static Entry file(String name, String content) {
    TarArchiveEntry entry = new TarArchiveEntry(name, true);
    byte[] bytes = content.getBytes();
    entry.setSize(bytes.length);
    return new Entry(entry, bytes);
  }

  private static InputStream archive(TarArchiveEntry link) throws IOException {
    return archive(new Entry(link, new byte[0]));
  }

  private static InputStream archive(Entry... entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Entry entry : entries) {
        tar.putArchiveEntry(entry.header());
        tar.write(entry.bytes());
        tar.closeArchiveEntry();
      }
    }
    assertArrayEquals(new byte[] {0x1f, (byte) 0x8b}, Arrays.copyOf(bytes.toByteArray(), 2));
    return new ByteArrayInputStream(bytes.toByteArray());
  }
}
