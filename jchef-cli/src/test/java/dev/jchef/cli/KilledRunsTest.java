package dev.jchef.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jchef.model.testing.Cargo;
import dev.jchef.model.testing.Processes;
import dev.jchef.model.testing.TestRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;

/**
 * Killed at any moment, a run is simply run again: {@code jchef cook} of the example workspace
 * killed with SIGKILL at points spread over a whole cook (JVM start, skeleton writing, cargo's
 * build, removing the dummies), both with its whole process group (as a CI cancel does) and alone
 * (cargo goes on as an orphan), and with its group as soon as the skeleton writer has written its
 * first file, a third, two thirds and all of them; then run again in the same directory: the
 * recipe is unchanged, the re-run succeeds, and the real build on top compiles no registry crate
 * and gives the real program. And {@code jchef
 * prepare} killed while it replaces a recipe leaves the old recipe or the new one, never a mix.
 */
@Tag("slow")
class KilledRunsTest {
  @TempDir Path base;

  @Test
  void aCookKilledAnywhereIsRunAgainAndTheRealBuildIsRight() throws Exception {
    Cargo.assumeAvailable();
    Map<String, String> environment = TestRegistry.environment(TestRegistry.cargoHome(base.resolve("cargo-home")));
    Path project = RealBuilds.copyTree(RealBuilds.EXAMPLE, base.resolve("project"));
    Path recipe = base.resolve("recipe.json");
    assertEquals(0, JchefProcesses.run(project, environment, "prepare", "-q", "--recipe-path", recipe.toString()).exitCode());

    long whole = timedCook(base.resolve("timing"), recipe, environment);
    int skeletonFiles = skeletonFiles(base.resolve("timing"));
    byte[] recipeBytes = Files.readAllBytes(recipe);
    List<String> outcomes = new ArrayList<>();
    int trial = 0;
    for (boolean group : new boolean[] {true, false}) {
      for (double fraction : new double[] {0.05, 0.25, 0.5, 0.7, 0.9, 1.0}) {
        Path cook = Files.createDirectories(base.resolve("cook-" + trial++));
        Files.copy(recipe, cook.resolve("recipe.json"));
        long killAt = (long) (whole * fraction);
        boolean finished = cookKilledAt(cook, environment, killAt, group);
        String when = (group ? "group" : "jchef alone") + " at " + killAt + " ms";
        runAgainAndBuild(project, cook, recipeBytes, environment, when);
        outcomes.add(when + (finished ? " (had finished)" : ""));
      }
    }
    // Points by file operations: once the skeleton writer has written k of its files.
    for (int k : new int[] {1, skeletonFiles / 3, 2 * skeletonFiles / 3, skeletonFiles}) {
      Path cook = Files.createDirectories(base.resolve("cook-" + trial++));
      Files.copy(recipe, cook.resolve("recipe.json"));
      int seen = cookKilledAfterFiles(cook, environment, k);
      String when = "group after " + seen + " of " + skeletonFiles + " skeleton files";
      runAgainAndBuild(project, cook, recipeBytes, environment, when);
      outcomes.add(when);
    }
    FaultReport.record("cook killed (SIGKILL, process group and jchef alone)", outcomes.size(), outcomes.size(), outcomes.toString());
  }

  /** The cook run again succeeds, the recipe is as it was, and the real build on top is right. */
  private static void runAgainAndBuild(Path project, Path cook, byte[] recipe, Map<String, String> environment, String when)
      throws IOException {
    assertArrayEquals(recipe, Files.readAllBytes(cook.resolve("recipe.json")), "the recipe after a kill " + when);
    Processes.Result again = JchefProcesses.run(cook, environment, "cook");
    assertEquals(0, again.exitCode(), "the cook run again after a kill " + when + ": " + again.stderr());
    RealBuilds.assertRealBuildOnTop(project, cook, environment, "after a kill " + when);
  }

  /** The files of a cooked directory outside target/ and .jchef/, but the recipe: the skeleton. */
  private static int skeletonFiles(Path cook) throws IOException {
    try (Stream<Path> paths = Files.walk(cook)) {
      return (int) paths.filter(Files::isRegularFile)
          .map(cook::relativize)
          .filter(p -> !p.startsWith("target") && !p.startsWith(".jchef") && !p.toString().equals("recipe.json"))
          .count();
    }
  }

  /**
   * Starts a cook in its own process group and kills the group as soon as the skeleton has
   * {@code files} files (polled every millisecond); returns how many it had when killed.
   */
  private int cookKilledAfterFiles(Path cook, Map<String, String> environment, int files) throws Exception {
    Process process = JchefProcesses.start(cook, environment, List.of("cook"), true, ProcessBuilder.Redirect.DISCARD);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    int seen = 0;
    while (process.isAlive() && System.nanoTime() < deadline && (seen = skeletonFilesWhileWriting(cook)) < files) {
      Thread.sleep(1);
    }
    new ProcessBuilder("kill", "-KILL", "--", "-" + process.pid()).start().waitFor();
    process.waitFor();
    return seen;
  }

  /** {@link #skeletonFiles}, tolerating files that vanish while it counts (temporary files moved). */
  private static int skeletonFilesWhileWriting(Path cook) {
    try {
      return skeletonFiles(cook);
    } catch (IOException | java.io.UncheckedIOException e) {
      return 0;
    }
  }

  @Test
  void aPrepareKilledWhileItReplacesARecipeLeavesTheOldOrTheNew() throws Exception {
    Map<String, String> environment = new HashMap<>(System.getenv());
    Path project = RealBuilds.copyTree(RealBuilds.EXAMPLE, base.resolve("project"));
    Path recipe = project.resolve("recipe.json");
    assertEquals(0, JchefProcesses.run(project, environment, "prepare", "-q").exitCode());
    String before = Files.readString(recipe);
    Files.writeString(project.resolve("greeter/Cargo.toml"),
        Files.readString(project.resolve("greeter/Cargo.toml")) + "\n[dev-dependencies]\nchef-extra = \"1.0.0\"\n");
    assertEquals(0, JchefProcesses.run(project, environment, "prepare", "-q", "--recipe-path", "new.json").exitCode());
    String fresh = Files.readString(project.resolve("new.json"));
    int old = 0;
    int replaced = 0;
    for (long killAt : new long[] {200, 500, 800, 1100, 1400, 1700, 2000, 2500, 3000, 4000}) {
      Files.writeString(recipe, before);
      Process process = JchefProcesses.start(project, environment, List.of("prepare", "-q"), false, ProcessBuilder.Redirect.DISCARD);
      if (!process.waitFor(killAt, TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
      }
      String now = Files.readString(recipe);
      assertTrue(now.equals(before) || now.equals(fresh), "the old recipe or the new one after a kill at " + killAt + " ms");
      if (now.equals(before)) {
        old++;
      } else {
        replaced++;
      }
    }
    FaultReport.record("prepare killed while replacing a recipe", old + replaced, old + replaced,
        old + " left the old recipe, " + replaced + " the new one");
  }

  private long timedCook(Path cook, Path recipe, Map<String, String> environment) throws IOException {
    Files.createDirectories(cook);
    Files.copy(recipe, cook.resolve("recipe.json"));
    long start = System.nanoTime();
    Processes.Result result = JchefProcesses.run(cook, environment, "cook");
    assertEquals(0, result.exitCode(), result.stderr());
    return (System.nanoTime() - start) / 1_000_000;
  }

  /** Starts a cook, kills it after {@code millis}; returns whether it had finished by then. */
  private boolean cookKilledAt(Path cook, Map<String, String> environment, long millis, boolean group) throws Exception {
    Process process = JchefProcesses.start(cook, environment, List.of("cook"), group, ProcessBuilder.Redirect.DISCARD);
    if (process.waitFor(millis, TimeUnit.MILLISECONDS)) {
      return true;
    }
    if (group) {
      new ProcessBuilder("kill", "-KILL", "--", "-" + process.pid()).start().waitFor();
    } else {
      process.destroyForcibly();
    }
    process.waitFor();
    return false;
  }
}
