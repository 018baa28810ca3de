package dev.jchef.recipe;

import static dev.jchef.model.testing.Manifests.pkg;
import static dev.jchef.recipe.testing.Recipes.document;
import static dev.jchef.recipe.testing.Recipes.lockfile;
import static dev.jchef.recipe.testing.Recipes.paths;
import static dev.jchef.recipe.testing.Recipes.prepare;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.ImmutableList;
import dev.jchef.model.testing.Fixture;
import dev.jchef.model.testing.TestFileSystem;
import dev.jchef.model.workspace.TomlTable;
import dev.jchef.recipe.testing.Recipes;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code prepare --bin NAME}: only what the named binaries need. */
class MemberFilterTest {
  private static final String REGISTRY = "registry+https://github.com/rust-lang/crates.io-index";

  private static final Fixture WORKSPACE =
      Fixture.of(
          "Cargo.toml",
          """
          [workspace]
          members = ["crates/*", "tools/cli"]
          default-members = ["crates/server"]
          [workspace.dependencies]
          anyhow = "1"
          serde = "1"
          tokio = "1"
          """,
          "crates/server/Cargo.toml",
          pkg("server")
              + "[dependencies]\ncore = { path = \"../core\" }\nanyhow.workspace = true\n"
              + "[dev-dependencies]\ntest-utils = { path = \"../test-utils\" }\n",
          "crates/server/src/main.rs", "",
          "crates/core/Cargo.toml", pkg("core") + "[target.'cfg(unix)'.dependencies]\nserde.workspace = true\n",
          "crates/core/src/lib.rs", "",
          "crates/test-utils/Cargo.toml", pkg("test-utils"),
          "crates/test-utils/src/lib.rs", "",
          "crates/worker/Cargo.toml", pkg("worker") + "[dependencies]\ntokio.workspace = true\n[[bin]]\nname = \"work\"\npath = \"src/main.rs\"\n",
          "crates/worker/src/main.rs", "",
          "tools/cli/Cargo.toml", pkg("cli") + "[dependencies]\ncore = { path = \"../../crates/core\" }\n",
          "tools/cli/src/main.rs", "",
          "Cargo.lock",
          """
          version = 4

          [[package]]
          name = "anyhow"
          version = "1.0.0"
          source = "registry+https://github.com/rust-lang/crates.io-index"

          [[package]]
          name = "cli"
          version = "0.1.0"
          dependencies = ["core"]

          [[package]]
          name = "core"
          version = "0.1.0"
          dependencies = ["serde"]

          [[package]]
          name = "serde"
          version = "1.0.0"
          source = "registry+https://github.com/rust-lang/crates.io-index"

          [[package]]
          name = "server"
          version = "0.1.0"
          dependencies = ["anyhow", "core", "test-utils"]

          [[package]]
          name = "test-utils"
          version = "0.1.0"

          [[package]]
          name = "tokio"
          version = "1.0.0"
          source = "registry+https://github.com/rust-lang/crates.io-index"

          [[package]]
          name = "worker"
          version = "0.1.0"
          dependencies = ["tokio"]
          """);

  private static List<String> lockedNames(Recipe recipe) {
    return lockfile(recipe).getArray("package").orElseThrow().stream()
        .map(p -> ((TomlTable) p).getString("name").orElseThrow())
        .toList();
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void keepsTheClosureOfAMemberAndRewritesTheWorkspace(TestFileSystem fileSystem) {
    Recipe recipe = prepare(fileSystem, WORKSPACE, "server");

    assertEquals(
        List.of("Cargo.toml", "crates/core/Cargo.toml", "crates/server/Cargo.toml", "crates/test-utils/Cargo.toml"),
        paths(recipe));
    TomlTable workspace = document(recipe, "Cargo.toml").getTable("workspace").orElseThrow();
    assertEquals(
        Optional.of(ImmutableList.of("crates/core", "crates/server", "crates/test-utils")),
        workspace.getArray("members"));
    assertFalse(workspace.containsKey("default-members"));
    assertEquals(
        List.of("anyhow", "serde"), List.copyOf(workspace.getTable("dependencies").orElseThrow().keys()));
    assertEquals(List.of("anyhow", "core", "serde", "server", "test-utils"), lockedNames(recipe));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void aNameMayBeABinaryTargetAndSeveralNamesKeepTheUnion(TestFileSystem fileSystem) {
    Recipe recipe = prepare(fileSystem, WORKSPACE, "work", "cli");

    assertEquals(
        List.of("Cargo.toml", "crates/core/Cargo.toml", "crates/worker/Cargo.toml", "tools/cli/Cargo.toml"),
        paths(recipe));
    assertEquals(List.of("cli", "core", "serde", "tokio", "worker"), lockedNames(recipe));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void anUnknownNameListsWhatExists(TestFileSystem fileSystem) {
    RecipeException error =
        assertThrows(RecipeException.class, () -> prepare(fileSystem, WORKSPACE, "nope"));

    assertEquals(
        "no member package or binary target named `nope`; packages: cli, core,"
            + " server, test-utils, worker; binaries: cli, server, work",
        error.getMessage());
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void aRootPackageOutsideTheClosureBecomesAVirtualManifest(TestFileSystem fileSystem) {
    Recipe recipe =
        prepare(
            fileSystem,
            Fixture.of(
                "Cargo.toml",
                pkg("root") + "[dependencies]\nserde = \"1\"\n[workspace]\nmembers = [\"tool\"]\n[profile.release]\nlto = true\n",
                "src/main.rs", "",
                "tool/Cargo.toml", pkg("tool"),
                "tool/src/main.rs", ""),
            "tool");

    assertEquals(
        """
        [profile.release]
        lto = true

        [workspace]
        members = ["tool"]
        resolver = "2"
        """,
        Recipes.manifest(recipe, "Cargo.toml").contents());
    assertEquals(List.of(), Recipes.manifest(recipe, "Cargo.toml").targets());
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void theVirtualManifestKeepsTheResolverTheRootPackageImplied(TestFileSystem fileSystem) {
    String[][] cases = {
      {"edition = \"2024\"\n", "", "3"},
      {"edition = \"2021\"\n", "", "2"},
      {"edition = \"2018\"\n", "", "1"},
      {"", "", "1"},
      {"edition.workspace = true\n", "[workspace.package]\nedition = \"2024\"\n", "3"},
      {"", "[workspace.package]\nedition = \"2024\"\n", "1"},
      {"edition = \"2021\"\nresolver = \"1\"\n", "", "1"},
      {"edition = \"2018\"\n", "resolver = \"2\"\n", "2"},
    };
    for (String[] c : cases) {
      Recipe recipe =
          prepare(
              fileSystem,
              Fixture.of(
                  "Cargo.toml",
                  "[package]\nname = \"root\"\nversion = \"0.1.0\"\n" + c[0]
                      + "[workspace]\nmembers = [\"tool\"]\n" + c[1],
                  "src/main.rs", "",
                  "tool/Cargo.toml", pkg("tool"),
                  "tool/src/main.rs", ""),
              "tool");

      TomlTable workspace = document(recipe, "Cargo.toml").getTable("workspace").orElseThrow();
      assertEquals(Optional.of(c[2]), workspace.getString("resolver"), c[0] + c[1]);
    }
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void keepsVersionOneMetadataChecksumsOfKeptPackagesOnly(TestFileSystem fileSystem) {
    Recipe recipe =
        prepare(
            fileSystem,
            Fixture.of(
                "Cargo.toml", "[workspace]\nmembers = [\"a\", \"b\"]\n",
                "a/Cargo.toml", pkg("a"),
                "a/src/main.rs", "",
                "b/Cargo.toml", pkg("b"),
                "b/src/main.rs", "",
                "Cargo.lock",
                "[[package]]\nname = \"a\"\nversion = \"0.1.0\"\ndependencies = [\"x 1.0.0 (" + REGISTRY + ")\"]\n\n"
                    + "[[package]]\nname = \"b\"\nversion = \"0.1.0\"\ndependencies = [\"y 1.0.0 (" + REGISTRY + ")\"]\n\n"
                    + "[[package]]\nname = \"x\"\nversion = \"1.0.0\"\nsource = \"" + REGISTRY + "\"\n\n"
                    + "[[package]]\nname = \"y\"\nversion = \"1.0.0\"\nsource = \"" + REGISTRY + "\"\n\n"
                    + "[metadata]\n\"checksum x 1.0.0 (" + REGISTRY + ")\" = \"aaa\"\n"
                    + "\"checksum y 1.0.0 (" + REGISTRY + ")\" = \"bbb\"\n"),
            "a");

    assertEquals(List.of("a", "x"), lockedNames(recipe));
    assertEquals(
        List.of("checksum x 1.0.0 (" + REGISTRY + ")"),
        List.copyOf(lockfile(recipe).getTable("metadata").orElseThrow().keys()));
  }
}
