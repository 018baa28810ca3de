package dev.jchef.cook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jchef.model.testing.Fixture;
import dev.jchef.recipe.Recipe;
import dev.jchef.recipe.json.RecipeJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The caching cases of the behaviour reference jchef is held to (the README's "What goes into
 * the recipe": which changes keep the recipe and which rebuild dependencies) with real cargo, on the example workspace (three
 * members, a build script, a procedural macro, registry crates with a build script and
 * features, {@code missing_docs = "deny"} in {@code [workspace.lints]}): after cook, the real
 * build compiles no registry crate and every workspace crate, and the program is the real one.
 */
@Tag("slow")
class CookEndToEndTest {
  static final String REAL_OUTPUT =
      "HELLO, JCHEF!!! WELCOME!!!\nhello from derived Demo\n"
          + "built by chef-build-info's build script\napp's own build script\n";
  private static final List<String> WORKSPACE_UNITS =
      List.of("app app", "app build-script-build", "greeter greeter");

  @TempDir Path base;

  private CookScenario scenario() {
    return CookScenario.of(base, CookScenario.example());
  }

  @Test
  void devProfile() {
    CookScenario scenario = scenario();
    CookResult cook = scenario.cook(scenario.prepare(), CookOptions.defaults());

    assertTrue(cook.compiledUnits() >= 8, cook.summary());
    assertTrue(cook.removedArtifacts() > 0, cook.summary());
    assertFalse(Files.exists(scenario.cook.resolve("target/debug/app")), "the dummy program is gone");
    scenario.copySources();
    CookScenario.BuildOutcome build = scenario.build();

    assertOnlyTheWorkspaceRebuilt(scenario, build, "target/debug/app");
  }

  @Test
  void testProfile() {
    CookScenario scenario = scenario();
    scenario.cook(scenario.prepare(), CookOptions.defaults().withProfile(new BuildProfile("test")));
    scenario.copySources();

    CookScenario.BuildOutcome build = scenario.build("--profile", "test");

    assertOnlyTheWorkspaceRebuilt(scenario, build, "target/debug/app");
  }

  @Test
  void releaseProfile() {
    CookScenario scenario = scenario();
    scenario.cook(scenario.prepare(), CookOptions.defaults().withProfile(BuildProfile.RELEASE));
    scenario.copySources();

    CookScenario.BuildOutcome build = scenario.build("--release");

    assertOnlyTheWorkspaceRebuilt(scenario, build, "target/release/app");
  }

  @Test
  void customProfileThatInheritsRelease() {
    CookScenario scenario = scenario();
    CookResult cook =
        scenario.cook(scenario.prepare(), CookOptions.defaults().withProfile(new BuildProfile("dist")));
    assertFalse(Files.exists(scenario.cook.resolve("target/dist/app")), "dummy program removed from target/dist");
    assertTrue(cook.removedArtifacts() > 0);
    scenario.copySources();

    CookScenario.BuildOutcome build = scenario.build("--profile", "dist");

    assertOnlyTheWorkspaceRebuilt(scenario, build, "target/dist/app");
  }

  @Test
  void hostTargetAndCustomTargetDirectory() {
    CookScenario scenario = scenario();
    String host = scenario.hostTriple();
    scenario.cook(
        scenario.prepare(),
        CookOptions.defaults().withCompilation(CompilationOptions.DEFAULT.withTargets(List.of(host)).withTargetDirectory(Path.of("build-out"))));
    assertFalse(Files.exists(scenario.cook.resolve("build-out/" + host + "/debug/app")));
    scenario.copySources();

    CookScenario.BuildOutcome build = scenario.build("--target", host, "--target-dir", "build-out");

    assertOnlyTheWorkspaceRebuilt(scenario, build, "build-out/" + host + "/debug/app");
  }

  @Test
  void onePackageStaysFreshWhenAnUnrelatedMemberIsEdited() {
    CookScenario scenario = scenario();
    Recipe recipe = scenario.prepare("app");
    scenario.cook(recipe, CookOptions.defaults().withPackages(PackageSelection.of(List.of("app"))));
    scenario.edit("tool/src/main.rs", "//! Edited.\n\nfn main() { println!(\"edited\"); }\n");
    scenario.edit("tool/Cargo.toml", scenarioFile(scenario, "tool/Cargo.toml") + "\n[dev-dependencies]\nchef-shout = \"1.0.0\"\n");
    assertEquals(RecipeJson.write(recipe), RecipeJson.write(scenario.prepare("app")), "with --bin app, tool is outside the recipe");
    scenario.copySources();

    CookScenario.BuildOutcome build = scenario.build("-p", "app");

    assertEquals(List.of(), build.externalCompiled());
    assertEquals(WORKSPACE_UNITS, build.localCompiled());
  }

  @Test
  void aRootPackageLeftOutByBinKeepsTheResolverItsEditionImplies() {
    // prepare --bin tool makes the root manifest virtual. Without the resolver the root
    // package's edition implies ("2"), cook would resolve with "1" and build chef-shout with the
    // dev-dependency's `loud` feature; the real build would then compile chef-shout again.
    CookScenario scenario =
        CookScenario.of(
                base,
                Fixture.of(
                    "Cargo.toml",
                    "[package]\nname = \"root\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[workspace]\nmembers = [\"tool\"]\n",
                    "src/main.rs", "fn main() {}\n",
                    "tool/Cargo.toml",
                    "[package]\nname = \"tool\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n"
                        + "[dependencies]\nchef-shout = \"1.0.0\"\n\n"
                        + "[dev-dependencies]\nchef-shout = { version = \"1.0.0\", features = [\"loud\"] }\n",
                    "tool/src/main.rs", "fn main() {\n    println!(\"{}\", chef_shout::shout(\"tool\"));\n}\n"))
            .lock();
    scenario.cook(scenario.prepare("tool"), CookOptions.defaults().withPackages(PackageSelection.of(List.of("tool"))));
    scenario.copySourcesKeepingTimes();

    CookScenario.BuildOutcome build = scenario.build("-p", "tool");

    assertEquals(List.of(), build.externalCompiled());
    assertEquals(List.of("tool tool"), build.localCompiled());
    assertEquals("TOOL\n", scenario.program("target/debug/tool"));
  }

  @Test
  void aManifestInTomlOnePointOneIsPreparedAndCooked() {
    CookScenario scenario = scenario();
    scenario.edit(
        "greeter/Cargo.toml",
        scenarioFile(scenario, "greeter/Cargo.toml")
            .replace("chef-greeting.workspace = true", "chef-greeting = {\n  workspace = true,\n}"));
    assertTrue(scenarioFile(scenario, "greeter/Cargo.toml").contains("workspace = true,\n}"));
    scenario.cook(scenario.prepare(), CookOptions.defaults());
    scenario.copySourcesKeepingTimes();

    assertOnlyTheWorkspaceRebuilt(scenario, scenario.build(), "target/debug/app");
  }

  @Test
  void requiredFeaturesDoNotLeaveDependenciesUncompiled() {
    // tool's only binary requires the feature `fancy`; cargo would skip it, and with it
    // chef-extra, had prepare not dropped required-features from the skeleton.
    CookScenario scenario = scenario();
    CookResult cook = scenario.cook(scenario.prepare(), CookOptions.defaults());
    assertTrue(cook.compiledUnits() > 0);
    scenario.copySources();

    CookScenario.BuildOutcome build = scenario.build("--workspace", "--features", "tool/fancy");

    assertEquals(List.of(), build.externalCompiled());
    assertEquals(List.of("app app", "app build-script-build", "greeter greeter", "tool tool"), build.localCompiled());
    assertEquals("extra: 42\n", scenario.program("target/debug/tool"));
  }

  @Test
  void editingSourcesAndBuildScriptsKeepsTheRecipeAndTheDependenciesFresh() {
    CookScenario scenario = scenario();
    Recipe recipe = scenario.prepare();
    scenario.cook(recipe, CookOptions.defaults());
    scenario.edit("greeter/src/lib.rs", "//! Edited.\n\n/// Edited.\npub fn welcome(name: &str) -> String {\n    format!(\"edited {}\", chef_greeting::greet(name))\n}\n");
    scenario.edit("app/build.rs", "//! Edited.\n\nfn main() {\n    println!(\"cargo:rustc-env=APP_BUILT_BY=the edited build script\");\n}\n");
    assertEquals(RecipeJson.write(recipe), RecipeJson.write(scenario.prepare()));
    scenario.copySources();

    CookScenario.BuildOutcome build = scenario.build();

    assertEquals(List.of(), build.externalCompiled());
    assertEquals(WORKSPACE_UNITS, build.localCompiled());
    assertEquals(
        "edited HELLO, JCHEF!!!\nhello from derived Demo\nbuilt by chef-build-info's build script\nthe edited build script\n",
        scenario.program("target/debug/app"));
  }

  @Test
  void aNewRegistryDependencyChangesTheRecipeAndIsCompiledByTheRealBuild() {
    CookScenario scenario = scenario();
    Recipe before = scenario.prepare();
    scenario.cook(before, CookOptions.defaults());
    scenario.edit("greeter/Cargo.toml", scenarioFile(scenario, "greeter/Cargo.toml").replace("[dependencies]\n", "[dependencies]\nchef-newcomer = \"1.0.0\"\n"));
    CookScenario.Run lock = scenario.exec(scenario.project, List.of("cargo", "generate-lockfile"));
    assertEquals(0, lock.exitCode(), lock.stderr());

    assertNotEquals(RecipeJson.write(before), RecipeJson.write(scenario.prepare()));
    scenario.copySources();
    assertEquals(List.of("chef-newcomer chef_newcomer"), scenario.build().externalCompiled());
  }

  @Test
  void aToolchainFileWinsOverRustupToolchainInTheEnvironment() {
    CookScenario scenario =
        CookScenario.of(base, CookScenario.example().with("rust-toolchain.toml", "[toolchain]\nchannel = \"stable\"\n"));
    scenario.environment.put("RUSTUP_TOOLCHAIN", "jchef-no-such-toolchain");

    CookResult cook = scenario.cook(scenario.prepare(), CookOptions.defaults());

    assertTrue(cook.compiledUnits() > 0, "cargo ran with the file's toolchain: " + cook.summary());
  }

  @Test
  void cargosExitStatusBecomesCooks() {
    CookScenario scenario = scenario().expectingFailures();

    CookException error =
        org.junit.jupiter.api.Assertions.assertThrows(
            CookException.class,
            () -> scenario.cook(scenario.prepare(), CookOptions.defaults().withFeatures(FeatureSelection.of(List.of("no-such-feature")))));

    assertEquals(101, error.exitCode());
    assertEquals("cargo build failed with exit status 101 (cargo's messages above say why)", error.getMessage());
  }

  /** No registry crate compiled, every workspace unit did, and the program prints the real output. */
  private void assertOnlyTheWorkspaceRebuilt(
      CookScenario scenario, CookScenario.BuildOutcome build, String program) {
    assertEquals(List.of(), build.externalCompiled());
    assertEquals(WORKSPACE_UNITS, build.localCompiled());
    assertEquals(REAL_OUTPUT, scenario.program(program));
  }

  private static String scenarioFile(CookScenario scenario, String path) {
    try {
      return Files.readString(scenario.project.resolve(path));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

}
