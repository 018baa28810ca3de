package dev.jchef.skeleton;

import static dev.jchef.skeleton.TestRecipes.app;
import static dev.jchef.skeleton.TestRecipes.manifest;
import static dev.jchef.skeleton.TestRecipes.recipe;
import static dev.jchef.skeleton.TestRecipes.snapshot;
import static dev.jchef.skeleton.TestRecipes.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jchef.model.TargetKind;
import dev.jchef.model.testing.Fixture;
import dev.jchef.model.testing.TestFileSystem;
import dev.jchef.recipe.Recipe;
import dev.jchef.skeleton.SkeletonRefusedException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every refusal of the writer, and what it lets be; a refusal writes nothing. */
class SafetyGuardTest {

  private static SkeletonRefusedException refused(Path root, Recipe recipe) {
    return refused(root, recipe, SkeletonOptions.defaults());
  }

  private static SkeletonRefusedException refused(Path root, Recipe recipe, SkeletonOptions options) {
    TreeMap<String, String> before = snapshot(root);
    SkeletonRefusedException error =
        assertThrows(
            SkeletonRefusedException.class, () -> new SkeletonWriter(root, options).write(recipe));
    assertEquals(before, snapshot(root), "a refused write must leave the directory as it was");
    return error;
  }

  private static final String WHAT_TO_DO =
      "cook writes dummy sources and Cargo files: run it in an empty directory that holds only"
          + " the recipe (a Docker build stage, or a new temporary directory)";

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void refusesAGitRepository(TestFileSystem fileSystem) {
    Path root = fileSystem.write(Fixture.of(".git/HEAD", "ref: refs/heads/main\n"));

    SkeletonRefusedException error = refused(root, app());

    assertEquals(Reason.GIT_REPOSITORY, error.reason());
    assertEquals(
        "refusing to write a skeleton into " + root + ": .git shows a git repository, which holds"
            + " real work; " + WHAT_TO_DO,
        error.getMessage());
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void refusesAGitRepositoryBelowTheRootAndAGitFileOfAWorktree(TestFileSystem fileSystem) {
    Path nested = fileSystem.write(Fixture.of("vendor/lib/.git/", "", "notes.txt", "x"));
    assertEquals(Reason.GIT_REPOSITORY, refused(nested, app()).reason());

    Path worktree = fileSystem.write(Fixture.of(".git", "gitdir: /elsewhere/.git/worktrees/x\n"));
    assertEquals(Reason.GIT_REPOSITORY, refused(worktree, app()).reason());
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void refusesARealProject(TestFileSystem fileSystem) {
    Path root =
        fileSystem.write(
            Fixture.of(
                "Cargo.toml", "[package]\nname = \"real\"\n",
                "src/main.rs", "fn main() { important(); }",
                "src/util.rs", "",
                "tests/a.rs", ""));

    SkeletonRefusedException error = refused(root, app());

    assertEquals(Reason.REAL_PROJECT, error.reason());
    assertEquals(
        "refusing to write a skeleton into " + root + ": it holds Rust sources or Cargo files that"
            + " jchef did not write (Cargo.toml, src/main.rs, src/util.rs and 1 more), so a real"
            + " project lives here and its files would be overwritten; " + WHAT_TO_DO,
        error.getMessage());
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void refusesAnyRustFileOrLockfileItDidNotWriteEvenOutsideTheRecipesPaths(TestFileSystem fileSystem) {
    assertEquals(Reason.REAL_PROJECT, refused(fileSystem.write(Fixture.of("other/lib.rs", "")), app()).reason());
    assertEquals(Reason.REAL_PROJECT, refused(fileSystem.write(Fixture.of("Cargo.lock", "version = 4\n")), app()).reason());
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void refusesAFileItWouldWriteThatHasOtherContent(TestFileSystem fileSystem) {
    Path root = fileSystem.write(Fixture.of("rust-toolchain", "stable\n"));
    Recipe recipe =
        new Recipe(app().manifests(), Optional.empty(), Optional.empty(),
            Optional.of(new dev.jchef.model.ToolchainFile(dev.jchef.model.ToolchainFile.Kind.BARE, "1.80.0\n")));

    SkeletonRefusedException error = refused(root, recipe);

    assertEquals(Reason.FOREIGN_FILE, error.reason());
    assertEquals(
        "refusing to write rust-toolchain in " + root + ": it exists with other content, and jchef"
            + " did not write it; move it away. C" + WHAT_TO_DO.substring(1),
        error.getMessage());
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void noticesAFileChangedAfterItWroteIt(TestFileSystem fileSystem) throws IOException {
    Path root = fileSystem.newDirectory();
    new SkeletonWriter(root, SkeletonOptions.defaults()).write(app());
    Files.writeString(root.resolve("src").resolve("main.rs"), "fn main() { my_real_work(); }");

    SkeletonRefusedException error = refused(root, app());

    assertEquals(Reason.REAL_PROJECT, error.reason());
    assertEquals(
        "refusing to write a skeleton into " + root + ": src/main.rs was changed since jchef wrote it"
            + " (.jchef/written-files.json records what it wrote), so it is yours now and would be"
            + " overwritten; move it away and cook again, or cook in an empty directory that holds only"
            + " the recipe",
        error.getMessage());
    assertEquals("fn main() { my_real_work(); }", Files.readString(root.resolve("src").resolve("main.rs")));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void namesEveryFileChangedSinceItWroteThem(TestFileSystem fileSystem) throws IOException {
    Path root = fileSystem.newDirectory();
    new SkeletonWriter(root, SkeletonOptions.defaults()).write(app());
    Files.writeString(root.resolve("src").resolve("main.rs"), "fn main() { my_real_work(); }");
    Files.writeString(root.resolve("Cargo.toml"), "[package]\nname = \"mine\"\n");

    assertEquals(
        "refusing to write a skeleton into " + root + ": Cargo.toml, src/main.rs were changed since"
            + " jchef wrote them (.jchef/written-files.json records what it wrote), so they are yours now"
            + " and would be overwritten; move them away and cook again, or cook in an empty directory"
            + " that holds only the recipe",
        refused(root, app()).getMessage());
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void aToolchainFileChangedSinceItWroteItIsSaidToBeChanged(TestFileSystem fileSystem) throws IOException {
    Path root = fileSystem.newDirectory();
    Recipe recipe =
        new Recipe(app().manifests(), Optional.empty(), Optional.empty(),
            Optional.of(new dev.jchef.model.ToolchainFile(dev.jchef.model.ToolchainFile.Kind.BARE, "1.80.0\n")));
    new SkeletonWriter(root, SkeletonOptions.defaults()).write(recipe);
    Files.writeString(root.resolve("rust-toolchain"), "nightly\n");

    SkeletonRefusedException error = refused(root, recipe);

    assertEquals(Reason.FOREIGN_FILE, error.reason());
    assertEquals(
        "refusing to write rust-toolchain in " + root + ": it was changed since jchef wrote it"
            + " (.jchef/written-files.json records what it wrote), so it is yours now; move it away and"
            + " cook again, or cook in an empty directory that holds only the recipe",
        error.getMessage());
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void refusesUnsafeRecipePaths(TestFileSystem fileSystem) {
    String[][] cases = {
      {"/etc/Cargo.toml", "is absolute"},
      {"", "is empty"},
      {"../Cargo.toml", "climbs out with `..`"},
      {"a/../../Cargo.toml", "climbs out with `..`"},
      {"C:/Cargo.toml", "starts with a drive letter"},
      {"c:Cargo.toml", "starts with a drive letter"},
      {"a\\Cargo.toml", "contains a backslash"},
      {"a//Cargo.toml", "has an empty part"},
    };
    for (String[] unsafe : cases) {
      Path root = fileSystem.newDirectory();
      SkeletonRefusedException error =
          refused(root, recipe(manifest(unsafe[0], "[package]\nname = \"x\"\n")));
      assertEquals(Reason.UNSAFE_PATH, error.reason(), unsafe[0]);
      assertEquals(
          "refusing the recipe: manifests[0].relative_path `" + unsafe[0] + "` " + unsafe[1]
              + "; a recipe may only name relative paths inside the directory being cooked."
              + " Prepare the recipe again",
          error.getMessage());
    }
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void refusesUnsafeTargetPathsAndManifestsThatAreNotCargoToml(TestFileSystem fileSystem) {
    Path root = fileSystem.newDirectory();
    assertEquals(
        "refusing the recipe: manifests[0].targets[0].path `../../evil.rs` leads out of the directory being cooked;"
            + " a recipe may only name relative paths inside the directory being cooked."
            + " Prepare the recipe again",
        refused(root, recipe(manifest("a/Cargo.toml", "", target("../../evil.rs", TargetKind.BIN, "e"))))
            .getMessage());
    assertEquals(
        Reason.UNSAFE_PATH,
        refused(root, recipe(manifest("Cargo.toml", "", target("../evil.rs", TargetKind.BIN, "e")))).reason());
    assertEquals(
        Reason.UNSAFE_PATH,
        refused(root, recipe(manifest("a/Cargo.toml", "", target("../target/debug/e.rs", TargetKind.BIN, "e")))).reason());
    assertEquals(
        "refusing the recipe: manifests[0].relative_path `src/main.rs` is not a Cargo.toml",
        refused(root, recipe(manifest("src/main.rs", ""))).getMessage());
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void aTargetPathMayLeaveItsPackageWhileItStaysInside(TestFileSystem fileSystem) {
    Path root = fileSystem.newDirectory();

    new SkeletonWriter(root, SkeletonOptions.defaults())
        .write(
            recipe(
                manifest("Cargo.toml", "[workspace]\nmembers = [\"a\"]\n"),
                manifest("a/Cargo.toml", "[package]\nname = \"a\"\n", target("../shared/./main.rs", TargetKind.BIN, "a"))));

    assertEquals(
        java.util.List.of("Cargo.toml", "a/Cargo.toml", "shared/main.rs"),
        snapshot(root).keySet().stream().filter(p -> !p.startsWith(".jchef/")).toList());
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void refusesPathsIntoPlacesItMustNotTouch(TestFileSystem fileSystem) {
    for (String path : new String[] {"target/debug/Cargo.toml", ".cargo/registry/Cargo.toml", ".git/Cargo.toml", "x/.git/Cargo.toml"}) {
      Path root = fileSystem.newDirectory();
      SkeletonRefusedException error = refused(root, recipe(manifest(path, "")));
      assertEquals(Reason.UNSAFE_PATH, error.reason(), path);
    }
    Path root = fileSystem.newDirectory();
    assertEquals(
        Reason.UNSAFE_PATH,
        refused(root, recipe(manifest("Cargo.toml", "", target("recipe.json", TargetKind.BIN, "r"))),
                SkeletonOptions.defaults().withRecipeFile(root.resolve("recipe.json")))
            .reason());
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void refusesASymbolicLinkThatLeadsOutside(TestFileSystem fileSystem) throws IOException {
    Path base = fileSystem.write(Fixture.of("outside/keep.txt", "precious"));
    Path root = Files.createDirectories(base.resolve("root"));
    Files.createSymbolicLink(root.resolve("src"), base.resolve("outside"));

    SkeletonRefusedException error = refused(root, app());

    assertEquals(Reason.UNSAFE_PATH, error.reason());
    assertEquals(
        "refusing to write `src/main.rs`: it leads through the symbolic link "
            + root.resolve("src") + " to " + base.resolve("outside") + ", outside " + root
            + "; cook in an empty directory, or remove what is in the way from " + root,
        error.getMessage());
    assertEquals(java.util.Map.of("keep.txt", "precious"), snapshot(base.resolve("outside")));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void allowsASymbolicLinkThatStaysInside(TestFileSystem fileSystem) throws IOException {
    Path root = fileSystem.newDirectory();
    Files.createDirectories(root.resolve("real-src"));
    Files.createSymbolicLink(root.resolve("src"), root.resolve("real-src"));

    new SkeletonWriter(root, SkeletonOptions.defaults()).write(app());

    assertEquals(DummySources.LINT_FREE + "fn main() {}\n" + DummySources.REAL_BUILD_REBUILDS, Files.readString(root.resolve("real-src").resolve("main.rs")));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void allowsTheRecipeATargetDirectoryACargoHomeAndProvidedSources(TestFileSystem fileSystem) {
    Path root =
        fileSystem.write(
            Fixture.of(
                "recipe.json", "{}",
                "target/debug/build/x/out/generated.rs", "",
                "build-cache/release/deps/y.rs", "",
                ".cargo/registry/src/index/serde-1.0.0/Cargo.toml", "[package]\nname = \"serde\"\n",
                ".cargo/registry/src/index/serde-1.0.0/src/lib.rs", "",
                "patched/itoa/Cargo.toml", "[package]\nname = \"itoa\"\n",
                "patched/itoa/src/lib.rs", "pub fn real() {}",
                "vendor/ryu/Cargo.toml", "[package]\nname = \"ryu\"\n",
                "vendor/ryu/src/lib.rs", "pub fn real() {}"));
    Recipe recipe =
        new Recipe(
            app().manifests().stream()
                .map(m -> manifest(m.relativePath(), m.contents() + "[patch.crates-io]\nitoa = { path = \"patched/itoa\" }\n",
                    m.targets().toArray(new dev.jchef.recipe.RecipeTarget[0])))
                .collect(com.google.common.collect.ImmutableList.toImmutableList()),
            Optional.of("[source.crates-io]\nreplace-with = \"v\"\n[source.v]\ndirectory = \"vendor\"\n"),
            Optional.empty(),
            Optional.empty());

    new SkeletonWriter(
            root,
            SkeletonOptions.defaults()
                .withRecipeFile(root.resolve("recipe.json"))
                .withTargetDirectory(root.resolve("build-cache")))
        .write(recipe);

    assertEquals(DummySources.LINT_FREE + "fn main() {}\n" + DummySources.REAL_BUILD_REBUILDS, snapshot(root).get("src/main.rs"));
    assertEquals("pub fn real() {}", snapshot(root).get("patched/itoa/src/lib.rs"));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void aRecipeThatWouldWriteIntoAProvidedDirectoryIsRefused(TestFileSystem fileSystem) {
    Path root = fileSystem.newDirectory();
    Recipe recipe =
        recipe(
            manifest("Cargo.toml", "[package]\nname = \"a\"\n[patch.crates-io]\nx = { path = \"vendor/x\" }\n",
                target("vendor/x/src/lib.rs", TargetKind.BIN, "sneaky")));

    assertEquals(Reason.UNSAFE_PATH, refused(root, recipe).reason());
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void leavesAloneADirectoryCargoTaggedAsATargetDirectoryAndWritesNothingIntoIt(TestFileSystem fileSystem) {
    // [build] target-dir = "build-out" in a Cargo config: jchef is not told, cargo's tag says so.
    Path root =
        fileSystem.write(
            Fixture.of(
                "build-out/CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n# cargo\n",
                "build-out/release/build/x-0123456789abcdef/out/generated.rs", ""));

    new SkeletonWriter(root, SkeletonOptions.defaults()).write(app());
    assertEquals(DummySources.LINT_FREE + "fn main() {}\n" + DummySources.REAL_BUILD_REBUILDS, snapshot(root).get("src/main.rs"));

    assertEquals(Reason.UNSAFE_PATH, refused(root, recipe(manifest("build-out/x/Cargo.toml", ""))).reason());
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void aCacheDirectoryTagOfAnotherToolIsNoTargetDirectory(TestFileSystem fileSystem) {
    Path root = fileSystem.write(Fixture.of("cache/CACHEDIR.TAG", "not cargo's\n", "cache/src/lib.rs", "real"));

    assertEquals(Reason.REAL_PROJECT, refused(root, app()).reason());
  }
}
