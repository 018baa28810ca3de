package dev.jchef.recipe;

import static dev.jchef.model.testing.Manifests.pkg;
import static dev.jchef.recipe.Recipes.paths;
import static dev.jchef.recipe.Recipes.prepare;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jchef.model.testing.Fixture;
import dev.jchef.model.testing.TestFileSystem;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Local packages that registry crates compile against, through {@code [patch]} or {@code
 * [replace]}, are dependency sources: the recipe leaves them out, as it does the {@code [patch]}
 * crates that are not members ({@link LeaveOutDependencySources}).
 */
class DependencySourcesTest {
  private static final String REGISTRY = "registry+https://github.com/rust-lang/crates.io-index";
  private static final Fixture WORKSPACE =
      Fixture.of(
          "Cargo.toml",
          "[workspace]\nmembers = [\"app\", \"itoa\", \"tool\"]\n\n"
              + "[patch.crates-io]\nitoa = { path = \"itoa\" }\ntool = { path = \"./tool\" }\n",
          "app/Cargo.toml", pkg("app") + "[dependencies]\nserde_json = \"1\"\ntool = \"1\"\n",
          "app/src/main.rs", "",
          "itoa/Cargo.toml", pkg("itoa", "1.0.1"),
          "itoa/src/lib.rs", "",
          "tool/Cargo.toml", pkg("tool", "1.0.0"),
          "tool/src/lib.rs", "");

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void withALockfileOnlyThoseARegistryCrateDependsOnAreLeftOut(TestFileSystem fileSystem) {
    // serde_json (registry) depends on the patched itoa; only app depends on the patched tool.
    Recipe recipe =
        prepare(
            fileSystem,
            WORKSPACE.with(
                "Cargo.lock",
                "version = 3\n\n"
                    + "[[package]]\nname = \"app\"\nversion = \"0.1.0\"\ndependencies = [\"serde_json\", \"tool\"]\n\n"
                    + "[[package]]\nname = \"itoa\"\nversion = \"1.0.1\"\n\n"
                    + "[[package]]\nname = \"serde_json\"\nversion = \"1.0.0\"\nsource = \"" + REGISTRY + "\"\n"
                    + "dependencies = [\"itoa\"]\n\n"
                    + "[[package]]\nname = \"tool\"\nversion = \"1.0.0\"\n"));

    assertEquals(List.of("Cargo.toml", "app/Cargo.toml", "tool/Cargo.toml"), paths(recipe));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void withoutALockfileEveryPatchedLocalPackageIsLeftOut(TestFileSystem fileSystem) {
    assertEquals(List.of("Cargo.toml", "app/Cargo.toml"), paths(prepare(fileSystem, WORKSPACE)));
  }
}
