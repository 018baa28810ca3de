package dev.jchef.recipe;

import static dev.jchef.model.testing.Manifests.pkg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import dev.jchef.model.ToolchainFile;
import dev.jchef.model.testing.Fixture;
import dev.jchef.model.testing.TestFileSystem;
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
            new RecipeDiff.FileChanges("Cargo.toml", ImmutableList.of("workspace.members: [\"a\", \"b\"] -> [\"a\", \"c\"]")),
            new RecipeDiff.FileChanges("b/Cargo.toml", ImmutableList.of("removed")),
            new RecipeDiff.FileChanges("c/Cargo.toml", ImmutableList.of("added"))),
        diff(after).files());
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
