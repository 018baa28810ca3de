package dev.jchef.skeleton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jchef.model.testing.TestFileSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AtomicFilesTest {

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void writesNewFilesAndReplacesOldOnesLeavingNoTemporaryFile(TestFileSystem fileSystem)
      throws IOException {
    Path directory = fileSystem.newDirectory();
    Path file = directory.resolve("nested").resolve("recipe.json");

    AtomicFiles.write(file, bytes("old"));
    AtomicFiles.write(file, bytes("new"));

    assertEquals("new", Files.readString(file));
    assertEquals(List.of("recipe.json"), names(file.getParent()));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void aStaleTemporaryFileLeftByAKilledRunIsRemovedAndAFreshOneLeftToItsWriter(TestFileSystem fileSystem)
      throws IOException {
    Path directory = fileSystem.newDirectory();
    Path stale = Files.writeString(directory.resolve(".recipe.json.1234.jchef-tmp"), "{\"half");
    Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
    Files.writeString(directory.resolve(".recipe.json.5678.jchef-tmp"), "{\"being written");

    AtomicFiles.write(directory.resolve("recipe.json"), bytes("{}"));

    assertEquals(List.of(".recipe.json.5678.jchef-tmp", "recipe.json"), names(directory));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void twoWritersOfOneFileAtOnceBothFinishAndTheFileIsWhole(TestFileSystem fileSystem) throws Exception {
    Path file = fileSystem.newDirectory().resolve("recipe.json");
    String a = "{\"writer\":\"a\"}".repeat(2000);
    String b = "{\"writer\":\"b\"}".repeat(2000);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> writes = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        writes.add(pool.submit(() -> AtomicFiles.write(file, bytes(a))));
        writes.add(pool.submit(() -> AtomicFiles.write(file, bytes(b))));
      }
      for (Future<?> write : writes) {
        write.get();
      }
    } finally {
      pool.shutdownNow();
    }

    String content = Files.readString(file);
    assertTrue(content.equals(a) || content.equals(b), "one writer's whole content");
    assertEquals(List.of("recipe.json"), names(file.getParent()));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void aFailedWriteNamesTheFileAndLeavesTheOldContent(TestFileSystem fileSystem)
      throws IOException {
    Path directory = fileSystem.newDirectory();
    Path occupied = directory.resolve("recipe.json");
    Files.createDirectories(occupied.resolve("child"));

    UncheckedIOException error =
        assertThrows(UncheckedIOException.class, () -> AtomicFiles.write(occupied, bytes("{}")));

    assertTrue(error.getMessage().startsWith("cannot write " + occupied), error.getMessage());
    assertTrue(Files.isDirectory(occupied.resolve("child")));
    assertEquals(List.of("recipe.json"), names(directory));
  }

  /** A recipe copied to another build stage must stay readable there: not createTempFile's 0600. */
  @Test
  void aNewFileHasTheProcessDefaultPermissionsAndAReplacedOneKeepsItsOwn(@TempDir Path directory) throws IOException {
    Path ordinary = Files.createFile(directory.resolve("made-by-the-process"));
    Path file = directory.resolve("recipe.json");

    AtomicFiles.write(file, bytes("{}"));
    assertEquals(Files.getPosixFilePermissions(ordinary), Files.getPosixFilePermissions(file));
    assertTrue(Files.getPosixFilePermissions(file).contains(PosixFilePermission.OTHERS_READ), "readable by others under umask 022");

    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    AtomicFiles.write(file, bytes("{\"new\": 1}"));
    assertEquals(PosixFilePermissions.fromString("rw-r-----"), Files.getPosixFilePermissions(file));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> names(Path directory) throws IOException {
    try (Stream<Path> children = Files.list(directory)) {
      return children.map(child -> child.getFileName().toString()).sorted().toList();
    }
  }
}
