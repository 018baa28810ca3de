package dev.jchef.cook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.common.hash.Hashing;
import dev.jchef.recipe.LayerPlan;
import dev.jchef.recipe.Recipe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Member layers never ship a stale program, wherever the target directory lives: the same
 * sequence of changes, with real cargo, in four settings. After every build the program is the
 * current one, and the layer package {@code greeter} was compiled in that build exactly when its
 * content (its files, and the file outside it that its build script reads) differs from what the
 * units of the target directory the build started from were built from.
 *
 * <p>The changes: a leaf change (the final step's {@code app}); a first-layer change (v2); the
 * content back to v1; a leaf change again; a file added to the layer package and removed again;
 * the file its build script reads ({@code data/suffix.txt}, outside every package) changed. In
 * the user's checkout also: an edit built by plain {@code cargo build}, then reverted.
 */
@Tag("slow")
class LayerFreshnessEndToEndTest {
  private static final LayerPlan PLAN =
      LayerPlan.of(ImmutableList.of(ImmutableList.of("greeter"), ImmutableList.of("tool")), ImmutableList.of("app"));
  private static final String LIB_V1 =
      "//! Welcomes people, loudly.\n\n/// A welcome for `name`.\npub fn welcome(name: &str) -> String {\n"
          + "    format!(\"{} {} {}\", chef_greeting::greet(name), chef_shout::shout(\"welcome\"), env!(\"GREETER_SUFFIX\"))\n}\n";
  private static final String LIB_V2 = LIB_V1.replace("shout(\"welcome\")", "shout(\"greetings\")");
  private static final String LIB_WITH_MODULE =
      LIB_V1.replace("env!(\"GREETER_SUFFIX\"))", "extra::word())").replace("//! Welcomes people, loudly.\n",
          "//! Welcomes people, loudly.\n\nmod extra;\n");

  /** Where the target directory lives between builds. */
  enum Setting {
    /** A container build: each step starts from the image of the step before, cached by content. */
    FRESH_SNAPSHOTS,
    /** The same, with the target directory on a cache mount that every build shares. */
    CACHE_MOUNT,
    /** A CI job without a container: a fresh checkout (new times) and {@code target/} restored. */
    CI_CACHE,
    /** The user's own checkout, built in place. */
    IN_PLACE
  }

  @TempDir Path base;

  private CookScenario scenario;
  private Recipe recipe;
  private final Map<String, Path> images = new HashMap<>();
  private final Set<String> builtStates = new HashSet<>();
  private String lastState = "";

  @ParameterizedTest
  @EnumSource(Setting.class)
  void theProgramIsTheCurrentOneAndALayerPackageCompilesExactlyWhenItsContentChanged(Setting setting) throws IOException {
    scenario =
        CookScenario.of(
            base,
            CookScenario.example()
                .with("greeter/src/lib.rs", LIB_V1)
                .with(
                    "greeter/build.rs",
                    "//! Reads the greeting's suffix from a file outside the package.\n\nfn main() {\n"
                        + "    let text = std::fs::read_to_string(\"../data/suffix.txt\").unwrap_or_default();\n"
                        + "    println!(\"cargo:rustc-env=GREETER_SUFFIX={}\", text.trim());\n"
                        + "    println!(\"cargo:rerun-if-changed=../data/suffix.txt\");\n}\n")
                .with("data/suffix.txt", "from data v1\n"));
    recipe = scenario.prepare();
    if (setting == Setting.FRESH_SNAPSHOTS || setting == Setting.CACHE_MOUNT) {
      scenario.cook(recipe, CookOptions.defaults());
      images.put("cook", save(scenario.cook, "cook", true));
    }

    build(setting, "the first build", "WELCOME!!! from data v1");
    editApp("leaf 1");
    build(setting, "a leaf change", "leaf 1");
    scenario.edit("greeter/src/lib.rs", LIB_V2);
    build(setting, "a first-layer change", "GREETINGS!!! from data v1");
    scenario.edit("greeter/src/lib.rs", LIB_V1);
    build(setting, "the first layer back to v1", "WELCOME!!! from data v1");
    editApp("leaf 2");
    build(setting, "a leaf change after v1 -> v2 -> v1", "WELCOME!!! from data v1");
    scenario.edit("greeter/src/extra.rs", "//! One more word.\n\n/// The word.\npub fn word() -> &'static str {\n    \"and an extra word\"\n}\n");
    scenario.edit("greeter/src/lib.rs", LIB_WITH_MODULE);
    build(setting, "a file added to the layer package", "WELCOME!!! and an extra word");
    Files.delete(scenario.project.resolve("greeter/src/extra.rs"));
    scenario.edit("greeter/src/lib.rs", LIB_V1);
    build(setting, "that file removed again", "WELCOME!!! from data v1");
    scenario.edit("data/suffix.txt", "from data v2\n");
    build(setting, "the file its build script reads changed", "WELCOME!!! from data v2");
    if (setting == Setting.IN_PLACE) {
      scenario.edit("greeter/src/lib.rs", LIB_V2);
      CookScenario.Run plain = scenario.exec(scenario.project, List.of(cargo(), "build", "--offline"));
      assertEquals(0, plain.exitCode(), plain.stderr());
      scenario.edit("greeter/src/lib.rs", LIB_V1);
      lastState = "";   // the units are v2's now, built by plain cargo: the record does not know them
      build(setting, "an edit built by plain cargo, then reverted", "WELCOME!!! from data v2");
    }
  }

  /**
   * cargo's build directory ({@code build.build-dir}, stable since 1.91) apart from the target
   * directory: the units, and so the record, live there. Built with it, then without it after an
   * edit, then with it again: the units there are the old content's and must not be reused.
   */
  @org.junit.jupiter.api.Test
  void theRecordFollowsCargosBuildDirectory() throws IOException {
    scenario = CookScenario.of(base, CookScenario.example());
    Map<String, String> buildDir = Map.of("CARGO_BUILD_BUILD_DIR", base.resolve("build-dir").toString());
    scenario.buildLayered(scenario.project, PLAN, buildDir);
    assertTrue(Files.isDirectory(base.resolve("build-dir/debug/.fingerprint")));
    assertTrue(Files.exists(base.resolve("build-dir/debug").resolve(LayerSourceRecord.FILE_NAME)));

    scenario.edit("greeter/src/lib.rs",
        Files.readString(scenario.project.resolve("greeter/src/lib.rs")).replace("shout(\"welcome\")", "shout(\"greetings\")"));
    scenario.buildLayered(scenario.project, PLAN);
    assertTrue(program(scenario.project).contains("GREETINGS!!!"));
    Instant start = Instant.now();
    scenario.buildLayered(scenario.project, PLAN, buildDir);

    assertTrue(program(scenario.project).contains("GREETINGS!!!"), program(scenario.project));
    try (Stream<Path> rlibs = Files.list(base.resolve("build-dir/debug/deps"))) {
      assertTrue(
          rlibs.filter(f -> f.getFileName().toString().matches("libgreeter-[0-9a-f]{16}\\.rlib"))
              .anyMatch(f -> f.toFile().lastModified() > start.toEpochMilli()),
          "greeter was not compiled again in the build directory");
    }
  }

  /** One build in {@code setting}; asserts the program's output and whether greeter compiled. */
  private void build(Setting setting, String change, String expected) throws IOException {
    String state = state();
    boolean expectCompiled =
        setting == Setting.FRESH_SNAPSHOTS ? !builtStates.contains(state) : !state.equals(lastState);
    Instant start = Instant.now();
    Path directory =
        switch (setting) {
          case FRESH_SNAPSHOTS, CACHE_MOUNT -> containerBuild(setting == Setting.FRESH_SNAPSHOTS);
          case CI_CACHE -> ciBuild();
          case IN_PLACE -> {
            scenario.buildLayered(scenario.project, PLAN);
            yield scenario.project;
          }
        };
    String output = program(directory);
    assertTrue(output.contains(expected), setting + ", " + change + ": the program printed\n" + output);
    assertEquals(expectCompiled, greeterCompiledSince(directory, start), setting + ", " + change + ": greeter compiled?");
    builtStates.add(state);
    lastState = state;
  }

  /**
   * A container build of the layers' Dockerfile lines: each layer step is taken from the layer
   * cache when its inputs were built before, else runs on the image of the step before; the final
   * step copies everything and runs {@code jchef build}. With a cache mount, the target directory
   * is not in the images: it is the one directory every step of every build uses.
   */
  private Path containerBuild(boolean targetInImages) throws IOException {
    String key = "cook";
    String[][] layers = {{"greeter", "data"}, {"tool"}};
    for (int layer = 1; layer <= layers.length; layer++) {
      String previous = key;
      key = previous + "+" + hash(layers[layer - 1]);
      if (!images.containsKey(key)) {
        restore(images.get(previous), scenario.cook, targetInImages);
        copyIn(scenario.cook, "Cargo.toml", ".jchef/workspace.toml");
        for (String directory : layers[layer - 1]) {
          copyIn(scenario.cook, directory, directory);
        }
        scenario.cookLayer(recipe, PLAN, layer);
        images.put(key, save(scenario.cook, key, targetInImages));
      }
    }
    restore(images.get(key), scenario.cook, targetInImages);
    copyIn(scenario.cook, ".", ".");
    scenario.buildLayered(scenario.cook, PLAN);
    return scenario.cook;
  }

  /** A fresh checkout (new times) at the same path, the cached target directory restored. */
  private Path ciBuild() throws IOException {
    Path checkout = scenario.cook;
    Path cache = base.resolve("ci-cache");
    deleteTree(checkout);
    copyTree(scenario.project, checkout, false);
    if (Files.isDirectory(cache)) {
      copyTree(cache, checkout.resolve("target"), true);
    }
    scenario.buildLayered(checkout, PLAN);
    deleteTree(cache);
    copyTree(checkout.resolve("target"), cache, true);
    return checkout;
  }

  private void editApp(String line) throws IOException {
    String main = Files.readString(scenario.project.resolve("app/src/main.rs"));
    scenario.edit("app/src/main.rs", main.replaceFirst("(?s)\n}\\s*$", "\n    println!(\"" + line + "\");\n}\n"));
  }

  /** What greeter's units are built from: its files and the file its build script reads. */
  private String state() throws IOException {
    return hash(new String[] {"greeter", "data"});
  }

  private String hash(String[] directories) throws IOException {
    StringBuilder text = new StringBuilder();
    for (String directory : directories) {
      try (Stream<Path> files = Files.walk(scenario.project.resolve(directory))) {
        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
          text.append(scenario.project.relativize(file)).append('\0').append(Files.readString(file)).append('\0');
        }
      }
    }
    return Hashing.sha256().hashString(text, StandardCharsets.UTF_8).toString().substring(0, 16);
  }

  private String program(Path directory) {
    CookScenario.Run run = scenario.exec(directory, List.of(directory.resolve("target/debug/app").toString()));
    assertEquals(0, run.exitCode(), run.stderr());
    return run.stdout();
  }

  private static boolean greeterCompiledSince(Path directory, Instant start) throws IOException {
    try (Stream<Path> files = Files.list(directory.resolve("target/debug/deps"))) {
      for (Path file : files.filter(f -> f.getFileName().toString().matches("libgreeter-[0-9a-f]{16}\\.rlib")).toList()) {
        if (Files.getLastModifiedTime(file).toInstant().isAfter(start)) {
          return true;
        }
      }
    }
    return false;
  }

  private String cargo() {
    return scenario.environment.getOrDefault("CARGO", "cargo");
  }

  /** Copies {@code from} of the project (a file or a directory) to {@code to} in {@code directory}, with new times. */
  private void copyIn(Path directory, String from, String to) throws IOException {
    Path source = scenario.project.resolve(from);
    if (Files.isDirectory(source)) {
      copyTree(source, directory.resolve(to), false);
    } else {
      Files.createDirectories(directory.resolve(to).getParent());
      Files.copy(source, directory.resolve(to), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private Path save(Path directory, String key, boolean withTarget) throws IOException {
    Path image = base.resolve("images").resolve(Integer.toHexString(key.hashCode()) + "-" + images.size());
    copyTree(directory, image, true);
    if (!withTarget) {
      deleteTree(image.resolve("target"));
    }
    return image;
  }

  /** Makes {@code directory} the image again; with a cache mount, its target directory stays. */
  private static void restore(Path image, Path directory, boolean withTarget) throws IOException {
    if (Files.isDirectory(directory)) {
      try (Stream<Path> entries = Files.list(directory)) {
        for (Path entry : entries.toList()) {
          if (withTarget || !entry.getFileName().toString().equals("target")) {
            deleteTree(entry);
          }
        }
      }
    }
    copyTree(image, directory, true);
  }

  private static void copyTree(Path from, Path to, boolean keepTimes) throws IOException {
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(from)) {
      paths = new ArrayList<>(walk.toList());
    }
    for (Path path : paths) {
      Path destination = to.resolve(from.relativize(path).toString());
      if (Files.isDirectory(path)) {
        Files.createDirectories(destination);
      } else if (keepTimes) {
        Files.copy(path, destination, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
      } else {
        Files.copy(path, destination, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  private static void deleteTree(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
