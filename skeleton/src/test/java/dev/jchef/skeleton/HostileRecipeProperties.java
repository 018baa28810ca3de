package dev.jchef.skeleton;

import static dev.jchef.skeleton.TestRecipes.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import dev.jchef.model.TargetKind;
import dev.jchef.model.testing.TestFileSystem;
import dev.jchef.recipe.Recipe;
import dev.jchef.recipe.RecipeManifest;
import dev.jchef.recipe.RecipeTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For recipes whose paths are generated from safe and hostile parts (climbing, absolute, drive
 * letters, backslashes, symbolic links out of the root, reserved directories), the writer either
 * writes only inside the root or refuses; it never changes a byte it does not own, inside the
 * root or out. On Unix and Windows path styles.
 */
class HostileRecipeProperties {
  private static final List<String> PARTS =
      List.of(
          "a", "src", "crates", "..", ".", "", "link-out", "link-in", ".git", "target", ".cargo",
          "C:", "x\\y", "/abs", ".jchef", "notes.txt");

  @Property(tries = 300)
  void writesOnlyInsideTheRootOrRefuses(
      @ForAll("recipes") Recipe recipe, @ForAll TestFileSystem fileSystem) throws IOException {
    Path base = fileSystem.newDirectory();
    Path outside = Files.createDirectories(base.resolve("outside"));
    Files.writeString(outside.resolve("secret.rs"), "secret");
    Path root = Files.createDirectories(base.resolve("root"));
    Files.writeString(root.resolve("notes.txt"), "mine");
    Files.createDirectories(root.resolve("inner"));
    Files.createSymbolicLink(root.resolve("link-out"), outside);
    Files.createSymbolicLink(root.resolve("link-in"), root.resolve("inner"));
    TreeMap<String, String> outsideBefore = snapshot(outside);
    TreeMap<String, String> rootBefore = snapshot(root);

    boolean refused = false;
    try {
      new SkeletonWriter(root, SkeletonOptions.defaults()).write(recipe);
    } catch (SkeletonRefusedException e) {
      refused = true;
    }

    assertEquals(outsideBefore, snapshot(outside));
    assertEquals(List.of("outside", "root"), names(base));
    Map<String, String> rootAfter = snapshot(root);
    if (refused) {
      assertEquals(rootBefore, rootAfter);
    } else {
      assertEquals("mine", rootAfter.get("notes.txt"));
      WriteRecord record = WriteRecord.read(root);
      for (String path : rootAfter.keySet()) {
        assertTrue(
            path.equals("notes.txt") || path.equals(WriteRecord.PATH) || record.owns(root, path),
            "unowned file " + path);
      }
    }
  }

  /** The names directly in {@code directory}: a write outside the root would add one. */
  private static List<String> names(Path directory) throws IOException {
    try (var paths = Files.list(directory)) {
      return paths.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Provide
  Arbitrary<Recipe> recipes() {
    Arbitrary<String> directory =
        Arbitraries.of(PARTS).list().ofMinSize(0).ofMaxSize(3).map(parts -> String.join("/", parts));
    Arbitrary<RecipeTarget> target =
        Combinators.combine(directory, Arbitraries.of("main.rs", "lib.rs", "Cargo.toml", "notes.txt"), Arbitraries.of(TargetKind.values()))
            .as((dir, file, kind) -> new RecipeTarget(dir.isEmpty() ? file : dir + "/" + file, kind, false, "t"));
    Arbitrary<RecipeManifest> manifest =
        Combinators.combine(directory, target.list().ofMaxSize(3))
            .as(
                (dir, targets) ->
                    new RecipeManifest(
                        dir.isEmpty() ? "Cargo.toml" : dir + "/Cargo.toml",
                        "[package]\nname = \"p\"\n",
                        ImmutableList.copyOf(targets)));
    return manifest
        .list()
        .ofMinSize(1)
        .ofMaxSize(3)
        .map(ms -> new Recipe(ImmutableList.copyOf(ms), Optional.empty(), Optional.empty(), Optional.empty()));
  }
}
