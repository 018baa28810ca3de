package dev.jchef.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jchef.cook.CookException;
import dev.jchef.cook.CookInterrupt;
import dev.jchef.cook.CookOptions;
import dev.jchef.cook.CookRunner;
import dev.jchef.model.testing.Cargo;
import dev.jchef.model.testing.Processes;
import dev.jchef.model.testing.TestRegistry;
import dev.jchef.model.testing.TreeCopy;
import dev.jchef.model.workspace.Workspace;
import dev.jchef.recipe.Recipe;
import dev.jchef.recipe.json.RecipeJson;
import dev.jchef.recipe.plan.Planner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cooked states through a real registry (Debian's docker-registry on 127.0.0.1), between two
 * "machines" at the same paths: machine A cooks and pushes; machine B starts with no cook
 * directory, a fresh {@code CARGO_HOME} and the directory source copied again (new file times:
 * the trap of build scripts' {@code rerun-if-changed}), and cooks with the state A pushed.
 */
@Tag("slow")
class RegistryCacheEndToEndTest {
  private static final Path EXAMPLE = Path.of("..", "examples", "demo-workspace");
  private static final Set<String> REGISTRY_CRATES =
      Set.of("chef-build-info", "chef-derive-hello", "chef-extra", "chef-greeting", "chef-shout");
  private static final Pattern COMPILING = Pattern.compile("^\\s*Compiling (\\S+) v", Pattern.MULTILINE);
  private static final Pattern REGISTRY_UNIT =
      Pattern.compile("\"reason\":\"compiler-artifact\",\"package_id\":\"registry\\+[^#]*#([^@\"]+)@[^\"]*\".*?\"fresh\":false");

  @TempDir Path base;
  private Path project;
  private Path app;
  private Map<String, String> environment;

  @BeforeEach
  void setUp() throws IOException {
    Cargo.assumeAvailable();
    LocalRegistry.assumeAvailable();
    project = base.resolve("project");
    copy(EXAMPLE, project);
    app = base.resolve("machine/app");
  }

  /** Where machines get their crates from, when set: a local registry of .crate files, else a vendored directory. */
  private Path localRegistry;
  /** Applied to the vendored directory of the next fresh machine: an edit of a crate that keeps its version. */
  private java.util.function.Consumer<Path> vendorEdit = vendor -> {};

  /**
   * A fresh machine at the same paths: no cook directory, an empty CARGO_HOME, and either the
   * vendored crates copied again (new file times, as a COPY of a vendor directory gives) or the
   * local registry, whose .crate files cargo unpacks into the new CARGO_HOME.
   */
  private void freshMachine() throws IOException {
    Path machine = base.resolve("machine");
    deleteTree(machine);
    Path cargoHome = machine.resolve("cargo-home");
    Files.createDirectories(cargoHome);
    String source;
    if (localRegistry == null) {
      Path vendor = machine.resolve("vendor");
      copy(TestRegistry.directory(), vendor);
      vendorEdit.accept(vendor);
      source = "directory = \"" + vendor + "\"";
    } else {
      source = "local-registry = \"" + localRegistry + "\"";
    }
    Files.writeString(cargoHome.resolve("config.toml"),
        "[source.crates-io]\nreplace-with = \"machine\"\n\n[source.machine]\n" + source + "\n\n[net]\noffline = true\n");
    environment = TestRegistry.environment(cargoHome);
  }

  private record Cook(String log, Set<String> compiled) {}

  private Cook cook(OciCookCache cache) throws IOException {
    Recipe recipe = Planner.plan(Workspace.discover(project), List.of());
    Files.createDirectories(app);
    Path recipeFile = app.resolve("recipe.json");
    Files.writeString(recipeFile, RecipeJson.write(recipe));
    StringWriter log = new StringWriter();
    try {
      CookRunner.in(app, CookOptions.defaults())
          .withEnvironment(environment)
          .withOutput(new PrintWriter(log, true), new PrintWriter(log, true), false)
          .withCache(cache.withEnvironment(environment))
          .cook(recipe, Optional.of(recipeFile));
    } catch (RuntimeException e) {
      System.err.print(log);
      throw e;
    }
    Set<String> compiled = new TreeSet<>();
    Matcher matcher = COMPILING.matcher(log.toString());
    while (matcher.find()) {
      compiled.add(matcher.group(1));
    }
    return new Cook(log.toString(), compiled);
  }

  private static Set<String> registryCrates(Set<String> compiled) {
    Set<String> result = new TreeSet<>(compiled);
    result.retainAll(REGISTRY_CRATES);
    result.addAll(compiled.stream().filter(c -> c.equals("chef-newcomer")).toList());
    return result;
  }

  /** The real build on the cooked directory, as COPY . . and cargo build do it. */
  private void assertRealBuild(String when) throws IOException {
    assertRealBuild(when, "HELLO, JCHEF!!! WELCOME!!!", "built by chef-build-info's build script");
  }

  /**
   * The real build on the cooked directory compiles no registry crate, and the program prints
   * {@code firstLine} first and {@code buildInfo} among its lines.
   */
  private void assertRealBuild(String when, String firstLine, String buildInfo) throws IOException {
    copy(project, app);
    Processes.Result build = Processes.run(app, environment, List.of("cargo", "build", "--message-format=json"));
    assertEquals(0, build.exitCode(), build.stderr());
    List<String> rebuilt = REGISTRY_UNIT.matcher(build.stdout()).results().map(r -> r.group(1)).toList();
    assertEquals(List.of(), rebuilt, "registry crates the real build compiled " + when);
    String output = Processes.run(app, environment, List.of(app.resolve("target/debug/app").toString())).stdout();
    assertEquals(firstLine, output.lines().findFirst().orElse(""), "the program " + when);
    assertTrue(output.lines().anyMatch(buildInfo::equals), "the program " + when + ": " + output);
  }

  @Test
  void aFreshMachineCompilesNoRegistryUnitWithTheExactStateAndOnlyTheChangedCratesAfterADependencyChange() throws IOException {
    try (LocalRegistry registry = LocalRegistry.start(base.resolve("registry"), Optional.empty())) {
      String repository = registry.address + "/team/app-cook";
      OciCookCache cache = OciCookCache.of(List.of(repository), Optional.of(repository));

      freshMachine();
      Cook cold = cook(cache);
      assertEquals(REGISTRY_CRATES, registryCrates(cold.compiled()), cold.log());
      assertTrue(cold.log().contains("no state stored for this recipe or its scope"), cold.log());
      assertTrue(cold.log().contains("jchef cook: cache: stored"), cold.log());

      freshMachine();
      Cook exact = cook(cache);
      assertTrue(exact.log().contains("restored this recipe's state from " + repository), exact.log());
      assertEquals(Set.of(), exact.compiled(), exact.log());
      assertTrue(exact.log().contains("every dependency unit of this recipe is restored and fresh; cargo is not run"), exact.log());
      assertRealBuild("after an exact restore");

      // A crate added: only it compiles.
      edit("tool/Cargo.toml", "chef-extra = \"1.0.0\"", "chef-extra = \"1.0.0\"\nchef-newcomer = \"1.0.0\"");
      freshMachine();
      Cook added = cook(cache);
      assertTrue(added.log().contains("restored the newest state of this scope"), added.log());
      assertEquals(Set.of("chef-newcomer"), registryCrates(added.compiled()), added.log());
      assertRealBuild("after a crate was added");
    }
  }

  @Test
  void aVendoredCrateEditedWithoutANewVersionIsCompiledAgainNeverRestored() throws IOException {
    try (LocalRegistry registry = LocalRegistry.start(base.resolve("registry"), Optional.empty())) {
      String repository = registry.address + "/team/app-cook";
      OciCookCache cache = OciCookCache.of(List.of(repository), Optional.of(repository));
      freshMachine();
      cook(cache);

      // Machine B's vendored crates: chef-greeting's code and chef-build-info's build script edited,
      // versions and the lockfile's package checksums unchanged (as a distribution's patched crate).
      vendorEdit = vendor -> {
        editVendored(vendor.resolve("chef-greeting-1.0.0"), "src/lib.rs", "hello, {name}", "howdy, {name}");
        editVendored(vendor.resolve("chef-build-info-1.0.0"), "build.rs", "built by chef-build-info's build script",
            "built by machine B's chef-build-info");
      };
      freshMachine();
      Cook edited = cook(cache);
      assertTrue(edited.log().contains("to compile again, as files they read, or units they depend on, changed"), edited.log());
      assertTrue(edited.compiled().containsAll(Set.of("chef-greeting", "chef-build-info")), edited.log());
      assertRealBuild("with machine B's edited crates", "HOWDY, JCHEF!!! WELCOME!!!", "built by machine B's chef-build-info");
    }
  }

  @Test
  void aStateStoredAfterAWatchedFileChangedHoldsTheUnitsBuiltFromItForTheNextMachine() throws IOException {
    // chef-build-info's build script reads data.txt (rerun-if-changed) into the library's code.
    java.util.function.Function<String, java.util.function.Consumer<Path>> data = text -> vendor -> {
      Path crate = vendor.resolve("chef-build-info-1.0.0");
      writeVendored(crate, "build.rs", "fn main() {\n"
          + "    let data = std::fs::read_to_string(\"data.txt\").unwrap();\n"
          + "    println!(\"cargo:rustc-env=CHEF_BUILD_INFO={}\", data.trim());\n"
          + "    println!(\"cargo:rerun-if-changed=data.txt\");\n}\n");
      writeVendored(crate, "data.txt", text + "\n");
    };
    try (LocalRegistry registry = LocalRegistry.start(base.resolve("registry"), Optional.empty())) {
      String repository = registry.address + "/team/app-cook";
      OciCookCache cache = OciCookCache.of(List.of(repository), Optional.of(repository));
      vendorEdit = data.apply("data version 1");
      freshMachine();
      cook(cache);

      // Machine B: data.txt changed, nothing else; its cook compiles the build script's run, the
      // library built from it and what depends on it, and stores that under the same recipe.
      vendorEdit = data.apply("data version 2");
      freshMachine();
      Cook b = cook(cache);
      assertTrue(b.compiled().contains("chef-build-info"), b.log());

      // Machine C: the same as B; this recipe's state is B's, whole: cargo is not run.
      freshMachine();
      Cook c = cook(cache);
      assertTrue(c.log().contains("cargo is not run"), c.log());
      assertRealBuild("from the state machine B stored", "HELLO, JCHEF!!! WELCOME!!!", "data version 2");
    }
  }

  /** Writes a vendored crate's file and its entry in .cargo-checksum.json, keeping the package checksum. */
  private static void writeVendored(Path crate, String file, String content) {
    try {
      Files.writeString(crate.resolve(file), content);
      Path checksums = crate.resolve(TestRegistry.CHECKSUM_FILE);
      tools.jackson.databind.ObjectMapper mapper = new tools.jackson.databind.ObjectMapper();
      tools.jackson.databind.node.ObjectNode json = (tools.jackson.databind.node.ObjectNode) mapper.readTree(Files.readString(checksums));
      ((tools.jackson.databind.node.ObjectNode) json.get("files")).put(
          file, com.google.common.hash.Hashing.sha256().hashString(content, java.nio.charset.StandardCharsets.UTF_8).toString());
      Files.writeString(checksums, mapper.writeValueAsString(json));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Edits a vendored crate's file and its entry in .cargo-checksum.json, keeping the package checksum. */
  private static void editVendored(Path crate, String file, String from, String to) {
    try {
      Path path = crate.resolve(file);
      String text = Files.readString(path);
      assertTrue(text.contains(from), file);
      Files.writeString(path, text.replace(from, to));
      Path checksums = crate.resolve(TestRegistry.CHECKSUM_FILE);
      String json = Files.readString(checksums);
      String oldHash = com.google.common.hash.Hashing.sha256().hashString(text, java.nio.charset.StandardCharsets.UTF_8).toString();
      String newHash = com.google.common.hash.Hashing.sha256().hashString(text.replace(from, to), java.nio.charset.StandardCharsets.UTF_8).toString();
      assertTrue(json.contains(oldHash), checksums + " names " + file);
      Files.writeString(checksums, json.replace(oldHash, newHash));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aLocalRegistryOfCrateFilesUnpackedAfreshComesBackFreshToo() throws Exception {
    localRegistry = LocalCrateRegistry.build(base.resolve("local-registry"));
    freshMachine();
    // The lockfile's checksums are the .crate files' now.
    Files.delete(project.resolve("Cargo.lock"));
    Processes.Result lock = Processes.run(project, environment, List.of("cargo", "generate-lockfile", "--offline"));
    assertEquals(0, lock.exitCode(), lock.stderr());
    try (LocalRegistry registry = LocalRegistry.start(base.resolve("registry"), Optional.empty())) {
      String repository = registry.address + "/team/app-cook";
      OciCookCache cache = OciCookCache.of(List.of(repository), Optional.of(repository));
      Cook cold = cook(cache);
      assertEquals(REGISTRY_CRATES, registryCrates(cold.compiled()), cold.log());

      freshMachine();
      Cook exact = cook(cache);
      assertEquals(Set.of(), exact.compiled(), exact.log());
      assertRealBuild("after an exact restore, crates unpacked from .crate files");

      edit("tool/Cargo.toml", "chef-extra = \"1.0.0\"", "chef-extra = \"1.0.0\"\nchef-newcomer = \"1.0.0\"");
      freshMachine();
      Cook added = cook(cache);
      assertEquals(Set.of("chef-newcomer"), registryCrates(added.compiled()), added.log());
      assertRealBuild("after a crate was added, crates unpacked from .crate files");
    }
  }

  @Test
  void aFeatureTurnedOnCompilesTheCrateAndItsDependentsAndFiveChangesKeepTheStateSmall() throws IOException {
    edit("greeter/Cargo.toml", "features = [\"loud\"]", "features = []");
    try (LocalRegistry registry = LocalRegistry.start(base.resolve("registry"), Optional.empty())) {
      String repository = registry.address + "/team/app-cook";
      OciCookCache cache = OciCookCache.of(List.of(repository), Optional.of(repository));
      freshMachine();
      cook(cache);

      edit("greeter/Cargo.toml", "features = []", "features = [\"loud\"]");
      freshMachine();
      Cook loud = cook(cache);
      assertEquals(Set.of("chef-greeting", "chef-shout"), registryCrates(loud.compiled()), loud.log());
      assertRealBuild("after a feature was turned on");

      // Five successive changes, each to a recipe not cooked before (the feature change above was the first).
      List<String[]> changes = List.of(
          new String[] {"tool/Cargo.toml", "chef-extra = \"1.0.0\"", "chef-extra = \"1.0.0\"\nchef-newcomer = \"1.0.0\""},
          new String[] {"tool/Cargo.toml", "chef-extra = \"1.0.0\"\n", ""},
          new String[] {"greeter/Cargo.toml", "features = [\"loud\"]", "features = []"},
          new String[] {"tool/Cargo.toml", "chef-newcomer = \"1.0.0\"", "chef-newcomer = \"1.0.0\"\nchef-extra = \"1.0.0\""});
      long lastPushed = 0;
      for (String[] change : changes) {
        edit(change[0], change[1], change[2]);
        freshMachine();
        String log = cook(cache).log();
        lastPushed = pushedBytes(log);
        Matcher sent = SENT.matcher(log);
        assertTrue(sent.find(), log);
        assertTrue(bytes(sent.group(3), sent.group(4)) < bytes(sent.group(1), sent.group(2)) / 2,
            "a dependency change sends only the layers whose units changed: " + sent.group());
      }
      // The same recipe cooked cold into a repository of its own.
      String other = registry.address + "/team/cold";
      freshMachine();
      long coldPushed = pushedBytes(cook(OciCookCache.of(List.of(), Optional.of(other))).log());
      assertTrue(lastPushed <= coldPushed * 1.2,
          "after five dependency changes the state is " + lastPushed + " bytes, a cold cook's " + coldPushed);
    }
  }

  @Test
  void withHtpasswdTheRightLoginRestoresAndAWrongOneIsOneWarningAndAColdCook() throws IOException {
    RegistryLogin login = new RegistryLogin("chef", "s3cret-pass");
    try (LocalRegistry registry = LocalRegistry.start(base.resolve("registry"), Optional.of(login))) {
      String repository = registry.address + "/team/app-cook";
      freshMachine();
      cook(OciCookCache.of(List.of(), Optional.of(repository)).withLogin(login));

      freshMachine();
      Cook refused = cook(OciCookCache.of(List.of(repository), Optional.empty()).withLogin(new RegistryLogin("chef", "wrong")));
      assertTrue(refused.log().contains(registry.address + " refused the login of user `chef`"), refused.log());
      assertTrue(!refused.log().contains("wrong"), "the password is not in the log: " + refused.log());
      assertEquals(REGISTRY_CRATES, registryCrates(refused.compiled()), refused.log());

      freshMachine();
      Cook restored = cook(OciCookCache.of(List.of(repository), Optional.empty()).withLogin(login));
      assertEquals(Set.of(), registryCrates(restored.compiled()), restored.log());
    }
  }

  @Test
  void aRegistryThatIsDownOrSilentIsOneWarningAndTheCookGoesOn() throws IOException {
    freshMachine();
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Cook down = cook(OciCookCache.of(List.of("127.0.0.1:" + closedPort + "/team/app"), Optional.empty()));
    assertTrue(down.log().contains("jchef cook: cache: not restored: cannot read 127.0.0.1:" + closedPort + "/team/app:jchef-") && down.log().contains("nothing answers at 127.0.0.1:" + closedPort + " (connection refused)"), down.log());
    assertEquals(REGISTRY_CRATES, registryCrates(down.compiled()), down.log());

    try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      freshMachine();
      String repository = "127.0.0.1:" + silent.getLocalPort() + "/team/app";
      long start = System.nanoTime();
      Cook timedOut = cook(OciCookCache.of(List.of(repository), Optional.of(repository)).withTimeout(Duration.ofSeconds(2)));
      assertTrue(timedOut.log().contains("did not answer for 2 s"), timedOut.log());
      assertTrue(timedOut.log().contains("not stored: 127.0.0.1:" + silent.getLocalPort()
          + " did not answer when the cook began; not tried again"), timedOut.log());
      assertEquals(REGISTRY_CRATES, registryCrates(timedOut.compiled()), timedOut.log());
      assertTrue(System.nanoTime() - start < Duration.ofSeconds(30).toNanos(), "one timeout, not two");
    }
  }

  @Test
  void anInterruptWhileTheRegistryIsSilentStopsTheCookAtOnce() throws Exception {
    freshMachine();
    Recipe recipe = Planner.plan(Workspace.discover(project), List.of());
    Files.createDirectories(app);
    try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      CookInterrupt interrupt = new CookInterrupt();
      StringWriter log = new StringWriter();
      CookRunner runner = CookRunner.in(app, CookOptions.defaults())
          .withEnvironment(environment)
          .withOutput(new PrintWriter(log, true), new PrintWriter(log, true), false)
          .withInterrupt(interrupt)
          .withCache(OciCookCache.of(List.of("127.0.0.1:" + silent.getLocalPort() + "/team/app"), Optional.empty()));
      java.util.concurrent.CompletableFuture<Void> raised = java.util.concurrent.CompletableFuture.runAsync(() -> {
        try {
          Thread.sleep(1_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        interrupt.raise();
      });
      long start = System.nanoTime();
      CookException stopped = org.junit.jupiter.api.Assertions.assertThrows(
          CookException.class, () -> runner.cook(recipe, Optional.empty()));
      raised.get();
      assertTrue(stopped.interrupted(), stopped.getMessage());
      assertTrue(System.nanoTime() - start < Duration.ofSeconds(15).toNanos(),
          "stopped within seconds, not after the 60 s timeout: " + log);
      assertTrue(!Files.exists(app.resolve("target/.jchef-cache-fetch")), "nothing half-fetched is left");
    }
  }


  private static final Pattern SENT = Pattern.compile("\\(([0-9.]+) (kB|MB), ([0-9.]+) (kB|MB) of it new");
  private static final Pattern STORED = Pattern.compile("cache: stored \\d+ files in \\S+ \\(([0-9.]+) (kB|MB)");

  /** Bytes from a size as the cache lines print it. */
  private static long bytes(String number, String unit) {
    return (long) (Double.parseDouble(number) * (unit.equals("MB") ? 1e6 : 1e3));
  }

  private static long pushedBytes(String log) {
    Matcher stored = STORED.matcher(log);
    assertTrue(stored.find(), log);
    return bytes(stored.group(1), stored.group(2));
  }

  private void edit(String path, String from, String to) throws IOException {
    Path file = project.resolve(path);
    String text = Files.readString(file);
    assertTrue(text.contains(from), path + " has no " + from);
    Files.writeString(file, text.replace(from, to));
  }

  private static void copy(Path from, Path to) {
    TreeCopy.copy(from, to, false);
  }


  private static void deleteTree(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
