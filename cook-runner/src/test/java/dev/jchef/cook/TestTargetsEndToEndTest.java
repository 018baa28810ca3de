package dev.jchef.cook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jchef.model.testing.Fixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;

/**
 * Every cook flag that builds tests, benches or examples pre-builds what the same real build
 * needs, with real cargo, although the recipe leaves out the targets that only their files
 * declare: a member with nothing but integration tests ({@code it}), a member whose example alone
 * uses a dev-dependency ({@code demos}), a bench using one ({@code app}).
 */
@Tag("slow")
class TestTargetsEndToEndTest {
  private static final Fixture WORKSPACE =
      Fixture.of(
          "Cargo.toml", "[workspace]\nmembers = [\"app\", \"it\", \"demos\"]\nresolver = \"2\"\n",
          "app/Cargo.toml",
          "[package]\nname = \"app\"\nversion = \"1.0.0\"\nedition = \"2021\"\n\n"
              + "[dependencies]\nchef-shout = \"1.0.0\"\n\n[dev-dependencies]\nchef-newcomer = \"1.0.0\"\n",
          "app/src/lib.rs", "pub fn name() -> String {\n    chef_shout::shout(\"app\")\n}\n",
          "app/src/main.rs", "fn main() {\n    println!(\"{}\", app::name());\n}\n",
          "app/benches/speed.rs", "#[test]\nfn arrived() {\n    assert!(chef_newcomer::arrived());\n}\n",
          "it/Cargo.toml",
          "[package]\nname = \"it\"\nversion = \"1.0.0\"\nedition = \"2021\"\n\n"
              + "[dev-dependencies]\nchef-greeting = \"1.0.0\"\n",
          "it/tests/one.rs", "#[test]\nfn greets() {\n    assert_eq!(chef_greeting::greet(\"one\"), \"HELLO, ONE\");\n}\n",
          "it/tests/two.rs", "#[test]\nfn greets() {\n    assert_eq!(chef_greeting::greet(\"two\"), \"HELLO, TWO\");\n}\n",
          "demos/Cargo.toml",
          "[package]\nname = \"demos\"\nversion = \"1.0.0\"\nedition = \"2021\"\n\n"
              + "[dev-dependencies]\nchef-extra = \"1.0.0\"\n",
          "demos/src/lib.rs", "pub fn one() -> u32 {\n    1\n}\n",
          "demos/examples/demo.rs", "fn main() {\n    println!(\"demo {}\", chef_extra::extra() + demos::one());\n}\n");

  @TempDir Path base;

  /** Cooks with {@code options}, copies the sources in, builds with {@code args}. */
  private CookScenario.BuildOutcome cookThenBuild(CookOptions options, String... args) {
    CookScenario scenario = CookScenario.of(base, WORKSPACE).lock();
    CookResult cook = scenario.cook(scenario.prepare(), options);
    assertTrue(cook.compiledUnits() > 0, cook.summary());
    scenario.copySourcesKeepingTimes();
    CookScenario.BuildOutcome build = scenario.build(args);
    assertEquals(List.of(), build.externalCompiled(), "registry crates the cook should have built");
    assertTrue(
        build.localCompiled().stream().noneMatch(unit -> unit.contains("jchef-stand-in")),
        "the real build compiled a stand-in the skeleton left: " + build.localCompiled());
    return build;
  }

  private static CookOptions targets(TargetSelection selection) {
    return CookOptions.defaults().withTargets(selection);
  }

  @Test
  void aPlainCookLoadsAWorkspaceWithATestsOnlyMember() {
    cookThenBuild(CookOptions.defaults(), "--workspace");
  }

  @Test
  void tests() {
    CookScenario.BuildOutcome build =
        cookThenBuild(targets(TargetSelection.DEFAULT.withAll(true, false, false, false)), "--tests");
    assertTrue(build.localCompiled().containsAll(List.of("it one", "it two", "app app")), build.localCompiled().toString());
  }

  @Test
  void oneTestTheRecipeLeftOut() {
    CookScenario.BuildOutcome build = cookThenBuild(targets(TargetSelection.DEFAULT.withTests(List.of("one"))), "--test", "one");
    assertEquals(List.of("it one"), build.localCompiled());
  }

  @Test
  void oneExampleTheRecipeLeftOutAndTheRealExampleRuns() {
    CookScenario scenario = CookScenario.of(base, WORKSPACE).lock();
    scenario.cook(scenario.prepare(), targets(TargetSelection.DEFAULT.withExamples(List.of("demo"))));
    scenario.copySourcesKeepingTimes();

    CookScenario.BuildOutcome build = scenario.build("--example", "demo");

    assertEquals(List.of(), build.externalCompiled());
    assertEquals(List.of("demos demo", "demos demos"), build.localCompiled());
    assertEquals("demo 43\n", scenario.program("target/debug/examples/demo"));
  }

  @Test
  void examples() {
    cookThenBuild(targets(TargetSelection.DEFAULT.withAll(false, false, true, false)), "--examples");
  }

  @Test
  void oneBenchTheRecipeLeftOut() {
    cookThenBuild(targets(TargetSelection.DEFAULT.withBenches(List.of("speed"))), "--bench", "speed");
  }

  @Test
  void allTargets() {
    cookThenBuild(targets(TargetSelection.DEFAULT.withAll(false, false, false, true)), "--all-targets");
  }

  @Test
  void workspaceExcludingAMember() {
    CookScenario.BuildOutcome build =
        cookThenBuild(
            CookOptions.defaults()
                .withPackages(PackageSelection.workspaceExcluding(List.of("demos")))
                .withTargets(TargetSelection.DEFAULT.withAll(true, false, false, false)),
            "--workspace", "--exclude", "demos", "--tests");
    assertTrue(build.localCompiled().stream().noneMatch(unit -> unit.startsWith("demos ")), build.localCompiled().toString());
  }
}
