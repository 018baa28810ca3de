package dev.jchef.cook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jchef.model.testing.Cargo;
import dev.jchef.model.testing.Fixture;
import dev.jchef.model.testing.Processes;
import dev.jchef.model.testing.TestRegistry;
import dev.jchef.recipe.LayerPlan;
import dev.jchef.recipe.Recipe;
import dev.jchef.recipe.json.RecipeJson;
import dev.jchef.recipe.plan.Planner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * One end-to-end run of the cargo-chef technique with real cargo, as a container build does it:
 * prepare in the project; cook in a fresh directory holding only the recipe (the registry comes
 * from a {@code CARGO_HOME}, as a builder image would provide it); copy the sources over with
 * fresh modification times, as {@code COPY . .} does; build for real and read cargo's JSON.
 */
final class CookScenario {
  /** The example workspace of {@code ./jchef demo}, relative to this module. */
  static final Path EXAMPLE = Path.of("..", "examples", "demo-workspace");

  final Path project;
  final Path cook;
  final Map<String, String> environment;
  private boolean showFailures = true;

  private CookScenario(Path project, Path cook, Map<String, String> environment) {
    this.project = project;
    this.cook = cook;
    this.environment = environment;
  }

  /** The example workspace, with {@code changes} applied, in {@code base}. */
  static CookScenario of(Path base, Fixture project) {
    Cargo.assumeAvailable();
    Path cargoHome = TestRegistry.cargoHome(base.resolve("cargo-home"));
    return new CookScenario(
        project.writeTo(base.resolve("project")),
        base.resolve("cook"),
        TestRegistry.environment(cargoHome));
  }

  static Fixture example() {
    return Fixture.ofDirectory(EXAMPLE);
  }

  Recipe prepare(String... bins) {
    return Planner.plan(dev.jchef.model.workspace.Workspace.discover(project), List.of(bins));
  }

  /** Cooks {@code recipe} in the cook directory, with the recipe file beside it. */
  CookResult cook(Recipe recipe, CookOptions options) {
    try {
      Files.createDirectories(cook);
      Path recipeFile = cook.resolve("recipe.json");
      Files.writeString(recipeFile, RecipeJson.write(recipe));
      return quietly(runner -> runner.cook(recipe, Optional.of(recipeFile)), options);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Builds layer {@code layer} of {@code plan} in the cook directory. */
  CookResult cookLayer(Recipe recipe, LayerPlan plan, int layer) {
    return quietly(runner -> runner.cookLayer(recipe, plan, layer, Optional.empty()), CookOptions.defaults());
  }

  /**
   * The final step of a build in member layers, in {@code directory} (the cook directory after
   * the sources were copied in, or the project itself): {@code jchef build}.
   */
  RealBuild.Report buildLayered(Path directory, LayerPlan plan) {
    return quietly(directory, runner -> runner.build(plan), CookOptions.defaults());
  }

  /** {@link #buildLayered(Path, LayerPlan)} with more environment variables for cargo. */
  RealBuild.Report buildLayered(Path directory, LayerPlan plan, Map<String, String> more) {
    Map<String, String> both = new java.util.HashMap<>(environment);
    both.putAll(more);
    return quietly(directory, runner -> runner.withEnvironment(both).build(plan), CookOptions.defaults());
  }

  /** {@code jchef layers --fix-times} in the cook directory, before a plain cargo build. */
  LayerCheck fixLayerTimes(LayerPlan plan) {
    return quietly(cook, runner -> runner.fixLayerTimes(plan), CookOptions.defaults());
  }

  /**
   * Runs a cook with its output kept; cargo's output belongs to a failing test's report only, so
   * that a green run stays short.
   */
  private CookResult quietly(Function<CookRunner, CookResult> cooking, CookOptions options) {
    return quietly(cook, cooking, options);
  }

  private <T> T quietly(Path directory, Function<CookRunner, T> cooking, CookOptions options) {
    StringWriter log = new StringWriter();
    CookRunner runner =
        CookRunner.in(directory, options)
            .withEnvironment(environment)
            .withOutput(new PrintWriter(log, true), new PrintWriter(log, true), false);
    try {
      return cooking.apply(runner);
    } catch (RuntimeException e) {
      if (showFailures) {
        System.err.print(log);
      }
      throw e;
    }
  }

  /** This scenario, not showing cargo's output when a cook fails: for tests that expect it to. */
  CookScenario expectingFailures() {
    showFailures = false;
    return this;
  }

  /** Changes a file of the project, as a developer would between two builds. */
  CookScenario edit(String path, String content) {
    try {
      Path file = project.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies the project's files over the cooked directory with fresh modification times. */
  void copySources() {
    copySources(false);
  }

  /**
   * Copies the project's files over the cooked directory keeping their modification times, which
   * are older than the cook's outputs: what a Dockerfile's {@code COPY . .} does.
   */
  void copySourcesKeepingTimes() {
    copySources(true);
  }

  /**
   * Copies one directory of the project into the cook directory before cook, keeping times: a
   * dependency source the recipe leaves to the user ({@code COPY vendor vendor}).
   */
  void provide(String directory) {
    copySources(project.resolve(directory), true);
  }

  private void copySources(boolean keepTimes) {
    copySources(project, keepTimes);
  }

  private void copySources(Path from, boolean keepTimes) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path relative = project.relativize(file);
        if (relative.startsWith("target")) {
          continue;
        }
        Path destination = cook.resolve(relative.toString());
        Files.createDirectories(destination.getParent());
        if (keepTimes) {
          Files.copy(file, destination, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        } else {
          Files.copy(file, destination, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code cargo build --message-format json ARGS} in the cooked directory. */
  BuildOutcome build(String... args) {
    List<String> command = new ArrayList<>(List.of("build", "--message-format=json-render-diagnostics"));
    command.addAll(List.of(args));
    Run run = run(cook, command);
    assertEquals(0, run.exitCode(), "the real build failed:\n" + run.stderr());
    TreeSet<String> externalCompiled = new TreeSet<>();
    TreeSet<String> localCompiled = new TreeSet<>();
    ObjectMapper mapper = new ObjectMapper();
    for (String line : run.stdout().split("\n")) {
      if (!line.startsWith("{")) {
        continue;
      }
      JsonNode message = mapper.readTree(line);
      CompilerArtifact.of(message)
          .filter(a -> !a.fresh())
          .ifPresent(a -> (a.isLocal() ? localCompiled : externalCompiled).add(a.packageName() + " " + a.targetName()));
    }
    return new BuildOutcome(List.copyOf(externalCompiled), List.copyOf(localCompiled));
  }

  /** Runs a program the build made, {@code relative} to the cooked directory; returns its output. */
  String program(String relative) {
    Run run = exec(cook, List.of(cook.resolve(relative).toString()));
    assertEquals(0, run.exitCode(), run.stderr());
    return run.stdout();
  }

  /** {@code cargo generate-lockfile} in the project, from the test registry. */
  CookScenario lock() {
    Run run = run(project, List.of("generate-lockfile", "--offline"));
    assertEquals(0, run.exitCode(), run.stderr());
    return this;
  }

  /** The host's target triple, as {@code rustc -vV} gives it. */
  String hostTriple() {
    Run run = exec(project, List.of("rustc", "-vV"));
    return run.stdout().lines().filter(l -> l.startsWith("host: ")).findFirst().orElseThrow().substring(6);
  }

  private Run run(Path directory, List<String> cargoArgs) {
    List<String> command = new ArrayList<>();
    command.add(environment.getOrDefault("CARGO", "cargo"));
    command.addAll(cargoArgs);
    return exec(directory, command);
  }

  Run exec(Path directory, List<String> command) {
    Processes.Result result = Processes.run(directory, environment, command);
    return new Run(result.exitCode(), result.stdout(), result.stderr());
  }

  /** What a process printed, and how it ended. */
  record Run(int exitCode, String stdout, String stderr) {}

  /**
   * The units the real build compiled (not fresh): registry crates, which must be none after a
   * good cook, and the workspace's own, as "package target".
   */
  record BuildOutcome(List<String> externalCompiled, List<String> localCompiled) {}
}
