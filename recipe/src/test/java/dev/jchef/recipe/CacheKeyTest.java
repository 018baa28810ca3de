package dev.jchef.recipe;

import static dev.jchef.recipe.testing.Recipes.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.jchef.model.testing.Fixture;
import dev.jchef.model.testing.TestFileSystem;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The recipe is the cache key of the dependency layer: prepared before and after a change, it
 * must be byte-identical exactly when the change cannot affect how dependencies compile
 * (the changes the README's "What goes into the recipe" names, and more).
 */
class CacheKeyTest {
  private static final TestFileSystem FS = TestFileSystem.UNIX;
  private static final String REGISTRY = "registry+https://github.com/rust-lang/crates.io-index";

  private static final String ROOT =
      """
      [workspace]
      members = ["app", "lib-a", "tool"]
      [workspace.package]
      version = "1.0.0"
      edition = "2021"
      [workspace.dependencies]
      lib-a = { path = "lib-a", version = "1.0.0" }
      serde = "1.0"
      """;
  private static final String APP =
      """
      [package]
      name = "app"
      version = "1.0.0"
      edition = "2021"
      [dependencies]
      lib-a.workspace = true
      renamed = { package = "tool", path = "../tool", version = "1.0.0" }
      serde = { version = "1.0", features = ["derive"] }
      """;
  private static final String LIB_A =
      """
      [package]
      name = "lib-a"
      version.workspace = true
      edition.workspace = true
      [dependencies]
      serde.workspace = true
      """;
  private static final String TOOL = "[package]\nname = \"tool\"\nversion = \"1.0.0\"\nedition = \"2021\"\n";
  private static final String LOCK =
      """
      version = 4

      [[package]]
      name = "app"
      version = "1.0.0"
      dependencies = ["lib-a", "serde", "tool"]

      [[package]]
      name = "lib-a"
      version = "1.0.0"
      dependencies = ["serde"]

      [[package]]
      name = "serde"
      version = "1.0.200"
      source = "registry+https://github.com/rust-lang/crates.io-index"
      checksum = "aaa"

      [[package]]
      name = "tool"
      version = "1.0.0"
      """;

  private static final Fixture BASE =
      Fixture.of(
          "Cargo.toml", ROOT,
          "app/Cargo.toml", APP,
          "app/src/main.rs", "fn main() {}",
          "lib-a/Cargo.toml", LIB_A,
          "lib-a/src/lib.rs", "pub fn a() {}",
          "lib-a/build.rs", "fn main() {}",
          "tool/Cargo.toml", TOOL,
          "tool/src/main.rs", "fn main() {}",
          "Cargo.lock", LOCK);

  private static Fixture edit(String path, UnaryOperator<String> change) {
    return BASE.with(path, change.apply(BASE.files().get(path)));
  }

  private static void assertUnchanged(Fixture changed, String... bins) {
    assertEquals(json(FS, BASE, bins), json(FS, changed, bins));
  }

  private static void assertChanged(Fixture changed, String... bins) {
    assertNotEquals(json(FS, BASE, bins), json(FS, changed, bins));
  }

  // Unchanged: the workspace's own versions

  @Test
  void aMembersVersionChangeKeepsTheRecipe() {
    assertUnchanged(
        edit("tool/Cargo.toml", t -> t.replace("1.0.0", "1.1.0"))
            .with("Cargo.lock", LOCK.replace("name = \"tool\"\nversion = \"1.0.0\"", "name = \"tool\"\nversion = \"1.1.0\"")));
  }

  @Test
  void aLocalDependencyRequirementBumpKeepsTheRecipe() {
    assertUnchanged(
        edit("app/Cargo.toml", t -> t.replace("package = \"tool\", path = \"../tool\", version = \"1.0.0\"", "package = \"tool\", path = \"../tool\", version = \"1.1.0\""))
            .with("tool/Cargo.toml", TOOL.replace("1.0.0", "1.1.0")));
  }

  @Test
  void aLocalWorkspaceDependencyAndWorkspaceVersionBumpKeepsTheRecipe() {
    assertUnchanged(
        edit("Cargo.toml", t -> t.replace("\"1.0.0\"", "\"2.0.0\""))
            .with("Cargo.lock", LOCK.replace("name = \"lib-a\"\nversion = \"1.0.0\"", "name = \"lib-a\"\nversion = \"2.0.0\"")));
  }

  // Unchanged: sources and formatting

  @Test
  void editingAnyRustSourceKeepsTheRecipe() {
    assertUnchanged(
        BASE.with("app/src/main.rs", "fn main() { println!(\"changed\"); }")
            .with("lib-a/src/lib.rs", "pub fn a() -> u32 { 42 }")
            .with("lib-a/build.rs", "fn main() { println!(\"cargo:rerun-if-changed=x\"); }"));
  }

  @Test
  void commentsBlankLinesKeyOrderAndQuotingKeepTheRecipe() {
    assertUnchanged(
        BASE.with(
            "app/Cargo.toml",
            """
            # The application.

            [dependencies]
            'serde' = { features = ['derive'], version = '1.0' }   # comment
            renamed = { version = "1.0.0", path = "../tool", package = "tool" }
            lib-a = { workspace = true }

            [package]
            edition = "2021"
            version = "1.0.0"
            name = 'app'
            """));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "description = \"An app\"",
        "authors = [\"A <a@example.com>\"]",
        "keywords = [\"k\"]",
        "categories = [\"c\"]",
        "homepage = \"https://example.com\"",
        "repository = \"https://example.com/r\"",
        "documentation = \"https://docs.rs/app\"",
        "readme = \"README.md\"",
        "license = \"MIT\"",
        "license-file = \"LICENSE\"",
        "include = [\"src/**\"]",
        "exclude = [\"tests/data\"]",
        "publish = false",
      })
  void packageMetadataKeepsTheRecipe(String field) {
    assertUnchanged(edit("app/Cargo.toml", t -> t.replace("edition = \"2021\"\n", "edition = \"2021\"\n" + field + "\n")));
    assertUnchanged(edit("Cargo.toml", t -> t.replace("[workspace.package]\n", "[workspace.package]\n" + field + "\n")));
  }

  @Test
  void metadataTablesAndBadgesKeepTheRecipe() {
    assertUnchanged(
        edit("app/Cargo.toml", t -> t + "[package.metadata.docs.rs]\nall-features = true\n[badges]\nmaintenance = { status = \"active\" }\n")
            .with("Cargo.toml", ROOT + "[workspace.metadata.release]\ntag = false\n"));
  }

  @Test
  void lintsKeepTheRecipe() {
    assertUnchanged(edit("Cargo.toml", t -> t + "[workspace.lints.rust]\nunsafe_code = \"forbid\"\n"));
  }

  @Test
  void aNewIntegrationTestOrBenchOfALibraryKeepsTheRecipe() {
    assertUnchanged(
        BASE.with("lib-a/tests/new_test.rs", "#[test] fn t() {}").with("lib-a/benches/new_bench.rs", ""));
  }

  @Test
  void aNewExampleBesideAnotherKeepsTheRecipe() {
    Fixture withExample = BASE.with("lib-a/examples/first.rs", "fn main() {}");
    assertEquals(
        json(FS, withExample), json(FS, withExample.with("lib-a/examples/second.rs", "fn main() {}")));
  }

  @Test
  void aPackagesFirstExampleChangesTheRecipeSinceCookMustBuildItsDevDependencies() {
    assertChanged(BASE.with("lib-a/examples/first.rs", "fn main() {}"));
  }

  @Test
  void raisingRustVersionKeepsTheRecipeWhenThereIsALockfile() {
    Fixture withRustVersion = edit("tool/Cargo.toml", t -> t + "rust-version = \"1.70\"\n");
    assertUnchanged(withRustVersion);
    assertUnchanged(edit("Cargo.toml", t -> t.replace("[workspace.package]\n", "[workspace.package]\nrust-version = \"1.80\"\n")));
  }

  @Test
  void withoutALockfileRustVersionStaysSinceResolutionMayUseIt() {
    Fixture unlocked = Fixture.of("Cargo.toml", TOOL, "src/main.rs", "");
    assertNotEquals(
        json(FS, unlocked), json(FS, unlocked.with("Cargo.toml", TOOL + "rust-version = \"1.70\"\n")));
  }

  @Test
  void aDeclaredTestChangesTheRecipeSinceItsFileMustExist() {
    assertChanged(edit("tool/Cargo.toml", t -> t + "[[test]]\nname = \"declared\"\n").with("tool/tests/declared.rs", ""));
  }

  // Unchanged with --bin: what is outside the closure

  @Test
  void withBinAnUnrelatedMemberGainingADependencyKeepsTheRecipe() {
    Fixture base = BASE.with("Cargo.toml", ROOT.replace("\"tool\"]", "\"tool\", \"other\"]"))
        .with("other/Cargo.toml", "[package]\nname = \"other\"\nversion = \"0.1.0\"\n")
        .with("other/src/main.rs", "");
    Fixture changed = base.with("other/Cargo.toml", "[package]\nname = \"other\"\nversion = \"0.1.0\"\n[dependencies]\nrand = \"0.8\"\n");

    assertEquals(json(FS, base, "app"), json(FS, changed, "app"));
  }

  @Test
  void withBinEditingASourceInTheClosureKeepsTheRecipe() {
    assertUnchanged(BASE.with("lib-a/src/lib.rs", "pub fn changed() {}"), "app");
  }

  // Changed: what the dependency build uses

  @Test
  void anExternalCrateMovingToAnotherVersionChangesTheRecipe() {
    assertChanged(BASE.with("Cargo.lock", LOCK.replace("1.0.200", "1.0.201").replace("aaa", "bbb")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[dependencies]\nrand = \"0.8\"\n",
        "[dev-dependencies]\nrand = \"0.8\"\n",
        "[build-dependencies]\ncc = \"1\"\n",
        "[target.'cfg(unix)'.dependencies]\nlibc = \"0.2\"\n",
      })
  void addingAnExternalDependencyChangesTheRecipe(String table) {
    assertChanged(BASE.with("tool/Cargo.toml", TOOL + table));
  }

  @Test
  void addingAnExternalWorkspaceDependencyChangesTheRecipe() {
    assertChanged(edit("Cargo.toml", t -> t + "anyhow = \"1\"\n"));
  }

  @Test
  void enablingAFeatureOfAnExternalDependencyChangesTheRecipe() {
    assertChanged(edit("app/Cargo.toml", t -> t.replace("[\"derive\"]", "[\"derive\", \"rc\"]")));
  }

  @Test
  void withBinATransitiveMemberOfTheClosureGainingADependencyChangesTheRecipe() {
    assertChanged(edit("lib-a/Cargo.toml", t -> t + "rand = \"0.8\"\n"), "app");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[profile.release]\nlto = true\n",
        "[profile.dev.package.\"*\"]\nopt-level = 3\n",
        "[patch.crates-io]\nserde = { git = \"https://example.com/serde\" }\n",
      })
  void profilesAndPatchesChangeTheRecipe(String table) {
    assertChanged(edit("Cargo.toml", t -> t + table));
  }

  @Test
  void aConfigChangeChangesTheRecipe() {
    Fixture withConfig = BASE.with(".cargo/config.toml", "[build]\nrustflags = [\"-C\", \"opt-level=2\"]\n");
    assertNotEquals(json(FS, BASE), json(FS, withConfig));
    assertNotEquals(
        json(FS, withConfig),
        json(FS, withConfig.with(".cargo/config.toml", "[build]\nrustflags = [\"-C\", \"opt-level=3\"]\n")));
  }

  @Test
  void aToolchainChangeChangesTheRecipe() {
    Fixture pinned = BASE.with("rust-toolchain.toml", "[toolchain]\nchannel = \"1.80.0\"\n");
    assertNotEquals(json(FS, BASE), json(FS, pinned));
    assertNotEquals(
        json(FS, pinned), json(FS, pinned.with("rust-toolchain.toml", "[toolchain]\nchannel = \"1.81.0\"\n")));
  }

  @Test
  void anEditionChangeChangesTheRecipe() {
    assertChanged(edit("tool/Cargo.toml", t -> t.replace("2021", "2018")));
  }

  @Test
  void aNewBinaryChangesTheRecipeSinceCookMustStubIt() {
    assertChanged(BASE.with("tool/src/bin/extra.rs", "fn main() {}"));
  }

  @Test
  void theRegistryUrlOfALockedPackageIsPartOfTheKey() {
    assertChanged(BASE.with("Cargo.lock", LOCK.replace(REGISTRY, "sparse+https://index.crates.io/")));
  }
}
