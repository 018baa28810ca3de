package dev.jchef.recipe;

import static dev.jchef.model.testing.Manifests.pkg;
import static dev.jchef.recipe.testing.Recipes.document;
import static dev.jchef.recipe.testing.Recipes.json;
import static dev.jchef.recipe.testing.Recipes.lockfile;
import static dev.jchef.recipe.testing.Recipes.manifest;
import static dev.jchef.recipe.testing.Recipes.paths;
import static dev.jchef.recipe.testing.Recipes.prepare;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import dev.jchef.model.TargetKind;
import dev.jchef.model.ToolchainFile;
import dev.jchef.model.testing.Fixture;
import dev.jchef.model.testing.TestFileSystem;
import dev.jchef.model.workspace.TomlTable;
import dev.jchef.recipe.json.RecipeJson;
import dev.jchef.recipe.plan.Planner;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The skeleton scenarios cargo-chef users rely on (members, globs, excluded and vendored crates,
 * --bin filtering, toolchain files), at the recipe: what prepare writes.
 */
class SkeletonScenariosTest {

  private static List<String> targets(RecipeManifest manifest) {
    return manifest.targets().stream()
        .map(t -> t.kind() + (t.procMacro() ? "(proc-macro)" : "") + " " + t.name() + " " + t.path())
        .toList();
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void singlePackage(TestFileSystem fileSystem) {
    Recipe recipe =
        prepare(
            fileSystem,
            Fixture.of(
                "Cargo.toml", pkg("app") + "[dependencies]\nserde = \"1.0\"\n",
                "src/main.rs", "fn main() { real(); }",
                "src/lib.rs", "pub fn real() {}",
                "build.rs", "fn main() {}"));

    assertEquals(List.of("Cargo.toml"), paths(recipe));
    assertEquals(
        List.of("BUILD_SCRIPT build-script-build build.rs", "LIB app src/lib.rs", "BIN app src/main.rs"),
        targets(manifest(recipe, "Cargo.toml")));
    assertEquals(
        """
        [[bin]]
        name = "app"
        path = "src/main.rs"

        [dependencies]
        serde = "1.0"

        [lib]
        name = "app"
        path = "src/lib.rs"

        [package]
        build = "build.rs"
        edition = "2021"
        name = "app"
        version = "0.0.1"
        """,
        manifest(recipe, "Cargo.toml").contents());
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void workspaceWithABinMemberAndACdylibMember(TestFileSystem fileSystem) {
    Recipe recipe =
        prepare(
            fileSystem,
            Fixture.of(
                "Cargo.toml", "[workspace]\nmembers = [\"project_a\", \"project_b\"]\n",
                "project_a/Cargo.toml", pkg("project_a") + "[[bin]]\nname = \"test-dummy\"\npath = \"src/main.rs\"\n",
                "project_a/src/main.rs", "",
                "project_b/Cargo.toml", pkg("project_b") + "[lib]\ncrate-type = [\"cdylib\"]\n",
                "project_b/src/lib.rs", ""));

    assertEquals(List.of("Cargo.toml", "project_a/Cargo.toml", "project_b/Cargo.toml"), paths(recipe));
    assertEquals(List.of(), targets(manifest(recipe, "Cargo.toml")));
    assertEquals(List.of("BIN test-dummy src/main.rs"), targets(manifest(recipe, "project_a/Cargo.toml")));
    assertEquals(List.of("LIB project_b src/lib.rs"), targets(manifest(recipe, "project_b/Cargo.toml")));
    assertEquals(
        Optional.of(ImmutableList.of("cdylib")),
        document(recipe, "project_b/Cargo.toml").getTable("lib").flatMap(l -> l.getArray("crate-type")));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void harnessFalseBenchAndTestAndAnExampleAndAProcMacro(TestFileSystem fileSystem) {
    Recipe recipe =
        prepare(
            fileSystem,
            Fixture.of(
                "Cargo.toml",
                pkg("app")
                    + "[lib]\nproc-macro = true\n[[bench]]\nname = \"raw\"\nharness = false\n"
                    + "[[test]]\nname = \"custom\"\nharness = false\n[[test]]\nname = \"normal\"\n"
                    + "[[example]]\nname = \"demo\"\n",
                "src/lib.rs", "",
                "benches/raw.rs", "",
                "tests/custom.rs", "",
                "tests/normal.rs", "",
                "examples/demo.rs", ""));

    assertEquals(
        List.of(
            "BENCH raw benches/raw.rs",
            "EXAMPLE demo examples/demo.rs",
            "LIB(proc-macro) app src/lib.rs",
            "TEST custom tests/custom.rs",
            "TEST normal tests/normal.rs"),
        targets(manifest(recipe, "Cargo.toml")));
    TomlTable manifest = document(recipe, "Cargo.toml");
    assertEquals(Optional.of(false), ((TomlTable) manifest.getArray("bench").orElseThrow().get(0)).getBoolean("harness"));
    assertEquals(Optional.of(false), ((TomlTable) manifest.getArray("test").orElseThrow().get(0)).getBoolean("harness"));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void binsDeclaredOutOfOrderGiveIdenticalJsonOnEveryRun(TestFileSystem fileSystem) {
    Fixture fixture =
        Fixture.of(
            "Cargo.toml",
            pkg("app")
                + "[[bin]]\nname = \"e\"\n[[bin]]\nname = \"b\"\n[[bin]]\nname = \"f\"\n"
                + "[[bin]]\nname = \"a\"\n[[bin]]\nname = \"d\"\n[[bin]]\nname = \"c\"\n");
    for (String bin : List.of("c", "a", "f", "b", "e", "d")) {
      fixture = fixture.with("src/bin/" + bin + ".rs", "fn main() {}");
    }
    String first = json(fileSystem, fixture);

    for (int run = 0; run < 5; run++) {
      assertEquals(first, RecipeJson.write(Planner.prepare(fixture.writeShuffled(fileSystem.newDirectory(), new Random(run)))));
    }
    List<String> bins =
        document(RecipeJson.read(first, "x"), "Cargo.toml").getArray("bin").orElseThrow().stream()
            .map(b -> ((TomlTable) b).getString("name").orElseThrow())
            .toList();
    assertEquals(List.of("a", "b", "c", "d", "e", "f"), bins);
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void lintsAreRemovedEverywhere(TestFileSystem fileSystem) {
    Recipe recipe =
        prepare(
            fileSystem,
            Fixture.of(
                "Cargo.toml",
                "[workspace]\nmembers = [\"a\"]\n[workspace.lints.rust]\nmissing_docs = \"deny\"\n",
                "a/Cargo.toml", pkg("a") + "[lints]\nworkspace = true\n",
                "a/src/lib.rs", ""));

    assertFalse(document(recipe, "Cargo.toml").getTable("workspace").orElseThrow().containsKey("lints"));
    assertFalse(document(recipe, "a/Cargo.toml").containsKey("lints"));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void theCargoConfigIsCarriedVerbatim(TestFileSystem fileSystem) {
    String config = "# keep me\n[build]\nrustflags = [\"-C\",   \"target-cpu=native\"]\n";
    Recipe recipe =
        prepare(
            fileSystem,
            Fixture.of("Cargo.toml", pkg("app"), "src/main.rs", "", ".cargo/config.toml", config));

    assertEquals(Optional.of(config), recipe.configFile());
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void toolchainFilesAreCarriedVerbatimWithTheirKind(TestFileSystem fileSystem) {
    Fixture fixture = Fixture.of("Cargo.toml", pkg("app"), "src/main.rs", "");

    assertEquals(
        Optional.of(new ToolchainFile(ToolchainFile.Kind.TOML, "[toolchain]\nchannel = \"1.80.0\"\n")),
        prepare(fileSystem, fixture.with("rust-toolchain.toml", "[toolchain]\nchannel = \"1.80.0\"\n"))
            .toolchainFile());
    assertEquals(
        Optional.of(new ToolchainFile(ToolchainFile.Kind.BARE, "nightly-2024-01-01\n")),
        prepare(
                fileSystem,
                fixture
                    .with("rust-toolchain", "nightly-2024-01-01\n")
                    .with("rust-toolchain.toml", "[toolchain]\nchannel = \"1.80.0\"\n"))
            .toolchainFile());
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void thePackageVersionIsMaskedInManifestAndLockfile(TestFileSystem fileSystem) {
    Recipe recipe =
        prepare(
            fileSystem,
            Fixture.of(
                "Cargo.toml", pkg("app", "1.2.3"),
                "src/main.rs", "",
                "Cargo.lock", "version = 4\n\n[[package]]\nname = \"app\"\nversion = \"1.2.3\"\n"));

    assertEquals(Optional.of("0.0.1"), document(recipe, "Cargo.toml").getTable("package").orElseThrow().getString("version"));
    assertEquals("version = 4\n\n[[package]]\nname = \"app\"\nversion = \"0.0.1\"\n", recipe.lockFile().orElseThrow());
  }

  private static final String REGISTRY = "registry+https://github.com/rust-lang/crates.io-index";

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void aDashedLocalPathDependencyIsMaskedWhileARegistryCrateKeepsItsVersion(TestFileSystem fileSystem) {
    Recipe recipe =
        prepare(
            fileSystem,
            Fixture.of(
                "Cargo.toml", "[workspace]\nmembers = [\"app\", \"my-lib\"]\n",
                "app/Cargo.toml",
                pkg("app") + "[dependencies]\nmy-lib = { path = \"../my-lib\", version = \"0.3.0\" }\nserde = \"1.0.200\"\n",
                "app/src/main.rs", "",
                "my-lib/Cargo.toml", pkg("my-lib", "0.3.0"),
                "my-lib/src/lib.rs", "",
                "Cargo.lock",
                """
                version = 4

                [[package]]
                name = "app"
                version = "0.1.0"
                dependencies = ["my-lib", "serde"]

                [[package]]
                name = "my-lib"
                version = "0.3.0"

                [[package]]
                name = "serde"
                version = "1.0.200"
                source = "registry+https://github.com/rust-lang/crates.io-index"
                checksum = "abc"
                """));

    TomlTable app = document(recipe, "app/Cargo.toml").getTable("dependencies").orElseThrow();
    assertEquals(Optional.of("0.0.1"), app.getTable("my-lib").flatMap(d -> d.getString("version")));
    assertEquals(Optional.of("1.0.200"), app.getString("serde"));
    assertEquals(Optional.of("0.0.1"), document(recipe, "my-lib/Cargo.toml").getTable("package").flatMap(p -> p.getString("version")));
    assertEquals(
        List.of("app 0.0.1", "my-lib 0.0.1", "serde 1.0.200"),
        lockedVersions(recipe));
  }

  private static List<String> lockedVersions(Recipe recipe) {
    return lockfile(recipe).getArray("package").orElseThrow().stream()
        .map(p -> (TomlTable) p)
        .map(p -> p.getString("name").orElseThrow() + " " + p.getString("version").orElseThrow())
        .toList();
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void aLocalMemberNamedLikeARegistryCrateLeavesTheRegistryOneAlone(TestFileSystem fileSystem) {
    Recipe recipe =
        prepare(
            fileSystem,
            Fixture.of(
                "Cargo.toml", "[workspace]\nmembers = [\"log\", \"app\"]\n",
                "log/Cargo.toml", pkg("log", "0.1.0") + "[dependencies]\nreal-log = { package = \"log\", version = \"0.4.20\" }\n",
                "log/src/lib.rs", "",
                "app/Cargo.toml", pkg("app") + "[dependencies]\nlog = { path = \"../log\", version = \"0.1.0\" }\n",
                "app/src/main.rs", "",
                "Cargo.lock",
                "version = 4\n\n[[package]]\nname = \"app\"\nversion = \"0.1.0\"\ndependencies = [\"log 0.1.0\"]\n\n"
                    + "[[package]]\nname = \"log\"\nversion = \"0.1.0\"\ndependencies = [\"log 0.4.20\"]\n\n"
                    + "[[package]]\nname = \"log\"\nversion = \"0.4.20\"\nsource = \"" + REGISTRY + "\"\nchecksum = \"x\"\n"));

    assertEquals(List.of("app 0.0.1", "log 0.0.1", "log 0.4.20"), lockedVersions(recipe));
    TomlTable lock = lockfile(recipe);
    assertEquals(
        List.of(List.of("log 0.0.1"), List.of("log 0.4.20"), List.of()),
        lock.getArray("package").orElseThrow().stream()
            .map(p -> ((TomlTable) p).getArray("dependencies").map(List::copyOf).orElse(List.of()))
            .toList());
    assertEquals(
        Optional.of("0.4.20"),
        document(recipe, "log/Cargo.toml").getTable("dependencies", "real-log").flatMap(d -> d.getString("version")));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void renamedLocalDependenciesAreMaskedInlineAndAsTables(TestFileSystem fileSystem) {
    Recipe recipe =
        prepare(
            fileSystem,
            Fixture.of(
                "Cargo.toml", "[workspace]\nmembers = [\"app\", \"b\", \"c\"]\n",
                "app/Cargo.toml",
                pkg("app")
                    + "[dependencies]\nbee = { package = \"b\", path = \"../b\", version = \"0.2.0\" }\n"
                    + "[dependencies.sea]\npackage = \"c\"\npath = \"../c\"\nversion = \"0.3.0\"\n",
                "app/src/main.rs", "",
                "b/Cargo.toml", pkg("b", "0.2.0"),
                "b/src/lib.rs", "",
                "c/Cargo.toml", pkg("c", "0.3.0"),
                "c/src/lib.rs", ""));

    TomlTable dependencies = document(recipe, "app/Cargo.toml").getTable("dependencies").orElseThrow();
    assertEquals(Optional.of("0.0.1"), dependencies.getTable("bee").flatMap(d -> d.getString("version")));
    assertEquals(Optional.of("0.0.1"), dependencies.getTable("sea").flatMap(d -> d.getString("version")));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void workspaceInheritanceMasksLocalVersionsAndKeepsExternalOnes(TestFileSystem fileSystem) {
    Recipe recipe =
        prepare(
            fileSystem,
            Fixture.of(
                "Cargo.toml",
                """
                [workspace]
                members = ["a", "b"]
                [workspace.package]
                version = "2.3.4"
                edition = "2021"
                [workspace.dependencies]
                b = { path = "b", version = "2.3.4" }
                anyhow = "1.0.80"
                serde = { version = "1.0", features = ["derive"] }
                """,
                "a/Cargo.toml",
                "[package]\nname = \"a\"\nversion.workspace = true\nedition.workspace = true\n"
                    + "[dependencies]\nb.workspace = true\nanyhow.workspace = true\nserde.workspace = true\n",
                "a/src/lib.rs", "",
                "b/Cargo.toml", "[package]\nname = \"b\"\nversion.workspace = true\nedition.workspace = true\n",
                "b/src/lib.rs", ""));

    TomlTable workspace = document(recipe, "Cargo.toml").getTable("workspace").orElseThrow();
    assertEquals(Optional.of("0.0.1"), workspace.getTable("package").flatMap(p -> p.getString("version")));
    assertEquals(Optional.of("0.0.1"), workspace.getTable("dependencies", "b").flatMap(d -> d.getString("version")));
    assertEquals(Optional.of("1.0.80"), workspace.getTable("dependencies").flatMap(d -> d.getString("anyhow")));
    assertEquals(Optional.of("1.0"), workspace.getTable("dependencies", "serde").flatMap(d -> d.getString("version")));
    assertEquals(
        Optional.of(true),
        document(recipe, "a/Cargo.toml").getTable("package", "version").flatMap(v -> v.getBoolean("workspace")));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void vendoredCratesAndUnlistedSiblingsAreLeftOut(TestFileSystem fileSystem) {
    Recipe recipe =
        prepare(
            fileSystem,
            Fixture.of(
                "Cargo.toml", "[workspace]\nmembers = [\"crates/*\"]\n",
                "crates/a/Cargo.toml", pkg("a"),
                "crates/a/src/lib.rs", "",
                "crates/b/Cargo.toml", pkg("b"),
                "crates/b/src/main.rs", "",
                "tools/unlisted/Cargo.toml", pkg("unlisted"),
                "tools/unlisted/src/lib.rs", "",
                "vendor/serde/Cargo.toml", pkg("serde", "1.0.0"),
                "vendor/serde/src/lib.rs", "",
                ".cargo/config.toml",
                "[source.crates-io]\nreplace-with = \"vendored\"\n[source.vendored]\ndirectory = \"vendor\"\n"));

    assertEquals(List.of("Cargo.toml", "crates/a/Cargo.toml", "crates/b/Cargo.toml"), paths(recipe));
    assertEquals(
        Optional.of(ImmutableList.of("crates/*")),
        document(recipe, "Cargo.toml").getTable("workspace").flatMap(w -> w.getArray("members")));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void targetsAreRecordedWithKindAndProcMacroFlag(TestFileSystem fileSystem) {
    Recipe recipe =
        prepare(
            fileSystem,
            Fixture.of("Cargo.toml", pkg("m") + "[lib]\nproc-macro = true\n", "src/lib.rs", ""));

    assertEquals(
        List.of(new RecipeTarget("src/lib.rs", TargetKind.LIB, true, "m")),
        manifest(recipe, "Cargo.toml").targets());
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void requiredFeaturesAreDroppedSoThatEveryDummyTargetBuilds(TestFileSystem fileSystem) {
    Recipe recipe =
        prepare(
            fileSystem,
            Fixture.of(
                "Cargo.toml",
                pkg("app")
                    + "[features]\nfancy = []\n[[bin]]\nname = \"extra\"\npath = \"src/extra.rs\"\n"
                    + "required-features = [\"fancy\"]\n[[example]]\nname = \"demo\"\nrequired-features = [\"fancy\"]\n",
                "src/main.rs", "",
                "src/extra.rs", "",
                "examples/demo.rs", ""));

    assertEquals(
        """
        [[bin]]
        name = "extra"
        path = "src/extra.rs"

        [[bin]]
        name = "app"
        path = "src/main.rs"

        [[example]]
        name = "demo"

        [features]
        fancy = []

        [package]
        edition = "2021"
        name = "app"
        version = "0.0.1"
        """,
        manifest(recipe, "Cargo.toml").contents());
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void testsBenchesAndExamplesFoundOnlyByTheirFilesAreLeftOutWithAStandInWhereNeeded(TestFileSystem fileSystem) {
    // The library is built as a unit test and a bench, so only the examples need a stand-in.
    Recipe recipe =
        prepare(
            fileSystem,
            Fixture.of(
                "Cargo.toml", pkg("app") + "[[test]]\nname = \"declared\"\n",
                "src/lib.rs", "",
                "tests/declared.rs", "",
                "tests/discovered.rs", "",
                "benches/discovered.rs", "",
                "examples/discovered.rs", "",
                "examples/another.rs", ""));

    assertEquals(
        List.of(
            "EXAMPLE jchef-stand-in-app .jchef-stand-in/example.rs",
            "LIB app src/lib.rs",
            "TEST declared tests/declared.rs"),
        targets(manifest(recipe, "Cargo.toml")));
    // Only the skeleton's manifest declares the stand-in, at a path cargo's discovery never
    // searches: the real sources copied over it leave a file no real build compiles.
    assertTrue(
        manifest(recipe, "Cargo.toml").contents()
            .contains("[[example]]\nname = \"jchef-stand-in-app\"\npath = \".jchef-stand-in/example.rs\"\n"),
        manifest(recipe, "Cargo.toml").contents());
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void aPackageWithOnlyTestsAndBenchesGetsAStandInOfEachSoThatCargoLoadsIt(TestFileSystem fileSystem) {
    Recipe recipe =
        prepare(
            fileSystem,
            Fixture.of(
                "Cargo.toml", pkg("it") + "[dev-dependencies]\nserde = \"1\"\n",
                "tests/one.rs", "",
                "tests/two.rs", "",
                "benches/speed.rs", ""));

    assertEquals(
        List.of(
            "BENCH jchef-stand-in-it .jchef-stand-in/bench.rs",
            "TEST jchef-stand-in-it .jchef-stand-in/test.rs"),
        targets(manifest(recipe, "Cargo.toml")));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void aLibraryAndBinariesWithTestAndBenchOffNeedStandIns(TestFileSystem fileSystem) {
    Recipe recipe =
        prepare(
            fileSystem,
            Fixture.of(
                "Cargo.toml",
                pkg("app") + "[lib]\ntest = false\nbench = false\n[[bin]]\nname = \"app\"\ntest = false\nbench = false\n",
                "src/lib.rs", "",
                "src/main.rs", "",
                "tests/one.rs", "",
                "benches/speed.rs", ""));

    assertEquals(
        List.of(
            "BENCH jchef-stand-in-app .jchef-stand-in/bench.rs",
            "TEST jchef-stand-in-app .jchef-stand-in/test.rs",
            "LIB app src/lib.rs",
            "BIN app src/main.rs"),
        targets(manifest(recipe, "Cargo.toml")));
  }
}
