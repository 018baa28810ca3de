package dev.jchef.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library example of the previous README (RecipePlanner, RecipeFingerprint, CookOptions with
 * BuildProfile, CookRunner, RealBuild, RecipeFile) still compiles against what jchef exports: its
 * entry points stay one release, deprecated where {@code Jchef} replaces them.
 */
class PreviousApiTest {
  @TempDir Path directory;

  @Test
  void thePreviousReadmeExampleStillCompiles() throws Exception {
    Path source = directory.resolve("CookExample.java");
    Files.copy(Path.of("src/test/resources/previous-api/CookExample.java"), source);

    JavaSources.assertCompile(directory, List.of(source.toString()));
  }
}
