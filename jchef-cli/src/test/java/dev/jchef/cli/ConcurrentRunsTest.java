package dev.jchef.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jchef.model.testing.Cargo;
import dev.jchef.model.testing.Processes;
import dev.jchef.model.testing.TestRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;

/**
 * Runs at the same time, as two CI jobs sharing a directory or a retried step do: cooks of one
 * directory take turns (the second says it waits) and both succeed, with the real build on top
 * right; prepares writing one recipe leave a whole recipe.
 */
@Tag("slow")
class ConcurrentRunsTest {
  private static final String WAITING = "jchef cook: waiting for another cook of ";

  @TempDir Path base;

  @Test
  void twoCooksOfOneDirectoryTakeTurnsAndBothSucceed() throws Exception {
    Cargo.assumeAvailable();
    Map<String, String> environment = TestRegistry.environment(TestRegistry.cargoHome(base.resolve("cargo-home")));
    Path project = RealBuilds.copyTree(RealBuilds.EXAMPLE, base.resolve("project"));
    Path cook = Files.createDirectories(base.resolve("cook"));
    assertEquals(0, JchefProcesses.run(project, environment, "prepare", "-q", "--recipe-path",
        cook.resolve("recipe.json").toString()).exitCode());

    List<Process> cooks = new ArrayList<>();
    List<Path> errs = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Path err = base.resolve("cook-" + i + ".err");
      errs.add(err);
      cooks.add(JchefProcesses.start(cook, environment, List.of("cook"), false, ProcessBuilder.Redirect.to(err.toFile())));
    }
    int waited = 0;
    for (int i = 0; i < 2; i++) {
      assertTrue(cooks.get(i).waitFor(10, TimeUnit.MINUTES), "cook " + i + " finished");
      String err = Files.readString(errs.get(i));
      assertEquals(0, cooks.get(i).exitValue(), err);
      if (err.contains(WAITING + cook)) {
        waited++;
      }
    }
    assertEquals(1, waited, "exactly one of two cooks started together waits for the other");
    RealBuilds.assertRealBuildOnTop(project, cook, environment, "after two cooks at once");
    FaultReport.record("two cooks of one directory at once", 2, 2, "one waited, both succeeded, the real build is right");
  }

  @Test
  void preparesWritingOneRecipeAtOnceLeaveAWholeRecipe() throws Exception {
    Map<String, String> environment = new HashMap<>(System.getenv());
    Path project = RealBuilds.copyTree(RealBuilds.EXAMPLE, base.resolve("project"));
    assertEquals(0, JchefProcesses.run(project, environment, "prepare", "-q", "--recipe-path", "expected.json").exitCode());
    String expected = Files.readString(project.resolve("expected.json"));

    List<Process> prepares = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      prepares.add(JchefProcesses.start(project, environment, List.of("prepare", "-q"), false, ProcessBuilder.Redirect.DISCARD));
    }
    for (Process prepare : prepares) {
      assertTrue(prepare.waitFor(2, TimeUnit.MINUTES));
      assertEquals(0, prepare.exitValue());
    }
    assertEquals(expected, Files.readString(project.resolve("recipe.json")));
    try (var entries = Files.list(project)) {
      assertEquals(List.of(), entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".recipe.json")).toList(),
          "temporary files left beside the recipe");
    }
    FaultReport.record("four prepares writing one recipe at once", 4, 4, "a whole recipe, no temporary file left");
  }
}
