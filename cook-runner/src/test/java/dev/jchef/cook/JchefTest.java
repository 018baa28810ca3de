package dev.jchef.cook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jchef.Jchef;
import dev.jchef.recipe.Recipe;
import dev.jchef.recipe.RecipeException;
import dev.jchef.skeleton.SkeletonRefusedException;
import dev.jchef.skeleton.SkeletonReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Jchef}'s steps that run no cargo: prepare, the recipe file, the skeleton. */
class JchefTest {
  private static final Path EXAMPLE = CookScenario.EXAMPLE;

  @TempDir Path directory;

  @Test
  void aSkeletonIsWrittenOnceAndThenFoundUnchanged() {
    Recipe recipe = Jchef.prepare(EXAMPLE);

    SkeletonReport first = Jchef.writeSkeleton(directory, recipe);
    SkeletonReport second = Jchef.writeSkeleton(directory, recipe);

    assertTrue(first.written().containsAll(List.of("Cargo.toml", "Cargo.lock", "app/Cargo.toml", "app/src/main.rs", "app/build.rs")),
        first.written().toString());
    assertEquals(List.of(), second.written());
    assertEquals(first.written().stream().sorted().toList(), second.unchanged().stream().sorted().toList());
  }

  @Test
  void aSkeletonNeverOverwritesARealSource() throws Exception {
    Path main = directory.resolve("app/src/main.rs");
    Files.createDirectories(main.getParent());
    Files.writeString(main, "fn main() { println!(\"real\"); }\n");

    assertThrows(SkeletonRefusedException.class, () -> Jchef.writeSkeleton(directory, Jchef.prepare(EXAMPLE)));
    assertEquals("fn main() { println!(\"real\"); }\n", Files.readString(main));
  }

  @Test
  void aRecipeWrittenIsTheRecipeRead() {
    Recipe recipe = Jchef.prepare(EXAMPLE);
    Path file = directory.resolve("build/recipe.json");

    Jchef.writeRecipe(file, recipe);

    assertEquals(recipe, Jchef.readRecipe(file));
    assertEquals(recipe.fingerprint(), Jchef.fingerprint(Jchef.readRecipe(file)));
    assertTrue(Jchef.fingerprint(recipe).matches("[0-9a-f]{64}"));
  }

  @Test
  void preparingForOneBinaryKeepsOnlyWhatItNeeds() {
    Recipe all = Jchef.prepare(EXAMPLE);
    Recipe tool = Jchef.prepare(EXAMPLE, "tool");

    assertTrue(all.manifests().size() > tool.manifests().size(), all.manifests() + " vs " + tool.manifests());
    assertTrue(tool.manifests().stream().anyMatch(m -> m.relativePath().equals("tool/Cargo.toml")));
    assertThrows(RecipeException.class, () -> Jchef.prepare(EXAMPLE, "no-such-binary"));
  }
}
