package dev.jchef.model.workspace;

import static dev.jchef.model.testing.Manifests.pkg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jchef.model.CargoFileException;
import dev.jchef.model.ToolchainFile;
import dev.jchef.model.testing.Fixture;
import dev.jchef.model.testing.TestFileSystem;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Which packages are members, per the Cargo reference's Workspaces chapter. */
class WorkspaceMembersTest {

  private static List<String> members(TestFileSystem fileSystem, Fixture fixture) {
    return directories(Workspace.discover(fileSystem.write(fixture)).members());
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void aRootWithoutWorkspaceIsAWorkspaceOfOne(TestFileSystem fileSystem) {
    Fixture fixture =
        Fixture.of(
            "Cargo.toml", pkg("app") + "[dependencies]\nlocal = { path = \"local\" }\n",
            "src/main.rs", "",
            "local/Cargo.toml", pkg("local"),
            "local/src/lib.rs", "");

    Workspace workspace = Workspace.discover(fileSystem.write(fixture));
    assertEquals(List.of("."), directories(workspace.members()));
    assertEquals(List.of("local"), directories(workspace.nonMemberPathDependencies()));
  }

  private static List<String> directories(List<Member> packages) {
    return packages.stream().map(Member::directory).toList();
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void expandsGlobsAtEveryDepthLeavingOutUnlistedSiblingsTargetAndHiddenDirectories(TestFileSystem fileSystem) {
    Fixture fixture =
        Fixture.of(
            "Cargo.toml", "[workspace]\nmembers = [\"crates/*\", \"services/server/*\", \"tools/**/cli\"]\n",
            "crates/b/Cargo.toml", pkg("b"),
            "crates/b/src/lib.rs", "",
            "crates/a/Cargo.toml", pkg("a"),
            "crates/a/src/lib.rs", "",
            "services/server/api/Cargo.toml", pkg("api"),
            "services/server/api/src/main.rs", "",
            "services/unlisted/Cargo.toml", pkg("unlisted"),
            "services/unlisted/src/lib.rs", "",
            "tools/cli/Cargo.toml", pkg("cli-top"),
            "tools/cli/src/main.rs", "",
            "tools/deep/er/cli/Cargo.toml", pkg("cli-deep"),
            "tools/deep/er/cli/src/main.rs", "",
            "tools/target/debug/cli/Cargo.toml", pkg("build-output"),
            "tools/.git/cli/Cargo.toml", pkg("git-internals"),
            "tools/.cache/cli/Cargo.toml", pkg("hidden-cache"));

    assertEquals(
        List.of("crates/a", "crates/b", "services/server/api", "tools/cli", "tools/deep/er/cli"),
        members(fileSystem, fixture));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void vendoredCratesFixturesAndNestedWorkspacesBelowTheRootAreNotMembers(
      TestFileSystem fileSystem) {
    Fixture fixture =
        Fixture.of(
            "Cargo.toml", "[workspace]\nmembers = [\"app\"]\n",
            "app/Cargo.toml", pkg("app"),
            "app/src/main.rs", "",
            "vendor/serde/Cargo.toml", "not toml at all [",
            "tests/fixtures/broken/Cargo.toml", pkg("fixture"),
            "nested/Cargo.toml", "[workspace]\nmembers = [\"inner\"]\n",
            "nested/inner/Cargo.toml", pkg("inner"));

    assertEquals(List.of("app"), members(fileSystem, fixture));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void pathDependenciesOfEveryKindInsideTheRootBecomeMembers(TestFileSystem fileSystem) {
    Fixture fixture =
        Fixture.of(
            "Cargo.toml",
            """
            [package]
            name = "app"
            version = "0.1.0"
            [workspace]
            [workspace.dependencies]
            inherited = { path = "libs/inherited" }
            [dependencies]
            normal = { path = "libs/normal" }
            inherited.workspace = true
            [dev-dependencies]
            dev = { path = "libs/dev" }
            [build-dependencies]
            build = { path = "libs/build" }
            [target.'cfg(windows)'.dependencies]
            windows-only = { path = "libs/windows-only" }
            """,
            "src/main.rs", "",
            "libs/normal/Cargo.toml", pkg("normal") + "[dependencies]\ndeeper = { path = \"../deeper\" }\n",
            "libs/deeper/Cargo.toml", pkg("deeper"),
            "libs/inherited/Cargo.toml", pkg("inherited"),
            "libs/dev/Cargo.toml", pkg("dev"),
            "libs/build/Cargo.toml", pkg("build"),
            "libs/windows-only/Cargo.toml", pkg("windows-only"));

    Workspace workspace = Workspace.discover(fileSystem.write(fixture));
    assertEquals(
        List.of(
            ".", "libs/build", "libs/deeper", "libs/dev", "libs/inherited", "libs/normal", "libs/windows-only"),
        directories(workspace.members()));
    assertEquals(
        List.of("libs/build", "libs/dev", "libs/inherited", "libs/normal", "libs/windows-only"),
        workspace.members().get(0).pathDependencies());
    assertEquals(
        List.of("libs/build", "libs/inherited", "libs/normal", "libs/windows-only"),
        workspace.members().get(0).buildPathDependencies());
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void excludedPathsAreNotMembersUnlessListedByPath(TestFileSystem fileSystem) {
    Fixture fixture =
        Fixture.of(
            "Cargo.toml",
            """
            [package]
            name = "app"
            version = "0.1.0"
            [workspace]
            members = ["third_party/listed", "third_party/globbed/*"]
            exclude = ["third_party", "./examples"]
            [dependencies]
            dep = { path = "third_party/dep" }
            example-helper = { path = "examples/helper" }
            """,
            "src/main.rs", "",
            "third_party/listed/Cargo.toml", pkg("listed"),
            "third_party/globbed/x/Cargo.toml", pkg("x"),
            "third_party/dep/Cargo.toml", pkg("dep"),
            "third_party/dep/src/lib.rs", "",
            "examples/helper/Cargo.toml", pkg("example-helper"),
            "examples/helper/src/lib.rs", "");

    Workspace workspace = Workspace.discover(fileSystem.write(fixture));
    assertEquals(List.of(".", "third_party/listed"), directories(workspace.members()));
    assertEquals(
        List.of("examples/helper", "third_party/dep"),
        directories(workspace.nonMemberPathDependencies()));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void aPathDependencyOutsideTheRootIsNotAMember(TestFileSystem fileSystem) {
    Fixture fixture =
        Fixture.of(
            "ws/Cargo.toml", pkg("app") + "[workspace]\n[dependencies]\nout = { path = \"../outside\" }\n",
            "ws/src/main.rs", "",
            "outside/src/lib.rs", "",
            "outside/Cargo.toml", pkg("outside") + "[dependencies]\nback = { path = \"../ws/back\" }\n",
            "ws/back/Cargo.toml", pkg("back"),
            "ws/back/src/lib.rs", "");

    Workspace workspace = Workspace.discover(fileSystem.write(fixture).resolve("ws"));

    assertEquals(List.of("."), directories(workspace.members()));
    assertEquals(List.of("../outside", "back"), directories(workspace.nonMemberPathDependencies()));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void anOutsidePackageThatPointsBackAtTheRootIsAMember(TestFileSystem fileSystem) {
    Fixture fixture =
        Fixture.of(
            "ws/Cargo.toml", pkg("app") + "[workspace]\n[dependencies]\nout = { path = \"../outside\" }\n",
            "ws/src/main.rs", "",
            "outside/Cargo.toml",
            "[package]\nname = \"outside\"\nversion = \"0.1.0\"\nworkspace = \"../ws\"\n");

    Workspace workspace = Workspace.discover(fileSystem.write(fixture).resolve("ws"));

    assertEquals(List.of(".", "../outside"), directories(workspace.members()));
    assertEquals(List.of(), directories(workspace.nonMemberPathDependencies()));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void aMemberManifestThatDoesNotParseIsAnErrorNamingIt(TestFileSystem fileSystem) {
    Fixture fixture =
        Fixture.of(
            "Cargo.toml", "[workspace]\nmembers = [\"crates/*\"]\n",
            "crates/bad/Cargo.toml", "[package]\nname = \"bad\"\nversion = = 1\n");

    CargoFileException error =
        assertThrows(CargoFileException.class, () -> Workspace.discover(fileSystem.write(fixture)));
    assertEquals("crates/bad/Cargo.toml:3:11: Unknown token", error.getMessage());
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void aGlobMatchWithoutAManifestIsAnError(TestFileSystem fileSystem) {
    Fixture fixture =
        Fixture.of(
            "Cargo.toml", "[workspace]\nmembers = [\"crates/*\"]\n",
            "crates/docs/README.md", "");

    assertEquals(
        "Cargo.toml: workspace.members: member `crates/docs` (matched by `crates/*`) has no Cargo.toml",
        assertThrows(CargoFileException.class, () -> Workspace.discover(fileSystem.write(fixture)))
            .getMessage());
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void aMissingPathDependencyNamesTheDependency(TestFileSystem fileSystem) {
    Fixture fixture =
        Fixture.of("Cargo.toml", pkg("app") + "[workspace]\n[dependencies]\ngone = { path = \"gone\" }\n");
    Path root = fileSystem.write(fixture);

    assertEquals(
        "Cargo.toml: dependencies.gone: the path leads to " + root.resolve("gone") + ", which has no Cargo.toml",
        assertThrows(CargoFileException.class, () -> Workspace.discover(root)).getMessage());
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void aRootWithNeitherPackageNorWorkspaceIsAnError(TestFileSystem fileSystem) {
    assertEquals(
        "Cargo.toml: has neither [package] nor [workspace]",
        assertThrows(
                CargoFileException.class,
                () -> Workspace.discover(fileSystem.write(Fixture.of("Cargo.toml", "[dependencies]\n"))))
            .getMessage());
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void twoMembersWithTheSameNameAreAnError(TestFileSystem fileSystem) {
    Fixture fixture =
        Fixture.of(
            "Cargo.toml", "[workspace]\nmembers = [\"a\", \"b\"]\n",
            "a/Cargo.toml", pkg("same"),
            "b/Cargo.toml", pkg("same"));

    assertTrue(
        assertThrows(CargoFileException.class, () -> Workspace.discover(fileSystem.write(fixture)))
            .getMessage()
            .contains("two packages named `same`"));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void readsTheLockfileConfigAndToolchainBesideTheRoot(TestFileSystem fileSystem) {
    Fixture fixture =
        Fixture.of(
            "Cargo.toml", pkg("app"),
            "src/main.rs", "",
            "Cargo.lock", "version = 4\n[[package]]\nname = \"app\"\nversion = \"0.1.0\"\n",
            ".cargo/config.toml", "[net]\noffline = true\n",
            "rust-toolchain.toml", "[toolchain]\nchannel = \"stable\"\n");

    Workspace workspace = Workspace.discover(fileSystem.write(fixture));

    assertEquals(4, workspace.lockfile().orElseThrow().formatVersion());
    assertEquals(Optional.of(".cargo/config.toml"), workspace.config().map(CargoConfig::relativePath));
    assertEquals(
        Optional.of(ToolchainFile.Kind.TOML), workspace.toolchainFile().map(ToolchainFile::kind));
    assertEquals(Optional.of("app"), workspace.member("app").map(Member::name));
    assertEquals("Cargo.toml", workspace.member("app").orElseThrow().manifestPath());
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void inheritsTheEditionFromTheWorkspace(TestFileSystem fileSystem) {
    Fixture fixture =
        Fixture.of(
            "Cargo.toml", "[workspace]\nmembers = [\"a\"]\n[workspace.package]\nedition = \"2024\"\n",
            "a/Cargo.toml", "[package]\nname = \"a\"\nedition.workspace = true\n");

    assertEquals("2024", Workspace.discover(fileSystem.write(fixture)).members().get(0).edition());
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void anOutsidePathDependencyInheritsFromItsOwnWorkspace(TestFileSystem fileSystem) {
    Fixture fixture =
        Fixture.of(
            "app/Cargo.toml", pkg("app") + "[dependencies]\nlib = { path = \"../other/lib\" }\n",
            "app/src/main.rs", "",
            "other/Cargo.toml",
            "[workspace]\nmembers = [\"lib\"]\n[workspace.package]\nedition = \"2018\"\n"
                + "[workspace.dependencies]\nhelper = { path = \"helper\" }\n",
            "other/lib/Cargo.toml",
            "[package]\nname = \"lib\"\nedition.workspace = true\n[dependencies]\nhelper.workspace = true\n",
            "other/lib/src/lib.rs", "",
            // No edition, and none inherited: cargo's default, 2015.
            "other/helper/Cargo.toml", "[package]\nname = \"helper\"\nversion = \"0.1.0\"\n",
            "other/helper/src/lib.rs", "");

    Workspace workspace = Workspace.discover(fileSystem.write(fixture).resolve("app"));

    assertEquals(
        List.of("../other/helper 2015", "../other/lib 2018"),
        workspace.nonMemberPathDependencies().stream()
            .map(m -> m.directory() + " " + m.edition())
            .toList());
  }
}
