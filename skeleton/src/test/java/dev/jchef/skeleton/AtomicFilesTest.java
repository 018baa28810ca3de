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
import java.util.List;
import java.util.stream.Stream;
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
  void aTemporaryFileLeftByAKilledRunIsReplaced(TestFileSystem fileSystem) throws IOException {
    Path directory = fileSystem.newDirectory();
    Files.writeString(directory.resolve(".recipe.json.jchef-tmp"), "{\"half");

    AtomicFiles.write(directory.resolve("recipe.json"), bytes("{}"));

    assertEquals(List.of("recipe.json"), names(directory));
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

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> names(Path directory) throws IOException {
    try (Stream<Path> children = Files.list(directory)) {
      return children.map(child -> child.getFileName().toString()).sorted().toList();
    }
  }
}
