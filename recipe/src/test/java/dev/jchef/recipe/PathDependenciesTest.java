package dev.jchef.recipe;

import static dev.jchef.model.testing.Manifests.pkg;
import static dev.jchef.recipe.testing.Recipes.document;
import static dev.jchef.recipe.testing.Recipes.manifest;
import static dev.jchef.recipe.testing.Recipes.paths;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.ImmutableList;
import dev.jchef.model.testing.Fixture;
import dev.jchef.model.testing.TestFileSystem;
import dev.jchef.model.workspace.TomlTable;
import dev.jchef.model.workspace.Workspace;
import dev.jchef.recipe.plan.Planner;
import dev.jchef.recipe.testing.Recipes;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Path dependencies that are not members, and [patch] crates (the README's "What goes into the recipe"). */
class PathDependenciesTest {

  private static Recipe prepareIn(TestFileSystem fileSystem, Fixture fixture, String root) {
    Path written = fixture.writeTo(fileSystem.newDirectory());
    return Planner.plan(Workspace.discover(written.resolve(root)), List.of());
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void anExcludedPathDependencyInsideTheRootIsIncludedWithDummyTargets(TestFileSystem fileSystem) {
    Recipe recipe =
        Recipes.prepare(
            fileSystem,
            Fixture.of(
                "Cargo.toml",
                pkg("app", "1.0.0") + "[workspace]\nexclude = [\"libs\"]\n[dependencies]\nhelper = { path = \"libs/helper\", version = \"0.5.0\" }\n",
                "src/main.rs", "",
                "libs/helper/Cargo.toml", pkg("helper", "0.5.0") + "[dependencies]\nitoa = \"1\"\n",
                "libs/helper/src/lib.rs", ""));

    assertEquals(List.of("Cargo.toml", "libs/helper/Cargo.toml"), paths(recipe));
    assertEquals(
        List.of(new RecipeTarget("src/lib.rs", dev.jchef.model.TargetKind.LIB, false, "helper")),
        manifest(recipe, "libs/helper/Cargo.toml").targets());
    assertEquals(
        Optional.of("0.0.1"),
        document(recipe, "libs/helper/Cargo.toml").getTable("package").flatMap(p -> p.getString("version")));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void pathDependenciesOutsideTheRootMoveInsideItAndArePointedAt(TestFileSystem fileSystem) {
    Recipe recipe =
        prepareIn(
            fileSystem,
            Fixture.of(
                "ws/Cargo.toml",
                """
                [workspace]
                members = ["app"]
                [workspace.dependencies]
                shared = { path = "../shared" }
                """,
                "ws/app/Cargo.toml",
                pkg("app") + "[dependencies]\nshared.workspace = true\nutil = { path = \"../../common/util\" }\n",
                "ws/app/src/main.rs", "",
                "shared/Cargo.toml", pkg("shared") + "[dependencies]\nutil = { path = \"../common/util\" }\n",
                "shared/src/lib.rs", "",
                "common/util/Cargo.toml", pkg("util"),
                "common/util/src/lib.rs", ""),
            "ws");

    assertEquals(
        List.of(
            ".jchef/outside/shared/Cargo.toml",
            ".jchef/outside/util/Cargo.toml",
            "Cargo.toml",
            "app/Cargo.toml"),
        paths(recipe));
    TomlTable workspace = document(recipe, "Cargo.toml").getTable("workspace").orElseThrow();
    assertEquals(Optional.of(".jchef/outside/shared"), workspace.getTable("dependencies", "shared").flatMap(d -> d.getString("path")));
    assertEquals(Optional.of(ImmutableList.of(".jchef")), workspace.getArray("exclude"));
    assertEquals(
        Optional.of("../.jchef/outside/util"),
        document(recipe, "app/Cargo.toml").getTable("dependencies", "util").flatMap(d -> d.getString("path")));
    assertEquals(
        Optional.of("../util"),
        document(recipe, ".jchef/outside/shared/Cargo.toml").getTable("dependencies", "util").flatMap(d -> d.getString("path")));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void aMemberOutsideTheRootMovesInsideAndStaysAMember(TestFileSystem fileSystem) {
    Fixture fixture =
        Fixture.of(
            "ws/Cargo.toml",
            "[workspace]\nmembers = [\"app\", \"../tool/./\"]\n[workspace.package]\nedition = \"2021\"\n",
            "ws/app/Cargo.toml", pkg("app") + "[dependencies]\ntool = { path = \"../../tool\" }\n",
            "ws/app/src/main.rs", "",
            "tool/Cargo.toml", "[package]\nname = \"tool\"\nversion = \"0.1.0\"\nedition.workspace = true\nworkspace = \"../ws\"\n",
            "tool/src/lib.rs", "");

    Recipe recipe = prepareIn(fileSystem, fixture, "ws");

    assertEquals(List.of(".jchef/outside/tool/Cargo.toml", "Cargo.toml", "app/Cargo.toml"), paths(recipe));
    TomlTable workspace = document(recipe, "Cargo.toml").getTable("workspace").orElseThrow();
    assertEquals(Optional.of(ImmutableList.of("app", ".jchef/outside/tool")), workspace.getArray("members"));
    assertEquals(Optional.of(ImmutableList.of(".jchef")), workspace.getArray("exclude"));
    TomlTable tool = document(recipe, ".jchef/outside/tool/Cargo.toml").getTable("package").orElseThrow();
    assertEquals(Optional.of("../../.."), tool.getString("workspace"));
    assertEquals(Optional.of(true), tool.getTable("edition").flatMap(e -> e.getBoolean("workspace")), "a member still inherits");
    assertEquals(
        Optional.of("../.jchef/outside/tool"),
        document(recipe, "app/Cargo.toml").getTable("dependencies", "tool").flatMap(d -> d.getString("path")));

    Path directory = fileSystem.newDirectory();
    String absolute = directory.resolve("tool").toString().replace('\\', '/');
    fixture.with("ws/Cargo.toml", fixture.files().get("ws/Cargo.toml").replace("\"../tool/./\"", "\"" + absolute + "\""))
        .writeTo(directory);
    Recipe listedAbsolutely = Planner.plan(Workspace.discover(directory.resolve("ws")), List.of());
    assertEquals(paths(recipe), paths(listedAbsolutely), "a member listed by its absolute path moves too");
    assertEquals(
        Optional.of(ImmutableList.of("app", ".jchef/outside/tool")),
        document(listedAbsolutely, "Cargo.toml").getTable("workspace").flatMap(w -> w.getArray("members")));

    RecipeException globbed =
        assertThrows(
            RecipeException.class,
            () -> prepareIn(fileSystem, fixture.with("ws/Cargo.toml", "[workspace]\nmembers = [\"app\", \"../t*\"]\n[workspace.package]\nedition = \"2021\"\n"), "ws"));
    assertEquals(
        "member `../tool` lies outside the workspace root and a glob finds it; list it in workspace.members"
            + " by its path, or move it below the root",
        globbed.getMessage());
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void anOutsidePackageThatInheritsFromItsOwnWorkspaceIsRefusedClearly(TestFileSystem fileSystem) {
    Fixture fixture =
        Fixture.of(
            "app/Cargo.toml", pkg("app") + "[dependencies]\nlib = { path = \"../other/lib\" }\n",
            "app/src/main.rs", "",
            "other/Cargo.toml", "[workspace]\nmembers = [\"lib\"]\n[workspace.package]\nedition = \"2021\"\n",
            "other/lib/Cargo.toml", "[package]\nname = \"lib\"\nedition.workspace = true\n",
            "other/lib/src/lib.rs", "");

    RecipeException error = assertThrows(RecipeException.class, () -> prepareIn(fileSystem, fixture, "app"));
    assertEquals(
        "../other/lib/Cargo.toml: this path dependency outside the workspace root inherits package"
            + " fields from its own workspace (`workspace = true`), which a skeleton cannot carry;"
            + " write the values out in that manifest, or move the package below the root",
        error.getMessage());
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void patchedPackagesKeepTheirVersionsSoThatThePatchStillApplies(TestFileSystem fileSystem) {
    Recipe recipe =
        Recipes.prepare(
            fileSystem,
            Fixture.of(
                "Cargo.toml",
                "[workspace]\nmembers = [\"app\", \"crates/itoa\"]\n[patch.crates-io]\nitoa = { path = \"crates/itoa\" }\n",
                "app/Cargo.toml", pkg("app") + "[dependencies]\nitoa = { path = \"../crates/itoa\", version = \"1.0.9\" }\n",
                "app/src/main.rs", "",
                "crates/itoa/Cargo.toml", pkg("itoa", "1.0.9"),
                "crates/itoa/src/lib.rs", "",
                "Cargo.lock",
                "version = 4\n\n[[package]]\nname = \"app\"\nversion = \"0.1.0\"\ndependencies = [\"itoa\"]\n\n"
                    + "[[package]]\nname = \"itoa\"\nversion = \"1.0.9\"\n"));

    assertEquals(
        Optional.of("1.0.9"),
        document(recipe, "crates/itoa/Cargo.toml").getTable("package").flatMap(p -> p.getString("version")));
    assertEquals(
        Optional.of("1.0.9"),
        document(recipe, "app/Cargo.toml").getTable("dependencies", "itoa").flatMap(d -> d.getString("version")));
    assertEquals(
        "version = 4\n\n[[package]]\ndependencies = [\"itoa\"]\nname = \"app\"\nversion = \"0.0.1\"\n\n"
            + "[[package]]\nname = \"itoa\"\nversion = \"1.0.9\"\n",
        recipe.lockFile().orElseThrow());
  }
}
