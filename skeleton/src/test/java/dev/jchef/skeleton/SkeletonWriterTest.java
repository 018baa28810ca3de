package dev.jchef.skeleton;

import static dev.jchef.skeleton.TestRecipes.app;
import static dev.jchef.skeleton.TestRecipes.manifest;
import static dev.jchef.skeleton.TestRecipes.recipe;
import static dev.jchef.skeleton.TestRecipes.snapshot;
import static dev.jchef.skeleton.TestRecipes.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import dev.jchef.model.TargetKind;
import dev.jchef.model.ToolchainFile;
import dev.jchef.model.testing.Fixture;
import dev.jchef.model.testing.TestFileSystem;
import dev.jchef.recipe.Recipe;
import dev.jchef.recipe.RecipeTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the writer writes: files, dummies, re-cooks. Refusals are in SafetyGuardTest. */
class SkeletonWriterTest {
  private static final String NO_STD_MAIN =
      DummySources.LINT_FREE
          + "#![no_std]\n#![no_main]\n\n#[panic_handler]\nfn panic(_: &core::panic::PanicInfo) -> ! {\n    loop {}\n}\n"
          + DummySources.REAL_BUILD_REBUILDS;
  private static final String MAIN = DummySources.LINT_FREE + "fn main() {}\n" + DummySources.REAL_BUILD_REBUILDS;
  private static final String LIB = DummySources.LINT_FREE + DummySources.REAL_BUILD_REBUILDS;

  private static final Recipe EVERY_KIND =
      recipe(
          manifest("Cargo.toml", "[workspace]\nmembers = [\"a\", \"m\"]\n"),
          manifest(
              "a/Cargo.toml",
              "[package]\nname = \"a\"\n[[test]]\nname = \"raw\"\nharness = false\n"
                  + "[[bench]]\nname = \"speed\"\nharness = false\n",
              target("build.rs", TargetKind.BUILD_SCRIPT, "build-script-build"),
              target("src/lib.rs", TargetKind.LIB, "a"),
              target("src/main.rs", TargetKind.BIN, "a"),
              target("examples/e.rs", TargetKind.EXAMPLE, "e"),
              target("tests/it.rs", TargetKind.TEST, "it"),
              target("tests/raw.rs", TargetKind.TEST, "raw"),
              target("benches/b.rs", TargetKind.BENCH, "b"),
              target("benches/speed.rs", TargetKind.BENCH, "speed")),
          manifest(
              "m/Cargo.toml",
              "[package]\nname = \"m\"\n[lib]\nproc-macro = true\n",
              new RecipeTarget("src/lib.rs", TargetKind.LIB, true, "m")));

  private static Map<String, String> written(Path root) {
    TreeMap<String, String> files = snapshot(root);
    files.remove(WriteRecord.PATH);
    return files;
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void writesEveryDummyKindWithStd(TestFileSystem fileSystem) {
    Path root = fileSystem.newDirectory().resolve("cook");

    new SkeletonWriter(root, SkeletonOptions.defaults()).write(EVERY_KIND);

    Map<String, String> files = written(root);
    assertEquals(MAIN, files.get("a/build.rs"));
    assertEquals(LIB, files.get("a/src/lib.rs"));
    assertEquals(MAIN, files.get("a/src/main.rs"));
    assertEquals(MAIN, files.get("a/examples/e.rs"));
    assertEquals(LIB, files.get("a/tests/it.rs"));
    assertEquals(MAIN, files.get("a/tests/raw.rs"));
    assertEquals(LIB, files.get("a/benches/b.rs"));
    assertEquals(MAIN, files.get("a/benches/speed.rs"));
    assertEquals(LIB, files.get("m/src/lib.rs"));
    assertEquals("[workspace]\nmembers = [\"a\", \"m\"]\n", files.get("Cargo.toml"));
    assertEquals(
        "[package]\nname = \"a\"\ndescription = \"" + DummySources.DESCRIPTION + "\"\n\n"
            + "[[test]]\nname = \"raw\"\nharness = false\n\n[[bench]]\nname = \"speed\"\nharness = false\n",
        files.get("a/Cargo.toml"),
        "the manifest as in the recipe, with the description that makes the real build compile it again");
    assertEquals(12, files.size());
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void writesEveryDummyKindWithoutStd(TestFileSystem fileSystem) {
    Path root = fileSystem.newDirectory();

    new SkeletonWriter(root, SkeletonOptions.defaults().withNoStd(true)).write(EVERY_KIND);

    Map<String, String> files = written(root);
    assertEquals(MAIN, files.get("a/build.rs"));
    assertEquals(DummySources.LINT_FREE + "#![no_std]\n" + DummySources.REAL_BUILD_REBUILDS, files.get("a/src/lib.rs"));
    assertEquals(NO_STD_MAIN, files.get("a/src/main.rs"));
    assertEquals(NO_STD_MAIN, files.get("a/examples/e.rs"));
    assertEquals(DummySources.LINT_FREE + DummySources.NO_STD_HARNESS + DummySources.REAL_BUILD_REBUILDS, files.get("a/tests/it.rs"));
    assertEquals(NO_STD_MAIN, files.get("a/tests/raw.rs"));
    assertEquals(DummySources.LINT_FREE + DummySources.NO_STD_HARNESS + DummySources.REAL_BUILD_REBUILDS, files.get("a/benches/b.rs"));
    assertEquals(NO_STD_MAIN, files.get("a/benches/speed.rs"));
    assertEquals(LIB, files.get("m/src/lib.rs"), "a proc-macro library needs std and stays empty");
    assertTrue(DummySources.NO_STD_HARNESS.contains("#![feature(custom_test_frameworks)]"));
    assertTrue(DummySources.NO_STD_HARNESS.contains("#![test_runner(test_runner)]"));
    assertTrue(DummySources.NO_STD_HARNESS.contains("pub extern \"C\" fn _init() {}"));
    assertTrue(DummySources.NO_STD_HARNESS.contains("#[panic_handler]"));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void writesLockfileToolchainAndConfig(TestFileSystem fileSystem) {
    Path root = fileSystem.newDirectory();
    Recipe recipe =
        new Recipe(
            app().manifests(),
            Optional.of("[net]\noffline = true\n"),
            Optional.of("version = 4\n"),
            Optional.of(new ToolchainFile(ToolchainFile.Kind.BARE, "1.80.0\n")));

    new SkeletonWriter(root, SkeletonOptions.defaults()).write(recipe);

    Map<String, String> files = written(root);
    assertEquals("version = 4\n", files.get("Cargo.lock"));
    assertEquals("1.80.0\n", files.get("rust-toolchain"));
    assertEquals("[net]\noffline = true\n", files.get(".cargo/config.toml"));

    Path other = fileSystem.newDirectory();
    new SkeletonWriter(other, SkeletonOptions.defaults())
        .write(new Recipe(app().manifests(), Optional.empty(), Optional.empty(),
            Optional.of(new ToolchainFile(ToolchainFile.Kind.TOML, "[toolchain]\n"))));
    assertEquals(List.of("Cargo.toml", "rust-toolchain.toml", "src/main.rs"), List.copyOf(written(other).keySet()));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void cookingTheSameDirectoryTwiceWorksAndReportsUnchangedFiles(TestFileSystem fileSystem) {
    Path root = fileSystem.newDirectory();
    SkeletonWriter writer = new SkeletonWriter(root, SkeletonOptions.defaults());

    SkeletonReport first = writer.write(app());
    SkeletonReport second = writer.write(app());

    assertEquals(List.of("Cargo.toml", "src/main.rs"), first.written());
    assertEquals(new SkeletonReport(ImmutableList.of(), ImmutableList.of("Cargo.toml", "src/main.rs"), ImmutableList.of(), ImmutableList.of(), ImmutableList.of()), second);
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void filesTheNewRecipeNoLongerHasAreRemoved(TestFileSystem fileSystem) {
    Path root = fileSystem.newDirectory();
    SkeletonWriter writer = new SkeletonWriter(root, SkeletonOptions.defaults());
    writer.write(EVERY_KIND);

    SkeletonReport report = writer.write(app());

    assertEquals(
        List.of("Cargo.toml", "src/main.rs"), List.copyOf(written(root).keySet()));
    assertTrue(report.removed().contains("a/Cargo.toml"));
    assertTrue(report.removed().contains("m/src/lib.rs"));
    assertEquals(List.of("Cargo.toml", "src/main.rs"), report.written());
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void aPatchedPackageIsADummyUntilTheUserCopiesItsRealManifestIn(TestFileSystem fileSystem) throws IOException {
    Recipe recipe =
        recipe(
            manifest("Cargo.toml", "[workspace]\nmembers = [\"itoa\"]\n[patch.crates-io]\nitoa = { path = \"./itoa\" }\n"),
            manifest("itoa/Cargo.toml", "[package]\nname = \"itoa\"\n", target("src/lib.rs", TargetKind.LIB, "itoa")));
    Path root = fileSystem.newDirectory();

    SkeletonReport dummy = new SkeletonWriter(root, SkeletonOptions.defaults()).write(recipe);
    assertEquals(List.of("itoa"), dummy.dummySubstitutes());
    assertEquals(List.of(), dummy.provided());

    Files.writeString(root.resolve("itoa").resolve("Cargo.toml"), "[package]\nname = \"itoa\"\nversion = \"1.0.1\"\n");
    Files.writeString(root.resolve("itoa").resolve("src").resolve("lib.rs"), "pub struct Buffer;\n");
    SkeletonReport real = new SkeletonWriter(root, SkeletonOptions.defaults()).write(recipe);

    assertEquals(List.of(), real.dummySubstitutes());
    assertEquals(List.of("itoa"), real.provided());
    assertEquals("pub struct Buffer;\n", Files.readString(root.resolve("itoa").resolve("src").resolve("lib.rs")));
    assertEquals(List.of(), real.removed());
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void anInterruptedCookCanBeRunAgain(TestFileSystem fileSystem) throws IOException {
    Path root = fileSystem.newDirectory();
    // What an interrupted write leaves: the record of all planned files, some of them written,
    // and perhaps a temporary file.
    SkeletonLayout layout = SkeletonLayout.of(EVERY_KIND, false, path -> false);
    Map<String, String> planned = new TreeMap<>();
    layout.files().forEach(f -> planned.put(f.path(), f.sha256()));
    WriteRecord.empty().plus(planned).writeTo(root);
    PlannedFile firstFile = layout.files().get(0);
    AtomicFiles.write(SkeletonFiles.resolve(root, firstFile.path()), firstFile.bytes());
    Files.createDirectories(root.resolve("a").resolve("src"));
    Files.writeString(root.resolve("a").resolve("src").resolve(".main.rs.jchef-tmp"), "fn ma");

    SkeletonReport report = new SkeletonWriter(root, SkeletonOptions.defaults()).write(EVERY_KIND);

    assertEquals(List.of(firstFile.path()), report.unchanged());
    assertEquals(11, report.written().size());
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void aLibAndABinSharingAFileGetAMain(TestFileSystem fileSystem) {
    Path root = fileSystem.newDirectory();

    new SkeletonWriter(root, SkeletonOptions.defaults())
        .write(
            recipe(
                manifest(
                    "Cargo.toml",
                    "[package]\nname = \"x\"\n",
                    target("src/main.rs", TargetKind.LIB, "x"),
                    target("src/main.rs", TargetKind.BIN, "x"))));

    assertEquals(MAIN, written(root).get("src/main.rs"));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void writesARecipeMadeByPrepare(TestFileSystem fileSystem) {
    Path project =
        fileSystem.write(
            Fixture.of(
                "Cargo.toml", "[package]\nname = \"p\"\nversion = \"1.0.0\"\n",
                "src/main.rs", "fn main() { println!(\"real\"); }"));
    Recipe recipe = dev.jchef.recipe.plan.Planner.prepare(project);
    Path root = fileSystem.newDirectory().resolve("cook");

    new SkeletonWriter(root, SkeletonOptions.defaults()).write(recipe);

    assertEquals(MAIN, written(root).get("src/main.rs"));
    assertFalse(written(root).get("Cargo.toml").contains("1.0.0"));
  }
}
