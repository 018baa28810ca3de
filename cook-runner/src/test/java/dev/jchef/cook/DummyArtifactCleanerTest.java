package dev.jchef.cook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableList;
import dev.jchef.model.TargetKind;
import dev.jchef.model.testing.Fixture;
import dev.jchef.model.testing.TestFileSystem;
import dev.jchef.recipe.Recipe;
import dev.jchef.recipe.RecipeManifest;
import dev.jchef.recipe.RecipeTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DummyArtifactCleanerTest {
  private static final Recipe RECIPE =
      new Recipe(
          ImmutableList.of(
              new RecipeManifest("Cargo.toml", "[workspace]\nmembers = [\"my-lib\", \"app\"]\n", ImmutableList.of()),
              new RecipeManifest(
                  "my-lib/Cargo.toml",
                  "[package]\nname = \"my-lib\"\nbuild = \"build.rs\"\n[lib]\nname = \"my_lib\"\n",
                  ImmutableList.of(
                      new RecipeTarget("src/lib.rs", TargetKind.LIB, false, "my_lib"),
                      new RecipeTarget("build.rs", TargetKind.BUILD_SCRIPT, false, "build-script-build"))),
              new RecipeManifest(
                  "app/Cargo.toml",
                  "[package]\nname = \"app\"\n",
                  ImmutableList.of(
                      new RecipeTarget("src/main.rs", TargetKind.BIN, false, "app"),
                      new RecipeTarget("examples/demo-one.rs", TargetKind.EXAMPLE, false, "demo-one")))),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());

  /** A profile directory as cargo leaves it, dummies and registry crates mixed. */
  private static Fixture profile(String prefix) {
    return Fixture.of(
        prefix + "libmy_lib.rlib", "",
        prefix + "libmy_lib.d", "",
        prefix + "deps/libmy_lib-0123456789abcdef.rlib", "",
        prefix + "deps/libmy_lib-0123456789abcdef.rmeta", "",
        prefix + "deps/libmy_lib.dSYM/", "",
        prefix + "build/my-lib-1111111111111111/build-script-build", "",
        prefix + "build/my-lib-1111111111111111/build_script_build-1111111111111111", "",
        prefix + "build/my-lib-2222222222222222/output", "",
        prefix + "app", "",
        prefix + "app.d", "",
        prefix + "deps/app-3333333333333333", "",
        prefix + "deps/app-3333333333333333.d", "",
        prefix + "examples/demo-one", "",
        prefix + "examples/demo_one-4444444444444444", "",
        prefix + "deps/libserde-5555555555555555.rlib", "",
        prefix + "deps/libmy_lib_extra-6666666666666666.rlib", "",
        prefix + "build/serde-7777777777777777/build-script-build", "");
  }

  private static List<String> remaining(Path target) throws IOException {
    try (Stream<Path> paths = Files.walk(target)) {
      return paths.filter(Files::isRegularFile)
          .map(p -> target.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void removesTheDummiesLibrariesBuildScriptsAndProgramsOnly(TestFileSystem fileSystem) throws IOException {
    Path target = fileSystem.write(profile("debug/"));

    int removed = new DummyArtifactCleaner(target, BuildProfile.DEV, List.of(), List.of()).clean(RECIPE);

    assertEquals(13, removed);
    assertEquals(
        List.of(
            "debug/build/my-lib-2222222222222222/output",
            "debug/build/serde-7777777777777777/build-script-build",
            "debug/deps/libmy_lib_extra-6666666666666666.rlib",
            "debug/deps/libserde-5555555555555555.rlib"),
        remaining(target));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void leavesTheUnitsOfRegistryPackagesCargoReported(TestFileSystem fileSystem) throws IOException {
    // A registry crate with a local library's name: cargo reported its rlib, so its unit is kept.
    Path target =
        fileSystem.write(
            Fixture.of(
                "release/deps/libmy_lib-aaaaaaaaaaaaaaaa.rlib", "",
                "release/deps/libmy_lib-aaaaaaaaaaaaaaaa.rmeta", "",
                "release/deps/my_lib-aaaaaaaaaaaaaaaa.d", "",
                "release/deps/libmy_lib-bbbbbbbbbbbbbbbb.rlib", ""));

    new DummyArtifactCleaner(
            target, BuildProfile.RELEASE, List.of(),
            List.of(target.resolve("release/deps/libmy_lib-aaaaaaaaaaaaaaaa.rlib").toString()))
        .clean(RECIPE);

    assertEquals(
        List.of(
            "release/deps/libmy_lib-aaaaaaaaaaaaaaaa.rlib",
            "release/deps/libmy_lib-aaaaaaaaaaaaaaaa.rmeta",
            "release/deps/my_lib-aaaaaaaaaaaaaaaa.d"),
        remaining(target));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void cleansEveryTargetAndCustomProfileDirectory(TestFileSystem fileSystem) throws IOException {
    Path target =
        fileSystem.write(
            profile("x86_64-unknown-linux-gnu/dist/")
                .with("custom-spec/dist/libmy_lib.rlib", "")
                .with("aarch64-unknown-linux-gnu/dist/libmy_lib.rlib", ""));

    DummyArtifactCleaner cleaner =
        new DummyArtifactCleaner(
            target,
            new BuildProfile("dist"),
            List.of("x86_64-unknown-linux-gnu.2.17", "specs/custom-spec.json", "aarch64-unknown-linux-gnu"),
            List.of());
    cleaner.clean(RECIPE);

    assertEquals(
        List.of(
            target.resolve("x86_64-unknown-linux-gnu").resolve("dist"),
            target.resolve("custom-spec").resolve("dist"),
            target.resolve("aarch64-unknown-linux-gnu").resolve("dist")),
        cleaner.profileDirectories());
    assertEquals(4, remaining(target).size(), remaining(target).toString());
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void aMissingProfileDirectoryIsNothingToClean(TestFileSystem fileSystem) {
    Path target = fileSystem.newDirectory().resolve("target");

    assertEquals(0, new DummyArtifactCleaner(target, BuildProfile.RELEASE, List.of("wasm32-unknown-unknown"), List.of()).clean(RECIPE));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void targetDirectoryNames(TestFileSystem fileSystem) {
    assertEquals("x86_64-unknown-linux-gnu", DummyArtifactCleaner.targetDirectoryName("x86_64-unknown-linux-gnu.2.17"));
    assertEquals("aarch64-unknown-linux-gnueabihf", DummyArtifactCleaner.targetDirectoryName("aarch64-unknown-linux-gnueabihf.2.28"));
    assertEquals("x86_64-unknown-linux-musl", DummyArtifactCleaner.targetDirectoryName("x86_64-unknown-linux-musl"));
    assertEquals("thumbv7em-custom", DummyArtifactCleaner.targetDirectoryName("targets/thumbv7em-custom.json"));
  }
}
