package dev.jchef.model.workspace;

import static dev.jchef.model.testing.Manifests.pkg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jchef.model.CargoFileException;
import dev.jchef.model.testing.Fixture;
import dev.jchef.model.testing.TestFileSystem;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The workspace a directory belongs to, found as cargo finds it from there. */
class WorkspaceFindTest {
  private static final Fixture WORKSPACE =
      Fixture.of(
          "Cargo.toml", "[workspace]\nmembers = [\"crates/*\"]\nexclude = [\"crates/alone\"]\n"
              + "[workspace.package]\nedition = \"2021\"\n",
          "crates/index/Cargo.toml", "[package]\nname = \"index\"\nversion = \"1.0.0\"\nedition.workspace = true\n",
          "crates/index/src/lib.rs", "",
          "crates/cli/Cargo.toml", pkg("cli"),
          "crates/cli/src/main.rs", "",
          "crates/alone/Cargo.toml", pkg("alone"),
          "crates/alone/src/lib.rs", "",
          "elsewhere/Cargo.toml", pkg("elsewhere") + "workspace = \"../\"\n",
          "elsewhere/src/lib.rs", "",
          "stray/Cargo.toml", pkg("stray"),
          "stray/src/lib.rs", "",
          "nested/Cargo.toml", pkg("nested") + "[workspace]\n",
          "nested/src/lib.rs", "");

  private static Path at(Path root, String relative) {
    Path path = root;
    for (String part : relative.split("/")) {
      path = path.resolve(part);
    }
    return path;
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void fromAMemberOrADirectoryInsideOneTheRootAbove(TestFileSystem fileSystem) {
    Path root = fileSystem.write(WORKSPACE);

    for (String start : new String[] {"", "crates", "crates/index", "crates/index/src"}) {
      Workspace workspace = Workspace.find(at(root, start));
      assertEquals(root, workspace.root(), start);
      assertEquals(2, workspace.members().size(), start);
    }
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void anExcludedPackageOrOneWithItsOwnWorkspaceIsItsOwnRoot(TestFileSystem fileSystem) {
    Path root = fileSystem.write(WORKSPACE);

    assertEquals(at(root, "crates/alone"), Workspace.find(at(root, "crates/alone/src")).root());
    assertEquals(at(root, "nested"), Workspace.find(at(root, "nested")).root());
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void anExcludeEntryWrittenWithDotDotExcludesNothingAsInCargo(TestFileSystem fileSystem) {
    Path root = fileSystem.write(WORKSPACE.with("Cargo.toml", WORKSPACE.files().get("Cargo.toml").replace("\"crates/alone\"", "\"crates/index/../alone\"")));

    assertEquals(root, Workspace.find(at(root, "crates/alone")).root());
    assertEquals(3, Workspace.find(at(root, "crates/alone")).members().size());
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void aPackageWorkspacePointerLeadsToItsRoot(TestFileSystem fileSystem) {
    Path root = fileSystem.write(WORKSPACE.with("Cargo.toml", WORKSPACE.files().get("Cargo.toml").replace("[\"crates/*\"]", "[\"crates/*\", \"elsewhere\"]")));

    assertEquals(root, Workspace.find(at(root, "elsewhere")).root());
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void aPackageTheRootAboveDoesNotListIsRefusedNamingTheRoot(TestFileSystem fileSystem) {
    Path root = fileSystem.write(WORKSPACE);

    CargoFileException error = assertThrows(CargoFileException.class, () -> Workspace.find(at(root, "stray")));

    assertEquals(
        "Cargo.toml: this package believes it is in the workspace at " + root
            + " but is not one of its members; add `stray` to workspace.members of " + root.resolve("Cargo.toml")
            + ", or to workspace.exclude, or give the package an empty [workspace] table",
        error.getMessage());
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void errorsNameAFileRelativeToTheStartingDirectoryWhenUnderItElseAbsolute(TestFileSystem fileSystem) {
    Path root = fileSystem.write(WORKSPACE.with("crates/cli/Cargo.toml", "[package]\nname = \"cli\"\nversion =\n"));

    assertEquals("crates/cli/Cargo.toml", assertThrows(CargoFileException.class, () -> Workspace.find(root)).file());
    assertEquals("Cargo.toml", assertThrows(CargoFileException.class, () -> Workspace.find(at(root, "crates/cli"))).file());
    assertEquals(
        at(root, "crates/cli/Cargo.toml").toString(),
        assertThrows(CargoFileException.class, () -> Workspace.find(at(root, "crates/index"))).file());
    Path whole = fileSystem.write(WORKSPACE);
    assertEquals(
        at(whole, "stray/Cargo.toml").toString(),
        assertThrows(CargoFileException.class, () -> Workspace.find(at(whole, "stray/src"))).file());
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void noManifestAnywhereAbove(TestFileSystem fileSystem) {
    Path empty = fileSystem.newDirectory();

    CargoFileException error = assertThrows(CargoFileException.class, () -> Workspace.find(empty));

    assertEquals(
        "Cargo.toml: not found in " + empty + " or any parent directory: not inside a Cargo workspace",
        error.getMessage());
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void aDirectoryThatDoesNotExistIsNamedSo(TestFileSystem fileSystem) {
    Path missing = fileSystem.newDirectory().resolve("nope");

    CargoFileException error = assertThrows(CargoFileException.class, () -> Workspace.find(missing));

    assertEquals(missing + ": no such directory", error.getMessage());
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void aWorkspacePointerToADirectoryWithoutAManifestNamesTheManifestThatHasIt(TestFileSystem fileSystem) {
    Path root = fileSystem.write(WORKSPACE.with("elsewhere/Cargo.toml", pkg("elsewhere") + "workspace = \"../nowhere\"\n"));

    CargoFileException error = assertThrows(CargoFileException.class, () -> Workspace.find(at(root, "elsewhere")));

    assertEquals(
        "Cargo.toml: package.workspace: `../nowhere` has no Cargo.toml (" + at(root, "nowhere") + ")",
        error.getMessage());
  }
}
