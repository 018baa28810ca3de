package dev.jchef.recipe;

import static dev.jchef.model.testing.Manifests.pkg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import dev.jchef.model.ToolchainFile;
import dev.jchef.model.testing.Fixture;
import dev.jchef.model.testing.TestFileSystem;
import dev.jchef.recipe.testing.Recipes;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecipeDiffTest {
  private static final String REGISTRY = "registry+https://github.com/rust-lang/crates.io-index";
  private static final Fixture BASE =
      Fixture.of(
          "Cargo.toml", "[workspace]\nmembers = [\"a\", \"b\"]\n",
          "a/Cargo.toml", pkg("a") + "[dependencies]\nserde = { version = \"1.0\", features = [\"derive\"] }\n",
          "a/src/lib.rs", "",
          "b/Cargo.toml", pkg("b"),
          "b/src/main.rs", "",
          "Cargo.lock",
          "version = 4\n\n[[package]]\nname = \"serde\"\nversion = \"1.0.1\"\nsource = \"" + REGISTRY
              + "\"\nchecksum = \"aaa\"\n\n[[package]]\nname = \"itoa\"\nversion = \"1.0.0\"\nsource = \""
              + REGISTRY + "\"\nchecksum = \"iii\"\n");

  private static RecipeDiff diff(Fixture after) {
    return RecipeDiff.between(
        Recipes.prepare(TestFileSystem.UNIX, BASE), Recipes.prepare(TestFileSystem.UNIX, after));
  }

  @Test
  void equalRecipesHaveNoDifference() {
    RecipeDiff diff = diff(BASE.with("a/src/lib.rs", "pub fn changed() {}"));

    assertTrue(diff.isEmpty());
    assertEquals("", diff.render());
    assertEquals("no change", diff.summary());
  }

  @Test
  void namesManifestsAddedAndRemoved() {
    Fixture after =
        BASE.with("Cargo.toml", "[workspace]\nmembers = [\"a\", \"c\"]\n")
            .with("c/Cargo.toml", pkg("c"))
            .with("c/src/lib.rs", "");

    assertEquals(
        List.of(
            new RecipeDiff.FileChanges(
                "Cargo.toml", ImmutableList.of("workspace.members: + c", "workspace.members: - b")),
            new RecipeDiff.FileChanges("b/Cargo.toml", ImmutableList.of("removed")),
            new RecipeDiff.FileChanges("c/Cargo.toml", ImmutableList.of("added"))),
        diff(after).files());
  }

  @Test
  void aMembersListChangeIsTheEntriesAddedAndRemovedOneALine() {
    Recipe before = workspaceRoot("[workspace]\nmembers = [\"crates/a\", \"crates/old\", \"crates/z\"]\n"
        + "exclude = [\"vendor\"]\n");
    Recipe after = workspaceRoot("[workspace]\nmembers = [\"crates/a\", \"crates/index\", \"crates/z\"]\n"
        + "exclude = [\"vendor\", \"fixtures\"]\n");

    assertEquals(
        "Cargo.toml\n"
            + "  workspace.exclude: + fixtures\n"
            + "  workspace.members: + crates/index\n"
            + "  workspace.members: - crates/old\n",
        RecipeDiff.between(before, after).render());
    assertEquals(
        "Cargo.toml: workspace.exclude: + fixtures (+2 more)", RecipeDiff.between(before, after).summary());
  }

  @Test
  void aMembersListOnlyReorderedShowsBothLists() {
    Recipe before = workspaceRoot("[workspace]\nmembers = [\"a\", \"b\"]\n");
    Recipe after = workspaceRoot("[workspace]\nmembers = [\"b\", \"a\"]\n");

    assertEquals(
        "Cargo.toml\n  workspace.members: [\"a\", \"b\"] -> [\"b\", \"a\"]\n",
        RecipeDiff.between(before, after).render());
  }

  private static Recipe workspaceRoot(String manifest) {
    return new Recipe(
        ImmutableList.of(new RecipeManifest("Cargo.toml", manifest, ImmutableList.of())),
        Optional.empty(), Optional.empty(), Optional.empty());
  }

  @Test
  void namesKeysChangedAddedAndRemovedByDottedPath() {
    Fixture after =
        BASE.with(
            "a/Cargo.toml",
            pkg("a") + "[dependencies]\nserde = { version = \"1.0\", features = [\"derive\", \"rc\"] }\n"
                + "[target.'cfg(unix)'.dependencies]\nlibc = \"0.2\"\n");

    assertEquals(
        "a/Cargo.toml\n"
            + "  dependencies.serde.features: [\"derive\"] -> [\"derive\", \"rc\"]\n"
            + "  + target.\"cfg(unix)\".dependencies.libc = \"0.2\"\n",
        diff(after).render());
    assertEquals(
        "a/Cargo.toml: dependencies.serde.features: [\"derive\"] -> [\"derive\", \"rc\"] (+1 more)",
        diff(after).summary());
  }

  @Test
  void aFirstDependencyInAnEmptyTableIsAnAdditionOnly() {
    Fixture empty = BASE.with("b/Cargo.toml", pkg("b") + "[dependencies]\n");
    Fixture one = BASE.with("b/Cargo.toml", pkg("b") + "[dependencies]\nryu = \"1\"\n");

    assertEquals(
        List.of(new RecipeDiff.FileChanges("b/Cargo.toml", ImmutableList.of("+ dependencies.ryu = \"1\""))),
        RecipeDiff.between(Recipes.prepare(TestFileSystem.UNIX, empty), Recipes.prepare(TestFileSystem.UNIX, one)).files());
    assertEquals(
        List.of(new RecipeDiff.FileChanges("b/Cargo.toml", ImmutableList.of("- dependencies.ryu = \"1\""))),
        RecipeDiff.between(Recipes.prepare(TestFileSystem.UNIX, one), Recipes.prepare(TestFileSystem.UNIX, empty)).files());
  }

  @Test
  void namesTargetsAddedAndRemoved() {
    assertEquals(
        "b/Cargo.toml\n"
            + "  + bin[tool].name = \"tool\"\n"
            + "  + bin[tool].path = \"src/bin/tool.rs\"\n"
            + "  + target bin tool src/bin/tool.rs\n",
        diff(BASE.with("b/src/bin/tool.rs", "")).render());
  }

  @Test
  void namesLockfilePackagesAddedRemovedAndChanged() {
    Fixture after =
        BASE.with(
            "Cargo.lock",
            "version = 4\n\n[[package]]\nname = \"serde\"\nversion = \"1.0.2\"\nsource = \"" + REGISTRY
                + "\"\nchecksum = \"bbb\"\n\n[[package]]\nname = \"ryu\"\nversion = \"1.0.0\"\nsource = \""
                + REGISTRY + "\"\nchecksum = \"rrr\"\n");

    assertEquals(
        new RecipeDiff.FileChanges(
            "Cargo.lock",
            ImmutableList.of(
                "- itoa 1.0.0 (" + REGISTRY + ")",
                "+ ryu 1.0.0 (" + REGISTRY + ")",
                "serde 1.0.1 -> 1.0.2")),
        diff(after).files().get(0));
  }

  @Test
  void aVersionChangeIsOneLineWhenTheLockfileHoldsSeveralVersionsOfThePackage() {
    Recipe before = lockfile(syn("1.0.107", "s1"), syn("2.0.48", "s2"), pkgEntry("quote", "1.0.35", "q1"));
    Recipe after = lockfile(syn("1.0.109", "s3"), syn("2.0.119", "s4"), pkgEntry("quote", "1.0.40", "q2"));

    assertEquals(
        "Cargo.lock\n"
            + "  quote 1.0.35 -> 1.0.40\n"
            + "  syn 1.0.107 -> 1.0.109\n"
            + "  syn 2.0.48 -> 2.0.119\n",
        RecipeDiff.between(before, after).render());
  }

  @Test
  void aVersionChangeBesideAnAddedVersionOfAnotherSeriesIsOneLineAndOneAddition() {
    Recipe before = lockfile(syn("2.0.48", "s2"));
    Recipe after = lockfile(syn("1.0.109", "s1"), syn("2.0.119", "s4"));

    assertEquals(
        "Cargo.lock\n  syn 2.0.48 -> 2.0.119\n  + syn 1.0.109 (" + REGISTRY + ")\n",
        RecipeDiff.between(before, after).render());
  }

  @Test
  void aChecksumChangeNamesTheVersionWhenThereAreSeveral() {
    Recipe before = lockfile(syn("1.0.109", "s1"), syn("2.0.48", "s2"));
    Recipe after = lockfile(syn("1.0.109", "s1"), syn("2.0.48", "s9"));

    assertEquals("Cargo.lock\n  syn 2.0.48 checksum s2 -> s9\n", RecipeDiff.between(before, after).render());
  }

  private static String syn(String version, String checksum) {
    return pkgEntry("syn", version, checksum);
  }

  private static String pkgEntry(String name, String version, String checksum) {
    return "[[package]]\nname = \"" + name + "\"\nversion = \"" + version + "\"\nsource = \"" + REGISTRY
        + "\"\nchecksum = \"" + checksum + "\"\n\n";
  }

  private static Recipe lockfile(String... packages) {
    return new Recipe(
        ImmutableList.of(), Optional.empty(), Optional.of("version = 4\n\n" + String.join("", packages)), Optional.empty());
  }

  @Test
  void namesAChecksumOrSourceChangeOfTheSameVersion() {
    assertEquals(
        "serde checksum aaa -> ccc",
        diff(BASE.with("Cargo.lock", BASE.files().get("Cargo.lock").replace("aaa", "ccc"))).files().get(0).changes().get(0));
    assertEquals(
        "serde source " + REGISTRY + " -> sparse+https://index.crates.io/",
        diff(BASE.with("Cargo.lock", BASE.files().get("Cargo.lock").replaceFirst(
                java.util.regex.Pattern.quote(REGISTRY), "sparse+https://index.crates.io/")))
            .files().get(0).changes().get(0));
  }

  @Test
  void namesConfigAndToolchainChanges() {
    Recipe before = new Recipe(ImmutableList.of(), Optional.of("[build]\njobs = 1\n"), Optional.empty(), Optional.empty());
    Recipe after =
        new Recipe(
            ImmutableList.of(), Optional.of("[build]\njobs = 2\n"), Optional.empty(),
            Optional.of(new ToolchainFile(ToolchainFile.Kind.TOML, "[toolchain]\nchannel = \"stable\"\n")));

    assertEquals(
        ".cargo/config.toml\n  build.jobs: 1 -> 2\nrust-toolchain.toml\n  added\n  + toolchain.channel = \"stable\"\n",
        RecipeDiff.between(before, after).render());

    Recipe stable = new Recipe(ImmutableList.of(), Optional.empty(), Optional.empty(),
        Optional.of(new ToolchainFile(ToolchainFile.Kind.TOML, "[toolchain]\nchannel = \"1.79\"\n")));
    Recipe newer = new Recipe(ImmutableList.of(), Optional.of("[net]\noffline = true\n"), Optional.empty(),
        Optional.of(new ToolchainFile(ToolchainFile.Kind.TOML, "[toolchain]\nchannel = \"1.80\"\n")));
    assertEquals(
        ".cargo/config.toml\n  added\n  + net.offline = true\nrust-toolchain.toml\n  toolchain.channel: \"1.79\" -> \"1.80\"\n",
        RecipeDiff.between(stable, newer).render());

    Recipe bare = new Recipe(ImmutableList.of(), Optional.empty(), Optional.empty(),
        Optional.of(new ToolchainFile(ToolchainFile.Kind.BARE, "stable\n")));
    Recipe pinned = new Recipe(ImmutableList.of(), Optional.empty(), Optional.empty(),
        Optional.of(new ToolchainFile(ToolchainFile.Kind.BARE, "1.80.0\n")));
    assertEquals(
        "rust-toolchain\n  rust-toolchain `stable` -> rust-toolchain `1.80.0`\n", RecipeDiff.between(bare, pinned).render());
  }
}
