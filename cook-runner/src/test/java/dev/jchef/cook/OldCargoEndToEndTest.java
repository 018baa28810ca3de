package dev.jchef.cook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jchef.model.testing.Fixture;
import dev.jchef.model.testing.Processes;
import dev.jchef.model.testing.RequiredTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;

/**
 * Cook with the cargo of a builder image: Debian 12's cargo 1.65 and rustc 1.63, whose JSON
 * messages name packages in the form before cargo 1.77 ({@code app 0.0.1 (path+file:///...)}).
 * The package is at the masked version, so only the cleaner's removal of the dummy's units makes
 * the real build compile it. Needs {@code /usr/bin/cargo} older than 1.77 (apt-get install cargo
 * rustc); skipped, saying so, where it is missing, unless {@code JCHEF_REQUIRE_OLD_CARGO} is true
 * (CI installs it).
 */
@Tag("slow")
class OldCargoEndToEndTest {
  private static final Path CARGO = Path.of("/usr/bin/cargo");
  private static final Path RUSTC = Path.of("/usr/bin/rustc");

  @TempDir Path base;

  @Test
  void theDummiesOfAPackageAtTheMaskedVersionAreRemovedWithDebiansCargo() {
    CookScenario scenario = scenario();

    CookResult cook = scenario.cook(scenario.prepare(), CookOptions.defaults().withProfile(BuildProfile.RELEASE));
    assertTrue(cook.removedArtifacts() > 0, cook.summary());

    assertTheRealBuildCompilesTheWorkspace(scenario);
  }

  @Test
  void noBuildThenTheUsersOwnBuildWithDebiansCargo() {
    // Nothing is removed: Debian's cargo compiles the dummies again because their description
    // (in the unit's fingerprint before cargo 1.85) is not the real one.
    CookScenario scenario = scenario();
    scenario.cook(scenario.prepare(), CookOptions.defaults().withSubcommand(CargoSubcommand.NO_BUILD));
    scenario.build("--release");

    assertTheRealBuildCompilesTheWorkspace(scenario);
  }

  private CookScenario scenario() {
    assumeOldCargo();
    CookScenario scenario =
        CookScenario.of(
            base,
            Fixture.of(
                "Cargo.toml",
                "[package]\nname = \"app\"\nversion = \"0.0.1\"\nedition = \"2021\"\n\n[lib]\nname = \"applib\"\n\n"
                    + "[dependencies]\nchef-shout = \"1.0.0\"\n",
                "build.rs",
                "fn main() {\n    let out = std::env::var(\"OUT_DIR\").unwrap();\n"
                    + "    std::fs::write(format!(\"{}/g.rs\", out), \"const GENERATED: &str = \\\"generated\\\";\").unwrap();\n}\n",
                "src/lib.rs", "pub fn message() -> String {\n    chef_shout::shout(\"the real app\")\n}\n",
                "src/main.rs",
                "include!(concat!(env!(\"OUT_DIR\"), \"/g.rs\"));\n\n"
                    + "fn main() {\n    println!(\"{} {}\", applib::message(), GENERATED);\n}\n"));
    scenario.environment.put("CARGO", CARGO.toString());
    scenario.environment.put("RUSTC", RUSTC.toString());
    return scenario.lock();
  }

  private static void assertTheRealBuildCompilesTheWorkspace(CookScenario scenario) {
    scenario.copySourcesKeepingTimes();
    CookScenario.BuildOutcome build = scenario.build("--release");

    assertEquals(List.of(), build.externalCompiled());
    assertEquals(List.of("app app", "app applib", "app build-script-build"), build.localCompiled());
    assertEquals("THE REAL APP generated\n", scenario.program("target/release/app"));
  }

  private static void assumeOldCargo() {
    boolean present = Files.isExecutable(CARGO) && Files.isExecutable(RUSTC);
    if (present) {
      Processes.Result version = Processes.run(Path.of("."), System.getenv(), List.of(CARGO.toString(), "--version"));
      Matcher minor = Pattern.compile("cargo 1\\.(\\d+)").matcher(version.stdout());
      present = minor.find() && Integer.parseInt(minor.group(1)) < 77;
    }
    RequiredTools.assume(present, "Debian's cargo before 1.77 (" + CARGO + ")", "JCHEF_REQUIRE_OLD_CARGO");
  }
}
