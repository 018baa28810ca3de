package dev.jchef.skeleton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The symbolic-link check on the real file system, not only on Jimfs. */
class RealDiskSymlinkTest {
  @TempDir Path base;

  @Test
  void aSymlinkInsideTheRootThatPointsOutsideIsRefusedAndNothingIsWritten() throws IOException {
    Path outside = Files.createDirectories(base.resolve("outside"));
    Files.writeString(outside.resolve("main.rs"), "fn main() { precious(); }");
    Path root = Files.createDirectories(base.resolve("cook"));
    Files.createSymbolicLink(root.resolve("src"), outside);

    SkeletonRefusedException error =
        assertThrows(
            SkeletonRefusedException.class,
            () -> new SkeletonWriter(root, SkeletonOptions.defaults()).write(TestRecipes.app()));

    assertEquals(SkeletonRefusedException.Reason.UNSAFE_PATH, error.reason());
    assertEquals("fn main() { precious(); }", Files.readString(outside.resolve("main.rs")));
    assertFalse(Files.exists(root.resolve("Cargo.toml")));
    assertFalse(Files.exists(root.resolve(".jchef")));
  }
}
