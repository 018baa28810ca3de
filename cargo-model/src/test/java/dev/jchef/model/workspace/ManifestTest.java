package dev.jchef.model.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.jchef.model.CargoFileException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ManifestTest {

  private static Manifest parse(String toml) {
    return Manifest.parse(toml, "crates/a/Cargo.toml");
  }

  @Test
  void readsThePackageSection() {
    Manifest manifest =
        parse(
            """
            [package]
            name = "a"
            version = "1.2.3"
            edition = "2021"
            build = "tools/build.rs"
            links = "z"
            autobins = false
            autotests = true
            """);

    assertEquals(
        Optional.of(
            new PackageSection(
                "a",
                Optional.of(Inheritable.of("1.2.3")),
                Optional.of(Inheritable.of("2021")),
                BuildSetting.scripts(ImmutableList.of("tools/build.rs")),
                Optional.of("z"),
                Optional.empty(),
                Optional.empty(),
                Optional.of(false),
                Optional.empty(),
                Optional.of(true),
                Optional.empty())),
        manifest.packageSection());
    assertFalse(manifest.isVirtual());
  }

  @Test
  void readsInheritedVersionAndEdition() {
    PackageSection pkg =
        parse("[package]\nname = \"a\"\nversion.workspace = true\nedition = { workspace = true }\n")
            .packageSection()
            .orElseThrow();

    assertEquals(Optional.of(Inheritable.fromWorkspace()), pkg.version());
    assertEquals(Optional.of(Inheritable.fromWorkspace()), pkg.edition());
    assertTrue(pkg.version().orElseThrow().isFromWorkspace());
  }

  @Test
  void readsTheLegacyProjectTableAsThePackage() {
    assertEquals("old", parse("[project]\nname = \"old\"\n").packageSection().orElseThrow().name());
  }

  @Test
  void readsTheBuildKeyInAllItsForms() {
    assertEquals(BuildSetting.automaticSetting(), build(""));
    assertEquals(BuildSetting.disabled(), build("build = false"));
    assertEquals(BuildSetting.scripts(ImmutableList.of("build.rs")), build("build = true"));
    assertEquals(
        BuildSetting.scripts(ImmutableList.of("a.rs", "b.rs")), build("build = [\"a.rs\", \"b.rs\"]"));
  }

  private static BuildSetting build(String line) {
    return parse("[package]\nname = \"a\"\n" + line + "\n").packageSection().orElseThrow().build();
  }

  @Test
  void readsTargetTables() {
    Manifest manifest =
        parse(
            """
            [package]
            name = "a"
            [lib]
            name = "a_core"
            proc-macro = true
            [[bin]]
            name = "cli"
            path = "src/cli.rs"
            required-features = ["x"]
            [[example]]
            name = "plugin"
            crate_type = ["cdylib"]
            [[test]]
            name = "it"
            harness = false
            [[bench]]
            name = "speed"
            """);

    assertEquals(
        Optional.of(
            new TargetDeclaration(
                Optional.of("a_core"),
                Optional.empty(),
                Optional.empty(),
                ImmutableList.of(),
                Optional.empty(),
                Optional.of(true))),
        manifest.lib());
    assertEquals(Optional.of("src/cli.rs"), manifest.bins().get(0).path());
    assertEquals(ImmutableList.of("x"), manifest.bins().get(0).requiredFeatures());
    assertEquals(Optional.of(ImmutableList.of("cdylib")), manifest.examples().get(0).crateTypes());
    assertEquals(Optional.of(false), manifest.tests().get(0).harness());
    assertEquals(Optional.of("speed"), manifest.benches().get(0).name());
  }

  @Test
  void readsEveryDependencyTableIncludingPlatformSpecificAndRenamedOnes() {
    Manifest manifest =
        parse(
            """
            [package]
            name = "a"
            [dependencies]
            serde = "1.0"
            local = { path = "../local", version = "0.1" }
            alias = { package = "real-name", path = "../real" }
            shared.workspace = true
            [dependencies.tokio]
            version = "1"
            features = ["full"]
            default-features = false
            optional = true
            [dev-dependencies]
            proptest = "1"
            [build_dependencies]
            cc = "1"
            [target.'cfg(unix)'.dependencies]
            libc = "0.2"
            [target.x86_64-pc-windows-msvc.build-dependencies]
            winres = { git = "https://example.com/winres", registry = "mine" }
            """);

    assertEquals(
        List.of(
            new Dependency("serde", DependencyKind.NORMAL, Optional.empty(), DependencySpec.ofVersion("1.0")),
            new Dependency(
                "local",
                DependencyKind.NORMAL,
                Optional.empty(),
                new DependencySpec(
                    Optional.of("0.1"),
                    Optional.of("../local"),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    false,
                    false,
                    ImmutableList.of(),
                    Optional.empty())),
            new Dependency(
                "alias",
                DependencyKind.NORMAL,
                Optional.empty(),
                new DependencySpec(
                    Optional.empty(),
                    Optional.of("../real"),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of("real-name"),
                    false,
                    false,
                    ImmutableList.of(),
                    Optional.empty())),
            new Dependency(
                "shared",
                DependencyKind.NORMAL,
                Optional.empty(),
                new DependencySpec(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    true,
                    false,
                    ImmutableList.of(),
                    Optional.empty())),
            new Dependency(
                "tokio",
                DependencyKind.NORMAL,
                Optional.empty(),
                new DependencySpec(
                    Optional.of("1"),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    false,
                    true,
                    ImmutableList.of("full"),
                    Optional.of(false))),
            new Dependency("proptest", DependencyKind.DEV, Optional.empty(), DependencySpec.ofVersion("1")),
            new Dependency("cc", DependencyKind.BUILD, Optional.empty(), DependencySpec.ofVersion("1")),
            new Dependency("libc", DependencyKind.NORMAL, Optional.of("cfg(unix)"), DependencySpec.ofVersion("0.2")),
            new Dependency(
                "winres",
                DependencyKind.BUILD,
                Optional.of("x86_64-pc-windows-msvc"),
                new DependencySpec(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of("https://example.com/winres"),
                    Optional.of("mine"),
                    Optional.empty(),
                    false,
                    false,
                    ImmutableList.of(),
                    Optional.empty()))),
        manifest.dependencies());
    assertEquals("real-name", manifest.dependencies().get(2).packageName());
    assertEquals("serde", manifest.dependencies().get(0).packageName());
  }

  @Test
  void readsFeaturesPatchReplaceAndProfiles() {
    Manifest manifest =
        parse(
            """
            [package]
            name = "a"
            [features]
            default = ["std"]
            std = []
            [patch.crates-io]
            serde = { path = "../serde" }
            [patch.'https://github.com/example/repo']
            thing = { git = "https://github.com/me/thing" }
            [replace]
            "foo:0.1.0" = { path = "../foo" }
            [profile.release]
            lto = true
            [profile.dist]
            inherits = "release"
            """);

    assertEquals(
        ImmutableMap.of("default", ImmutableList.of("std"), "std", ImmutableList.of()),
        manifest.features());
    assertEquals(
        List.of(
            new DependencyOverride("[patch.crates-io]", "serde", "serde", Optional.of("../serde")),
            new DependencyOverride("[patch.\"https://github.com/example/repo\"]", "thing", "thing", Optional.empty()),
            new DependencyOverride("[replace]", "foo:0.1.0", "foo", Optional.of("../foo"))),
        DependencyOverride.of(manifest.document()));
    assertEquals("[replace] \"foo:0.1.0\"", DependencyOverride.of(manifest.document()).get(2).shown());
    assertEquals(ImmutableList.of("release", "dist"), manifest.profiles().keySet().asList());
    assertEquals(Optional.of("release"), manifest.profiles().get("dist").getString("inherits"));
  }

  @Test
  void readsTheWorkspaceSection() {
    Manifest manifest =
        parse(
            """
            [workspace]
            members = ["crates/*"]
            exclude = ["vendor"]
            default-members = ["crates/app"]
            resolver = "2"
            [workspace.package]
            version = "0.3.0"
            [workspace.dependencies]
            serde = "1"
            local = { path = "crates/local" }
            [workspace.lints.rust]
            missing_docs = "deny"
            [workspace.metadata.release]
            tag = true
            """);

    WorkspaceSection workspace = manifest.workspace().orElseThrow();
    assertTrue(manifest.isVirtual());
    assertEquals(ImmutableList.of("crates/*"), workspace.members());
    assertEquals(ImmutableList.of("vendor"), workspace.exclude());
    assertEquals(Optional.of(ImmutableList.of("crates/app")), workspace.defaultMembers());
    assertEquals(Optional.of("2"), workspace.resolver());
    assertEquals(Optional.of("0.3.0"), workspace.packageTable().getString("version"));
    assertEquals(Optional.of("crates/local"), workspace.dependencies().get("local").path());
    assertEquals(DependencySpec.ofVersion("1"), workspace.dependencies().get("serde"));
    assertTrue(workspace.lints().getTable("rust").isPresent());
    assertTrue(workspace.metadata().getTable("release").isPresent());
  }

  @Test
  void keepsTheWholeDocumentIncludingKeysItDoesNotView() {
    Manifest manifest = parse("[package]\nname = \"a\"\ndescription = \"d\"\n[badges]\nx = 1\n");

    assertEquals(
        Optional.of("d"),
        manifest.document().getTable("package").flatMap(p -> p.getString("description")));
    assertTrue(manifest.document().containsKey("badges"));
  }

  @Test
  void aValueOfTheWrongTypeNamesTheFileAndField() {
    assertEquals(
        "crates/a/Cargo.toml: package.name: expected a string",
        assertThrows(CargoFileException.class, () -> parse("[package]\nname = 1\n")).getMessage());
    assertEquals(
        "crates/a/Cargo.toml: target.\"cfg(unix)\".dependencies.libc.features: expected an array of strings",
        assertThrows(
                CargoFileException.class,
                () -> parse("[target.'cfg(unix)'.dependencies]\nlibc = { features = \"x\" }\n"))
            .getMessage());
    assertEquals(
        "crates/a/Cargo.toml: bin: expected an array of tables, such as [[bin]]",
        assertThrows(CargoFileException.class, () -> parse("bin = \"x\"\n")).getMessage());
    assertEquals(
        "crates/a/Cargo.toml: package.version: expected a string or { workspace = true }",
        assertThrows(
                CargoFileException.class, () -> parse("[package]\nname = \"a\"\nversion = 1\n"))
            .getMessage());
    assertEquals(
        "crates/a/Cargo.toml: package.name: missing: every package needs a name",
        assertThrows(CargoFileException.class, () -> parse("[package]\nversion = \"1\"\n"))
            .getMessage());
  }
}
