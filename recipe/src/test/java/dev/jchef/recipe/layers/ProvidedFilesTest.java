package dev.jchef.recipe.layers;

import static dev.jchef.model.testing.Manifests.pkg;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.jchef.model.testing.Fixture;
import dev.jchef.model.testing.TestFileSystem;
import dev.jchef.model.workspace.CargoConfig;
import dev.jchef.recipe.Recipe;
import dev.jchef.recipe.testing.Recipes;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a recipe leaves to the user, and the warnings prepare prints about it. */
class ProvidedFilesTest {

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void namesPatchCratesOutsideTheRecipeVendorDirectoriesAndFilesTheConfigNames(TestFileSystem fileSystem) {
    Recipe recipe =
        Recipes.prepare(
            fileSystem,
            Fixture.of(
                "Cargo.toml",
                pkg("app", "1.0.0")
                    + "[workspace]\nmembers = [\"shout\"]\n"
                    + "[patch.crates-io]\nchef-shout = { path = \"shout\" }\nchef-extra = { path = \"./patched/chef-extra\" }\n"
                    + "far = { path = \"../outside\" }\n",
                "src/main.rs", "",
                "shout/Cargo.toml", pkg("chef-shout", "1.0.0"),
                "shout/src/lib.rs", "",
                ".cargo/config.toml",
                "[source.crates-io]\nreplace-with = \"vendored\"\n[source.vendored]\ndirectory = \"vendor\"\n"
                    + "[build]\nrustc-wrapper = \"sccache\"\n"
                    + "[target.x86_64-unknown-linux-gnu]\nlinker = \".cargo/cc-wrapper.sh\"\n"));

    ProvidedFiles provided = ProvidedFiles.of(recipe);

    // The member chef-shout is in the recipe (a dummy); ../outside is not in the root.
    assertEquals(
        ImmutableSortedMap.of(
            "patched/chef-extra", "[patch.crates-io] chef-extra", "vendor", "[source.vendored] directory"),
        provided.directories());
    assertEquals(
        List.of(new CargoConfig.LocalFile(".cargo/cc-wrapper.sh", "[target.x86_64-unknown-linux-gnu] linker")),
        provided.configFiles());
    assertEquals(
        List.of(
            "dependency sources the recipe leaves to you (it has no manifest for them): patched/chef-extra"
                + " ([patch.crates-io] chef-extra), vendor ([source.vendored] directory); copy them into the build"
                + " directory before cook, as you would a vendor directory",
            "the Cargo config names a local file the recipe does not carry: .cargo/cc-wrapper.sh"
                + " ([target.x86_64-unknown-linux-gnu] linker); copy it into the build directory before cook, at the"
                + " same path"),
        provided.warnings());
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void aWorkspaceThatNeedsNothingElseGetsNoWarning(TestFileSystem fileSystem) {
    Recipe recipe =
        Recipes.prepare(
            fileSystem,
            Fixture.of(
                "Cargo.toml", pkg("app", "1.0.0"),
                "src/main.rs", "",
                ".cargo/config.toml", "[build]\nrustc-wrapper = \"sccache\"\n[target.x86_64-unknown-linux-gnu]\nlinker = \"clang\"\n"));

    assertEquals(new ProvidedFiles(ImmutableSortedMap.of(), ImmutableList.of()), ProvidedFiles.of(recipe));
    assertEquals(List.of(), ProvidedFiles.of(recipe).warnings());
  }
}
