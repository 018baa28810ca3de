package dev.jchef.cook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import dev.jchef.model.internal.JchefFiles;
import dev.jchef.recipe.LayerPlan;
import dev.jchef.recipe.Recipe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Member layers with real cargo, as a container build runs them: cook; layer 1 ({@code greeter})
 * and layer 2 ({@code tool}) each after copying in their files (and the real root manifest); then
 * the final step after a new checkout (new file times), starting from the image of the last layer
 * step: it compiles only {@code app}, the final step's package, and the program is the real one.
 * The example's members inherit version, edition, lints and a dependency from the root manifest.
 */
@Tag("slow")
class LayersEndToEndTest {
  private static final LayerPlan PLAN =
      LayerPlan.of(
          ImmutableList.of(ImmutableList.of("greeter"), ImmutableList.of("tool")), ImmutableList.of("app"));
  private static final List<String> APP_UNITS = List.of("app app", "app build-script-build");

  @TempDir Path base;

  @Test
  void afterALeafChangeTheFinalBuildCompilesOnlyThatPackage() throws IOException {
    CookScenario scenario = CookScenario.of(base, CookScenario.example());
    Recipe recipe = scenario.prepare();
    scenario.cook(recipe, CookOptions.defaults());
    CookResult layer1 = layer(scenario, recipe, 1, "greeter");
    assertTrue(layer1.compiledUnits() > 0, layer1.summary());
    layer(scenario, recipe, 2, "tool");
    Path layerImage = snapshot(scenario.cook.resolve("target"));

    scenario.copySources();   // a new checkout: new times
    scenario.fixLayerTimes(PLAN);
    CookScenario.BuildOutcome first = scenario.build();
    assertEquals(List.of(), first.externalCompiled());
    assertEquals(APP_UNITS, first.localCompiled());
    assertEquals(CookEndToEndTest.REAL_OUTPUT, scenario.program("target/debug/app"));

    restore(layerImage, scenario.cook.resolve("target"));   // the final step starts from the layer image
    scenario.edit("app/src/main.rs", Files.readString(scenario.project.resolve("app/src/main.rs")).replace("\"{}\", Demo", "\"{} (edited)\", Demo"));
    scenario.copySources();
    scenario.fixLayerTimes(PLAN);
    CookScenario.BuildOutcome second = scenario.build();
    assertEquals(List.of(), second.externalCompiled());
    assertEquals(APP_UNITS, second.localCompiled());
    assertTrue(scenario.program("target/debug/app").contains("hello from derived Demo (edited)\n"));
  }

  /**
   * A layer package whose dev-dependency points back at a later layer with a version requirement
   * (as test-support crates do): the later package is still a dummy in that step, and its masked
   * version would not satisfy the requirement.
   */
  @Test
  void aDevDependencyOnALaterLayerWithAVersionRequirementResolves() throws IOException {
    CookScenario scenario =
        CookScenario.of(
            base,
            CookScenario.example()
                .with(
                    "greeter/Cargo.toml",
                    "[package]\nname = \"greeter\"\nversion.workspace = true\nedition.workspace = true\n\n"
                        + "[dependencies]\nchef-greeting.workspace = true\n"
                        + "chef-shout = { version = \"1.0.0\", features = [\"loud\"] }\n\n"
                        + "[dev-dependencies]\ntool = { path = \"../tool\", version = \"2.5\" }\n\n"
                        + "[lints]\nworkspace = true\n")
                .with(
                    "tool/Cargo.toml",
                    "[package]\nname = \"tool\"\nversion = \"2.5.1\"\nedition.workspace = true\n\n"
                        + "[features]\nfancy = []\n\n[dependencies]\nchef-extra = \"1.0.0\"\n\n"
                        + "[[bin]]\nname = \"tool\"\npath = \"src/main.rs\"\nrequired-features = [\"fancy\"]\n\n"
                        + "[lints]\nworkspace = true\n"));
    Recipe recipe = scenario.prepare();
    scenario.cook(recipe, CookOptions.defaults());
    layer(scenario, recipe, 1, "greeter");
    layer(scenario, recipe, 2, "tool");

    scenario.copySources();
    scenario.fixLayerTimes(PLAN);
    CookScenario.BuildOutcome build = scenario.build();
    assertEquals(List.of(), build.externalCompiled());
    assertEquals(APP_UNITS, build.localCompiled());
    assertEquals(CookEndToEndTest.REAL_OUTPUT, scenario.program("target/debug/app"));
  }

  /**
   * A layer step's progress counts out of what the cook step built, not out of the lockfile,
   * which also locks packages no build here compiles (here chef-extra, a Windows-only dependency).
   */
  @Test
  void aLayerStepsProgressCountsOutOfWhatTheCookBuilt() throws IOException {
    CookScenario scenario =
        CookScenario.of(
                base,
                CookScenario.example()
                    .with(
                        "tool/Cargo.toml",
                        "[package]\nname = \"tool\"\nversion.workspace = true\nedition.workspace = true\n\n"
                            + "[target.'cfg(windows)'.dependencies]\nchef-extra = \"1.0.0\"\n"))
            .lock();
    Recipe recipe = scenario.prepare();
    scenario.cook(recipe, CookOptions.defaults());
    copyTree(scenario.project.resolve("greeter"), scenario.cook.resolve("greeter"));
    Files.createDirectories(scenario.cook.resolve(".jchef"));
    Files.copy(scenario.project.resolve("Cargo.toml"), scenario.cook.resolve(JchefFiles.WORKSPACE_MANIFEST));
    java.io.StringWriter log = new java.io.StringWriter();
    java.io.PrintWriter writer = new java.io.PrintWriter(log, true);

    CookRunner.in(scenario.cook, CookOptions.defaults())
        .withEnvironment(scenario.environment)
        .withOutput(writer, writer, false)
        .cookLayer(recipe, PLAN, 1, java.util.Optional.empty());

    List<String> progress = log.toString().lines().filter(l -> l.matches("jchef cook: \\d+ of ~\\d+ packages built.*")).toList();
    String last = progress.get(progress.size() - 1);
    java.util.regex.Matcher counts = java.util.regex.Pattern.compile("jchef cook: (\\d+) of ~(\\d+) ").matcher(last);
    assertTrue(counts.find(), last);
    assertEquals(counts.group(2), counts.group(1), log.toString());
    int locked = dev.jchef.model.workspace.Lockfile.parse(recipe.lockFile().orElseThrow(), "Cargo.lock").packages().size();
    assertTrue(Integer.parseInt(counts.group(2)) < locked, last + " against " + locked + " locked");
  }

  /**
   * A layer package whose crate documentation includes a file outside its directory: the step
   * has only the package's directory, cargo fails, and the error says what to copy in.
   */
  @Test
  void aFileALayerPackageReadsFromOutsideIsNamedWhenTheStepFails() throws IOException {
    CookScenario scenario =
        CookScenario.of(
                base,
                CookScenario.example()
                    .with("README.md", "Welcomes people, loudly.\n")
                    .with(
                        "greeter/src/lib.rs",
                        "#![doc = include_str!(\"../../README.md\")]\n\n/// A welcome for `name`.\n"
                            + "pub fn welcome(name: &str) -> String {\n    format!(\"{} {}\", chef_greeting::greet(name),"
                            + " chef_shout::shout(\"welcome\"))\n}\n"))
            .expectingFailures();
    Recipe recipe = scenario.prepare();
    scenario.cook(recipe, CookOptions.defaults());

    CookException error = assertThrows(CookException.class, () -> layer(scenario, recipe, 1, "greeter"));

    assertTrue(
        error.getMessage().endsWith(
            "; if a package of layer 1 reads a file outside its directory (an include_str! of ../README.md, a file its"
                + " build script reads), copy that file in before `RUN jchef cook --layer 1` too"),
        error.getMessage());
  }

  @Test
  void aLayerWhoseFilesWereNotCopiedInIsAClearError() {
    CookScenario scenario = CookScenario.of(base, CookScenario.example());
    Recipe recipe = scenario.prepare();
    scenario.cook(recipe, CookOptions.defaults());

    CookException error = assertThrows(CookException.class, () -> scenario.cookLayer(recipe, PLAN, 1));

    assertEquals(
        "layer 1: greeter/Cargo.toml is still the skeleton's dummy: add `COPY greeter greeter` before"
            + " `RUN jchef cook --layer 1`",
        error.getMessage());
  }

  /**
   * Every refusal of a layer step, and of the times step before a plain cargo build, changes
   * nothing: every file under the directory keeps its bytes' time, the edited one included.
   */
  @Test
  void refusalsChangeNoFileAndNoTime() throws IOException {
    CookScenario scenario = CookScenario.of(base, CookScenario.example()).expectingFailures();
    Recipe recipe = scenario.prepare();
    scenario.cook(recipe, CookOptions.defaults());

    // The real root manifest was not copied in.
    copyTree(scenario.project.resolve("greeter"), scenario.cook.resolve("greeter"));
    assertRefusedChangingNothing(
        scenario, () -> scenario.cookLayer(recipe, PLAN, 1),
        "layer 1: the real root manifest is not here: add `COPY Cargo.toml .jchef/workspace.toml` before the first"
            + " layer step (the layer packages inherit from it; without it they would be built at the recipe's masked"
            + " versions, and the final build would compile them all again)");

    // Layer 2 before layer 1: greeter is still the skeleton's.
    CookScenario fresh = CookScenario.of(base.resolve("second"), CookScenario.example()).expectingFailures();
    fresh.cook(recipe, CookOptions.defaults());
    copyTree(fresh.project.resolve("tool"), fresh.cook.resolve("tool"));
    Files.createDirectories(fresh.cook.resolve(".jchef"));
    Files.copy(fresh.project.resolve("Cargo.toml"), fresh.cook.resolve(JchefFiles.WORKSPACE_MANIFEST));
    assertRefusedChangingNothing(
        fresh, () -> fresh.cookLayer(recipe, PLAN, 2),
        "layer 2: greeter/Cargo.toml is still the skeleton's dummy: add `COPY greeter greeter` before"
            + " `RUN jchef cook --layer 1`");

    // The real sources were copied over the cooked directory and one edited (the packages of the
    // later steps came too early): refused, and no time changes (the edited file's included).
    fresh.copySources();
    fresh.edit("greeter/src/lib.rs", Files.readString(fresh.project.resolve("greeter/src/lib.rs")) + "// edited\n");
    fresh.copySources();
    assertRefusedChangingNothing(
        fresh, () -> fresh.cookLayer(recipe, PLAN, 1),
        "layer 1: tool, of layer 2, is already here: copy it after `RUN jchef cook --layer 1` (`COPY tool tool`,"
            + " then `RUN jchef cook --layer 2`)");
    // Only the final step's package came too early: named as the final step's.
    LayerPlan oneLayer = LayerPlan.of(ImmutableList.of(ImmutableList.of("greeter", "tool")), ImmutableList.of("app"));
    assertRefusedChangingNothing(
        fresh, () -> fresh.cookLayer(recipe, oneLayer, 1),
        "layer 1: app, of the final step, is already here: copy it after `RUN jchef cook --layer 1` (`COPY . .`"
            + " before the final build)");

    // The times step, with a plan naming a package that is not here.
    LayerPlan stale = LayerPlan.of(ImmutableList.of(ImmutableList.of("gone")), ImmutableList.of("app"));
    assertRefusedChangingNothing(
        fresh, () -> fresh.fixLayerTimes(stale),
        "gone, a package of the layer plan, is not here (no gone/Cargo.toml): copy the workspace in, or plan the layers"
            + " again (jchef layers --write)");
  }

  private static void assertRefusedChangingNothing(CookScenario scenario, Runnable step, String message) throws IOException {
    RuntimeException error = assertThrows(RuntimeException.class, () -> snapshotAround(scenario, step));
    assertEquals(message, error.getMessage());
  }

  /** Runs {@code step}, which must fail, and asserts that no file's bytes or time changed. */
  private static void snapshotAround(CookScenario scenario, Runnable step) throws IOException {
    java.util.Map<String, String> before = files(scenario.cook);
    try {
      step.run();
    } finally {
      assertEquals(before, files(scenario.cook), "a refused step changed files or times");
    }
    throw new AssertionError("the step was not refused");
  }

  private static java.util.Map<String, String> files(Path root) throws IOException {
    java.util.Map<String, String> files = new java.util.TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        if (path.endsWith("cook.lock")) {
          continue;   // the lock file of the refused run: empty, its time is the lock's
        }
        files.put(root.relativize(path).toString(),
            Files.getLastModifiedTime(path) + " " + com.google.common.hash.Hashing.sha256().hashBytes(Files.readAllBytes(path)));
      }
    }
    return files;
  }

  /** A layer step: its package's files and the root manifest copied in, keeping their times. */
  private static CookResult layer(CookScenario scenario, Recipe recipe, int layer, String directory) throws IOException {
    copyTree(scenario.project.resolve(directory), scenario.cook.resolve(directory));
    Files.createDirectories(scenario.cook.resolve(".jchef"));
    Files.copy(
        scenario.project.resolve("Cargo.toml"), scenario.cook.resolve(JchefFiles.WORKSPACE_MANIFEST),
        StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
    return scenario.cookLayer(recipe, PLAN, layer);
  }

  private Path snapshot(Path target) throws IOException {
    Path copy = base.resolve("layer-image");
    copyTree(target, copy);
    return copy;
  }

  private static void restore(Path snapshot, Path target) throws IOException {
    try (Stream<Path> paths = Files.walk(target)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
    copyTree(snapshot, target);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path destination = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(destination);
        } else {
          Files.copy(path, destination, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
