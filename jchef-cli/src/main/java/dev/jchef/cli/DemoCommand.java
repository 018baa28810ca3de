package dev.jchef.cli;

import dev.jchef.cook.CookOptions;
import dev.jchef.cook.CookResult;
import dev.jchef.cook.CookRunner;
import dev.jchef.cook.RealBuild;
import dev.jchef.recipe.Recipe;
import dev.jchef.recipe.json.RecipeJson;
import dev.jchef.recipe.plan.Planner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code jchef demo}: the whole technique on the bundled example workspace, offline. It copies the
 * workspace to a temporary directory, prepares, cooks in a fresh directory, builds the real
 * sources on top, changes a source file and builds again, and reports the times and what was
 * compiled each time. The example's dependencies come from jchef's own test registry.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Show prepare and cook at work on the bundled example workspace, offline: times, and"
            + " which crates each build compiles.")
final class DemoCommand implements Callable<Integer> {
  private static final String EDITED = "greeter/src/lib.rs";

  @Option(names = "--keep", description = "Keep the temporary directory to look at.")
  boolean keep;

  @ParentCommand Main main;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path directory = Files.createTempDirectory("jchef-demo-");
    try {
      Path project = DemoResources.copy("workspace", directory.resolve("project"));
      Path registry = DemoResources.copy("registry", directory.resolve("registry"));
      Path cook = Files.createDirectories(directory.resolve("cook"));
      Map<String, String> environment = offlineEnvironment(registry, directory.resolve("cargo-home"));
      out.println("jchef demo: working in " + directory + (keep ? " (kept afterwards)" : " (removed afterwards; --keep keeps it)"));

      long start = System.nanoTime();
      Recipe recipe = Planner.prepare(project);
      Path recipeFile = cook.resolve("recipe.json");
      Files.writeString(recipeFile, RecipeJson.write(recipe));
      out.printf("jchef demo: prepare: %s, %s of recipe, %s%n",
          Plural.count(recipe.manifests().size(), "manifest"), Plural.count(Files.size(recipeFile), "byte"),
          seconds(Duration.ofNanos(System.nanoTime() - start)));

      CookResult cooked =
          CookRunner.in(cook, CookOptions.defaults())
              .withEnvironment(environment)
              .withOutput(out, err, main.terminal())
              .cook(recipe, Optional.of(recipeFile));
      out.println("jchef demo: cook in a fresh directory: " + cooked.summary());

      copySources(project, cook);
      RealBuild.Report first = RealBuild.run(cook, CookOptions.defaults(), environment, out, err);
      out.printf("jchef demo: first build of the real sources: %s; compiled %s, and %s%n",
          seconds(first.elapsed()), units(first.workspaceCompiled()), registry(first.registryCompiled()));
      out.print(program(cook.resolve("target").resolve("debug").resolve("app"), environment));

      Files.writeString(
          project.resolve(EDITED),
          Files.readString(project.resolve(EDITED)).replace("format!(\"{} {}\"", "format!(\"{} -- {}\""));
      copySources(project, cook);
      RealBuild.Report second = RealBuild.run(cook, CookOptions.defaults(), environment, out, err);
      out.printf("jchef demo: after editing %s: %s; compiled %s, and %s%n",
          EDITED, seconds(second.elapsed()), units(second.workspaceCompiled()), registry(second.registryCompiled()));
      out.print(program(cook.resolve("target").resolve("debug").resolve("app"), environment));
      return first.registryCompiled().isEmpty() && second.registryCompiled().isEmpty() ? ExitCode.OK : ExitCode.FAILED;
    } finally {
      if (keep) {
        out.println("jchef demo: kept " + directory);
      } else {
        delete(directory);
      }
    }
  }

  /** The caller's environment with a CARGO_HOME that serves the test registry, offline. */
  private Map<String, String> offlineEnvironment(Path registry, Path cargoHome) throws IOException {
    Files.createDirectories(cargoHome);
    Files.writeString(
        cargoHome.resolve("config.toml"),
        "[source.crates-io]\nreplace-with = \"jchef-demo-registry\"\n\n[source.jchef-demo-registry]\n"
            + "directory = \"" + registry.toAbsolutePath().toString().replace("\\", "\\\\")
            + "\"\n\n[net]\noffline = true\n");
    Map<String, String> environment = new HashMap<>(main.environment());
    environment.put("CARGO_HOME", cargoHome.toString());
    environment.remove("CARGO_TARGET_DIR");
    return environment;
  }

  /** What the example program prints, each line marked as the program's. */
  private static String program(Path executable, Map<String, String> environment) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(executable.toString()).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    StringBuilder marked = new StringBuilder();
    output.lines().forEach(line -> marked.append("  app says: ").append(line).append('\n'));
    return marked.toString();
  }

  /** Units as a reader names them: {@code app, app's build script, greeter}. */
  static String units(List<String> units) {
    if (units.isEmpty()) {
      return "nothing of the workspace";
    }
    return units.stream().map(RealBuild::unitName).collect(Collectors.joining(", "));
  }

  private static String registry(List<String> units) {
    return units.isEmpty()
        ? "no registry crate"
        : Plural.count(units.size(), "registry crate") + " (" + String.join(", ", units) + ")";
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        Path relative = from.relativize(path);
        if (!relative.startsWith("target")) {
          Path destination = to.resolve(relative.toString());
          Files.createDirectories(destination.getParent());
          Files.copy(path, destination, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return to;
  }

  /** As {@code COPY . .} in a container build: the real sources over the cooked skeleton. */
  private static void copySources(Path project, Path cook) throws IOException {
    copy(project, cook);
  }

  private static void delete(Path directory) throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
