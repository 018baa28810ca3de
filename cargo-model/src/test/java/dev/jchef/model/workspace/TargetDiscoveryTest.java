package dev.jchef.model.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.ImmutableList;
import dev.jchef.model.CargoFileException;
import dev.jchef.model.TargetKind;
import dev.jchef.model.testing.Fixture;
import dev.jchef.model.testing.TestFileSystem;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Target discovery per the Cargo reference's "Cargo Targets" chapter, on both path styles. */
class TargetDiscoveryTest {

  /** Each target as "KIND name path". */
  private static List<String> targets(TestFileSystem fileSystem, String manifest, String... files) {
    Fixture fixture = Fixture.of("Cargo.toml", manifest);
    for (String file : files) {
      fixture = fixture.with(file, "");
    }
    return Workspace.discover(fileSystem.write(fixture)).members().get(0).targets().stream()
        .map(t -> t.kind() + " " + t.name() + " " + t.path())
        .toList();
  }

  private static String pkg(String edition, String extra) {
    return "[package]\nname = \"my-pkg\"\nversion = \"0.1.0\"\nedition = \"" + edition + "\"\n" + extra;
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void discoversTheConventionalFiles(TestFileSystem fileSystem) {
    assertEquals(
        List.of(
            "BENCH speed benches/speed.rs",
            "BUILD_SCRIPT build-script-build build.rs",
            "EXAMPLE demo examples/demo.rs",
            "EXAMPLE multi examples/multi/main.rs",
            "BIN server src/bin/server/main.rs",
            "BIN tool src/bin/tool.rs",
            "LIB my_pkg src/lib.rs",
            "BIN my-pkg src/main.rs",
            "TEST it tests/it.rs",
            "TEST suite tests/suite/main.rs"),
        targets(
            fileSystem,
            pkg("2021", ""),
            "build.rs",
            "src/lib.rs",
            "src/main.rs",
            "src/bin/tool.rs",
            "src/bin/server/main.rs",
            "src/bin/server/util.rs",
            "src/bin/no-main/util.rs",
            "src/bin/.hidden.rs",
            "src/bin/notes.md",
            "examples/demo.rs",
            "examples/multi/main.rs",
            "tests/it.rs",
            "tests/suite/main.rs",
            "tests/common/mod.rs",
            "benches/speed.rs"));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void combinesExplicitTablesWithDiscoveryAndInfersTheirPaths(TestFileSystem fileSystem) {
    String manifest =
        pkg(
            "2021",
            """
            [lib]
            name = "core_api"
            path = "./lib/core.rs"
            [[bin]]
            name = "my-pkg"
            [[bin]]
            name = "renamed"
            path = "src/bin/original.rs"
            [[bin]]
            name = "dir-bin"
            """);

    assertEquals(
        List.of(
            "LIB core_api lib/core.rs",
            "BIN dir-bin src/bin/dir-bin/main.rs",
            "BIN renamed src/bin/original.rs",
            "BIN other src/bin/other.rs",
            "BIN my-pkg src/main.rs"),
        targets(
            fileSystem,
            manifest,
            "lib/core.rs",
            "src/main.rs",
            "src/bin/original.rs",
            "src/bin/other.rs",
            "src/bin/dir-bin/main.rs"));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void autoSwitchesTurnDiscoveryOffPerKind(TestFileSystem fileSystem) {
    String manifest =
        pkg(
            "2021",
            """
            autolib = false
            autobins = false
            autoexamples = false
            autotests = false
            autobenches = false
            [[test]]
            name = "kept"
            """);

    assertEquals(
        List.of("TEST kept tests/kept.rs"),
        targets(
            fileSystem,
            manifest,
            "src/lib.rs",
            "src/main.rs",
            "examples/e.rs",
            "tests/kept.rs",
            "tests/dropped.rs",
            "benches/b.rs"));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void edition2015ExplicitTablesTurnDiscoveryOffUnlessSwitchedOn(TestFileSystem fileSystem) {
    String manifest =
        pkg(
            "2015",
            """
            autobenches = true
            [[test]]
            name = "declared"
            [[bench]]
            name = "declared"
            """);

    assertEquals(
        List.of(
            "BENCH declared benches/declared.rs",
            "BENCH discovered benches/discovered.rs",
            "BIN my-pkg src/main.rs",
            "TEST declared tests/declared.rs"),
        targets(
            fileSystem,
            manifest,
            "src/main.rs",
            "tests/declared.rs",
            "tests/undiscovered.rs",
            "benches/declared.rs",
            "benches/discovered.rs"));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void edition2015AcceptsLegacyPaths(TestFileSystem fileSystem) {
    String manifest =
        "[package]\nname = \"old\"\nversion = \"0.1.0\"\n[lib]\nname = \"old_lib\"\n[[bin]]\nname = \"tool\"\n[[bench]]\nname = \"bench\"\n";

    assertEquals(
        List.of("BENCH bench src/bench.rs", "BIN tool src/main.rs", "LIB old_lib src/old_lib.rs"),
        targets(fileSystem, manifest, "src/old_lib.rs", "src/main.rs", "src/bench.rs"));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void readsHarnessRequiredFeaturesAndCrateTypes(TestFileSystem fileSystem) {
    String manifest =
        pkg(
            "2021",
            """
            [lib]
            crate-type = ["cdylib", "rlib"]
            [[test]]
            name = "raw"
            harness = false
            required-features = ["slow"]
            [[example]]
            name = "plugin"
            crate-type = ["cdylib"]
            """);

    List<Target> targets =
        Workspace.discover(
                fileSystem.write(
                    Fixture.of(
                        "Cargo.toml", manifest,
                        "src/lib.rs", "",
                        "tests/raw.rs", "",
                        "examples/plugin.rs", "")))
            .members()
            .get(0)
            .targets();

    assertEquals(
        List.of(
            new Target(TargetKind.EXAMPLE, "plugin", "examples/plugin.rs", ImmutableList.of("cdylib"), true, ImmutableList.of()),
            new Target(TargetKind.LIB, "my_pkg", "src/lib.rs", ImmutableList.of("cdylib", "rlib"), true, ImmutableList.of()),
            new Target(TargetKind.TEST, "raw", "tests/raw.rs", ImmutableList.of(), false, ImmutableList.of("slow"))),
        targets);
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void procMacroLibrariesAreMarked(TestFileSystem fileSystem) {
    List<Target> targets =
        Workspace.discover(
                fileSystem.write(
                    Fixture.of(
                        "Cargo.toml", pkg("2021", "[lib]\nproc-macro = true\n"), "src/lib.rs", "")))
            .members()
            .get(0)
            .targets();

    assertEquals(ImmutableList.of("proc-macro"), targets.get(0).crateTypes());
    assertEquals(true, targets.get(0).isProcMacro());
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void buildScriptsFollowTheBuildKey(TestFileSystem fileSystem) {
    assertEquals(
        List.of("BUILD_SCRIPT build-script-gen tools/gen.rs"),
        targets(fileSystem, pkg("2021", "build = \"tools/gen.rs\"\n"), "build.rs", "tools/gen.rs"));
    assertEquals(List.of(), targets(fileSystem, pkg("2021", "build = false\n"), "build.rs"));
    assertEquals(
        List.of("BUILD_SCRIPT build-script-build build.rs"),
        targets(fileSystem, pkg("2021", "build = true\n")));
    assertEquals(List.of(), targets(fileSystem, pkg("2021", ""), "build.rs/"));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void refusesWhatCargoRefuses(TestFileSystem fileSystem) {
    assertEquals(
        "Cargo.toml: lib: can't find library `my_pkg`, rename file to `src/lib.rs` or specify lib.path",
        error(fileSystem, pkg("2021", "[lib]\n")));
    assertEquals(
        "Cargo.toml: lib.name: library target names cannot contain hyphens: a-b",
        error(fileSystem, pkg("2021", "[lib]\nname = \"a-b\"\npath = \"x.rs\"\n")));
    assertEquals(
        "Cargo.toml: bin[0]: bin target name is required",
        error(fileSystem, pkg("2021", "[[bin]]\npath = \"x.rs\"\n")));
    assertEquals(
        "Cargo.toml: bin[1]: found duplicate bin name x, but all bin targets must have a unique name",
        error(fileSystem, pkg("2021", "[[bin]]\nname = \"x\"\npath = \"a.rs\"\n[[bin]]\nname = \"x\"\npath = \"b.rs\"\n")));
    assertEquals(
        "Cargo.toml: test[0]: can't find `gone` test; specify test.path if you want to use a non-default path",
        error(fileSystem, pkg("2021", "[[test]]\nname = \"gone\"\n")));
    assertEquals(
        "Cargo.toml: bin[0]: cannot infer path for `x` bin: found both `src/bin/x/main.rs` and `src/bin/x.rs`",
        error(
            fileSystem,
            pkg("2021", "autobins = false\n[[bin]]\nname = \"x\"\n"),
            "src/bin/x.rs",
            "src/bin/x/main.rs"));
  }

  private static String error(TestFileSystem fileSystem, String manifest, String... files) {
    return assertThrows(CargoFileException.class, () -> targets(fileSystem, manifest, files))
        .getMessage();
  }
}
