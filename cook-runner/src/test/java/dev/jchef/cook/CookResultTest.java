package dev.jchef.cook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;
import dev.jchef.recipe.Recipe;
import dev.jchef.recipe.RecipeManifest;
import dev.jchef.skeleton.SkeletonOptions;
import dev.jchef.skeleton.SkeletonReport;
import dev.jchef.skeleton.SkeletonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The summary line cook ends with: each count agrees with its noun. */
class CookResultTest {
  // The report comes from a real write: its constructor is the writer's.
  private static final SkeletonReport ONE_FILE = oneFileWritten();

  /** What writing the skeleton of a recipe that is one virtual manifest reports: one file written. */
  private static SkeletonReport oneFileWritten() {
    try {
      Path root = Files.createTempDirectory("cook-result");
      Recipe recipe = new Recipe(
          List.of(new RecipeManifest("Cargo.toml", "[workspace]\n", List.of())), Optional.empty(), Optional.empty(), Optional.empty());
      SkeletonReport report = new SkeletonWriter(root, SkeletonOptions.defaults()).write(recipe);
      MoreFiles.deleteRecursively(root, RecursiveDeleteOption.ALLOW_INSECURE);
      return report;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void oneOfEachIsSingular() {
    CookResult cooked =
        new CookResult(ONE_FILE, true, 1, 0, 1, Optional.of(new SccacheStats(1, 1)), Duration.ofMillis(2_300));

    assertEquals("1 unit compiled, 0 fresh, 1 dummy artifact removed, sccache 1 hit and 1 miss, 2.3 s", cooked.summary());
  }

  @Test
  void manyArePluralAndSoIsZero() {
    CookResult cooked =
        new CookResult(ONE_FILE, true, 57, 0, 21, Optional.of(new SccacheStats(4, 0)), Duration.ofMillis(41_300));

    assertEquals(
        "57 units compiled, 0 fresh, 21 dummy artifacts removed, sccache 4 hits and 0 misses, 41.3 s", cooked.summary());
  }

  @Test
  void aSkeletonOfOneFileIsOneFileWritten() {
    CookResult written = new CookResult(ONE_FILE, false, 0, 0, 0, Optional.empty(), Duration.ofMillis(100));

    assertEquals("skeleton written (1 file written, 0 unchanged, 0 removed), no build, 0.1 s", written.summary());
  }
}
