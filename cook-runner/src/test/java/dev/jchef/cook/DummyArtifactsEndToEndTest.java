package dev.jchef.cook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jchef.model.testing.Fixture;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;

/**
 * No dummy survives a cook, wherever cargo put it, with real cargo: the package is {@code app}
 * 0.0.1, the version prepare masks to, so the dummy's units have the real ones' hashes; and the
 * sources are copied keeping their times, older than the cook, as a Dockerfile's {@code COPY}
 * does. Only removing the units cargo reported makes the real build compile them again.
 */
@Tag("slow")
class DummyArtifactsEndToEndTest {
  private static final Fixture APP =
      Fixture.of(
          "Cargo.toml",
          "[package]\nname = \"app\"\nversion = \"0.0.1\"\nedition = \"2021\"\n\n[lib]\nname = \"applib\"\n\n"
              + "[dependencies]\nchef-shout = \"1.0.0\"\n",
          "src/lib.rs", "pub fn message() -> String {\n    chef_shout::shout(\"the real app\")\n}\n",
          "src/main.rs", "fn main() {\n    println!(\"{}\", applib::message());\n}\n");
  private static final Fixture APP_WITH_BUILD_SCRIPT =
      APP.with(
              "build.rs",
              "fn main() {\n    let out = std::env::var(\"OUT_DIR\").unwrap();\n"
                  + "    std::fs::write(format!(\"{out}/g.rs\"), \"const GENERATED: &str = \\\"generated\\\";\").unwrap();\n}\n")
          .with(
              "src/main.rs",
              "include!(concat!(env!(\"OUT_DIR\"), \"/g.rs\"));\n\n"
                  + "fn main() {\n    println!(\"{} {}\", applib::message(), GENERATED);\n}\n");
  private static final List<String> APP_UNITS = List.of("app app", "app applib");

  @TempDir java.nio.file.Path base;

  private CookScenario scenario(Fixture project) {
    return CookScenario.of(base, project).lock();
  }

  @Test
  void buildTargetInTheRecipesCargoConfig() {
    CookScenario scenario = scenario(APP);
    String host = scenario.hostTriple();
    scenario.edit(".cargo/config.toml", "[build]\ntarget = \"" + host + "\"\n");

    CookResult cook = scenario.cook(scenario.prepare(), CookOptions.defaults().withProfile(BuildProfile.RELEASE));
    assertTrue(cook.removedArtifacts() > 0, cook.summary());
    scenario.copySourcesKeepingTimes();
    CookScenario.BuildOutcome build = scenario.build("--release");

    assertEquals(List.of(), build.externalCompiled());
    assertEquals(APP_UNITS, build.localCompiled());
    assertEquals("THE REAL APP\n", scenario.program("target/" + host + "/release/app"));
  }

  @Test
  void targetDirectoryInTheRecipesCargoConfigCookedTwice() {
    CookScenario scenario = scenario(APP.with(".cargo/config.toml", "[build]\ntarget-dir = \"build-out\"\n"));
    CookOptions release = CookOptions.defaults().withProfile(BuildProfile.RELEASE);

    scenario.cook(scenario.prepare(), release);
    CookResult again = scenario.cook(scenario.prepare(), release);
    assertTrue(again.removedArtifacts() > 0, again.summary());
    scenario.copySourcesKeepingTimes();
    CookScenario.BuildOutcome build = scenario.build("--release");

    assertEquals(List.of(), build.externalCompiled());
    assertEquals(APP_UNITS, build.localCompiled());
    assertEquals("THE REAL APP\n", scenario.program("build-out/release/app"));
  }

  @Test
  void targetAndTargetDirectoryFromCargoBuildVariables() {
    CookScenario scenario = scenario(APP);
    String host = scenario.hostTriple();
    scenario.environment.put("CARGO_BUILD_TARGET", host);
    scenario.environment.put("CARGO_BUILD_TARGET_DIR", base.resolve("elsewhere").toString());

    scenario.cook(scenario.prepare(), CookOptions.defaults());
    scenario.copySourcesKeepingTimes();
    CookScenario.BuildOutcome build = scenario.build();

    assertEquals(List.of(), build.externalCompiled());
    assertEquals(APP_UNITS, build.localCompiled());
    assertEquals("THE REAL APP\n", scenario.program(base.resolve("elsewhere/" + host + "/debug/app").toString()));
  }

  @Test
  void noBuildThenTheUsersOwnCargoBuildOfTheSkeleton() {
    // cook --no-build removes nothing: the user's own build of the skeleton leaves the dummies'
    // units, with the real ones' hashes (version 0.0.1) and newer than the real sources. The
    // dummies' description, recorded in their dep-info, is what makes cargo compile them again.
    CookScenario scenario = scenario(APP_WITH_BUILD_SCRIPT);
    scenario.cook(scenario.prepare(), CookOptions.defaults().withSubcommand(CargoSubcommand.NO_BUILD));
    CookScenario.BuildOutcome dummies = scenario.build("--release");
    assertEquals(List.of("app app", "app applib", "app build-script-build"), dummies.localCompiled());
    scenario.copySourcesKeepingTimes();

    CookScenario.BuildOutcome build = scenario.build("--release");

    assertEquals(List.of(), build.externalCompiled());
    assertEquals(List.of("app app", "app applib", "app build-script-build"), build.localCompiled());
    assertEquals("THE REAL APP generated\n", scenario.program("target/release/app"));
  }

  @Test
  void dummiesPassTheLintsTheConfigsRustflagsDeny() {
    // The real crates are documented and use every dependency; the dummies, which use none,
    // must not fail the cook.
    CookScenario scenario =
        scenario(
            Fixture.of(
                "Cargo.toml",
                "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n"
                    + "[dependencies]\nchef-shout = \"1.0.0\"\n\n[build-dependencies]\nchef-extra = \"1.0.0\"\n",
                ".cargo/config.toml",
                "[build]\nrustflags = [\"-D\", \"warnings\", \"-D\", \"missing_docs\", \"-D\", \"unused_crate_dependencies\"]\n",
                "build.rs", "//! Checks the build.\n\nfn main() {\n    assert_eq!(chef_extra::extra(), 42);\n}\n",
                "src/lib.rs", "//! The app.\n\n/// The message.\npub fn message() -> String {\n    chef_shout::shout(\"linted\")\n}\n",
                "src/main.rs", "//! The program.\n\nuse chef_shout as _;\n\nfn main() {\n    println!(\"{}\", app::message());\n}\n"));

    scenario.cook(scenario.prepare(), CookOptions.defaults());
    scenario.copySourcesKeepingTimes();
    CookScenario.BuildOutcome build = scenario.build();

    assertEquals(List.of(), build.externalCompiled());
    assertEquals("LINTED\n", scenario.program("target/debug/app"));
  }

  @Test
  void buildScriptCompiledForTheHostInACrossBuild() {
    CookScenario scenario = scenario(APP_WITH_BUILD_SCRIPT);
    String host = scenario.hostTriple();

    scenario.cook(
        scenario.prepare(),
        CookOptions.defaults().withCompilation(CompilationOptions.DEFAULT.withProfile(BuildProfile.RELEASE).withTargets(List.of(host))));
    scenario.copySourcesKeepingTimes();
    CookScenario.BuildOutcome build = scenario.build("--release", "--target", host);

    assertEquals(List.of(), build.externalCompiled());
    assertEquals(List.of("app app", "app applib", "app build-script-build"), build.localCompiled());
    assertEquals("THE REAL APP generated\n", scenario.program("target/" + host + "/release/app"));
  }

  @Test
  void nativeLibrariesWhichCargoNamesWithoutTheHash() throws java.io.IOException {
    // cdylib and staticlib keep their names in deps/; with the masked version and an explicit
    // name and path, nothing but the removed originals tells cargo to build them again.
    CookScenario scenario =
        scenario(
            Fixture.of(
                "Cargo.toml",
                "[package]\nname = \"plug\"\nversion = \"0.0.1\"\nedition = \"2021\"\n\n"
                    + "[lib]\nname = \"plug\"\npath = \"src/lib.rs\"\ncrate-type = [\"cdylib\", \"staticlib\", \"rlib\"]\n\n"
                    + "[dependencies]\nchef-extra = \"1.0.0\"\n",
                "src/lib.rs",
                "#[no_mangle]\npub extern \"C\" fn plug_real() -> u32 {\n    chef_extra::extra()\n}\n"));

    scenario.cook(scenario.prepare(), CookOptions.defaults());
    scenario.copySourcesKeepingTimes();
    CookScenario.BuildOutcome build = scenario.build();

    assertEquals(List.of(), build.externalCompiled());
    assertEquals(List.of("plug plug"), build.localCompiled());
    for (String library : List.of("target/debug/libplug.so", "target/debug/libplug.a", "target/debug/libplug.rlib")) {
      String bytes = new String(java.nio.file.Files.readAllBytes(scenario.cook.resolve(library)), java.nio.charset.StandardCharsets.ISO_8859_1);
      assertTrue(bytes.contains("plug_real"), library + " is the real library");
    }
  }
}
