package dev.jchef.cook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;

/** Compile times from cargo's --timings report, for weighing member layers. */
class CompileTimesTest {
  @TempDir Path base;

  @Test
  void sumsTheDurationsOfEachPackagesUnitsFromTheReport() throws IOException {
    Path report = base.resolve("cargo-timing.html");
    Files.writeString(report,
        "<html><script>\nconst UNIT_DATA = [\n  {\n    \"i\": 1,\n    \"name\": \"a-lib\",\n    \"version\": \"0.1.0\",\n"
            + "    \"mode\": \"todo\",\n    \"target\": \" build-script\",\n    \"start\": 0.0,\n    \"duration\": 0.25,\n"
            + "    \"unblocked_units\": [],\n    \"sections\": null\n  },\n  {\n    \"i\": 0,\n    \"name\": \"a-lib\",\n"
            + "    \"duration\": 1.5,\n    \"unblocked_units\": [2]\n  },\n  {\n    \"i\": 2,\n    \"name\": \"b\",\n"
            + "    \"duration\": 0.75\n  }\n];\nconst CONCURRENCY_DATA = [];\n</script></html>\n");

    assertEquals(Map.of("a-lib", 1.75, "b", 0.75), CompileTimes.read(report));
  }

  @Test
  void aReportWithoutUnitDataIsAClearError() throws IOException {
    Path report = Files.writeString(base.resolve("cargo-timing.html"), "<html></html>");

    CookException error = assertThrows(report);

    assertEquals(report + ": no UNIT_DATA in cargo's timing report; this cargo writes another format", error.getMessage());
  }

  /** With real cargo: every workspace package a build compiles is timed; the user's own units are untouched. */
  @Tag("slow")
  @Test
  void measuresEveryWorkspacePackageInADirectoryOfItsOwn() {
    CookScenario scenario = CookScenario.of(base, CookScenario.example());
    StringWriter log = new StringWriter();

    Map<String, Double> seconds =
        CookRunner.in(scenario.project, CookOptions.defaults())
            .withEnvironment(scenario.environment)
            .withOutput(new PrintWriter(log, true), new PrintWriter(log, true), false)
            .measureCompileSeconds();

    // tool's only target requires a feature a default build does not enable: nothing of it compiles.
    assertEquals(java.util.Set.of("app", "greeter"), seconds.keySet(), log.toString());
    assertTrue(seconds.get("greeter") > 0 && seconds.get("app") > 0, seconds.toString());
    assertTrue(Files.isDirectory(scenario.project.resolve("target/jchef-measure/debug")));
    assertFalse(Files.exists(scenario.project.resolve("target/debug")));
  }

  private static CookException assertThrows(Path report) {
    return org.junit.jupiter.api.Assertions.assertThrows(CookException.class, () -> CompileTimes.read(report));
  }
}
