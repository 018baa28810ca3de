package dev.jchef.cook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jchef.model.testing.Fixture;
import dev.jchef.model.testing.Processes;
import dev.jchef.model.testing.RequiredTools;
import dev.jchef.model.testing.TestRegistry;
import dev.jchef.recipe.Recipe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;

/**
 * {@code cook --sccache}: two builders sharing one {@code SCCACHE_DIR}, as teams share a cache
 * backend. Skipped, saying so, where sccache is missing, unless {@code JCHEF_REQUIRE_SCCACHE} is
 * {@code true} (CI installs it and sets it).
 */
@Tag("slow")
class SccacheCookTest {
  @TempDir Path base;
  private Path cacheDirectory;
  private String port;

  @BeforeEach
  void assumeSccache() {
    boolean present =
        Processes.run(base, System.getenv(), List.of("sh", "-c", "command -v sccache")).exitCode() == 0;
    RequiredTools.assume(present, "sccache", "JCHEF_REQUIRE_SCCACHE");
    cacheDirectory = base.resolve("shared-sccache");
    // Its own server port, so that no other sccache server (of a container build, say) serves it.
    port = Integer.toString(ThreadLocalRandom.current().nextInt(20_000, 30_000));
  }

  /**
   * A builder: its own directories, the shared cache, and the same {@code CARGO_HOME} path as the
   * others, as builders made from one image have (sccache's key includes every {@code CARGO_*}
   * variable, so builders whose {@code CARGO_HOME} differ share nothing).
   */
  private CookScenario builder(String name, Fixture project) {
    CookScenario scenario = CookScenario.of(base.resolve(name), project);
    scenario.environment.put("CARGO_HOME", TestRegistry.cargoHome(base.resolve("cargo-home")).toString());
    scenario.environment.put("SCCACHE_DIR", cacheDirectory.toString());
    scenario.environment.put("SCCACHE_SERVER_PORT", port);
    return scenario;
  }

  private static CookOptions withSccache() {
    return CookOptions.defaults().withSccache(true);
  }

  @Test
  void aSecondBuilderGetsEveryRegistryCrateFromTheSharedCache() {
    CookScenario first = builder("first", CookScenario.example());
    CookResult firstCook = first.cook(first.prepare(), withSccache());
    CookScenario second = builder("second", CookScenario.example());
    CookResult secondCook = second.cook(second.prepare(), withSccache());

    SccacheStats cold = firstCook.sccache().orElseThrow();
    SccacheStats warm = secondCook.sccache().orElseThrow();
    assertEquals(0, cold.hits(), firstCook.summary());
    // The four registry libraries; sccache does not cache build scripts, proc-macros or the
    // dummies (incremental in the dev profile).
    assertEquals(4, cold.misses(), firstCook.summary());
    assertEquals(new SccacheStats(cold.misses(), 0), warm, secondCook.summary());
    assertTrue(secondCook.summary().contains("sccache " + cold.misses() + " hits and 0 misses"), secondCook.summary());
    second.copySources();
    assertEquals(List.of(), second.build().externalCompiled());
  }

  @Test
  void afterOneDependencysFeaturesChangeOnlyItAndItsDependentsCompile() throws IOException {
    CookScenario before = builder("before", CookScenario.example());
    SccacheStats cold = before.cook(before.prepare(), withSccache()).sccache().orElseThrow();

    Fixture changed =
        CookScenario.example()
            .with(
                "greeter/Cargo.toml",
                Files.readString(CookScenario.EXAMPLE.resolve("greeter/Cargo.toml"))
                    .replace("chef-shout = { version = \"1.0.0\", features = [\"loud\"] }", "chef-shout = \"1.0.0\""));
    CookScenario after = builder("after", changed);
    Recipe recipe = after.prepare();
    SccacheStats warm = after.cook(recipe, withSccache()).sccache().orElseThrow();

    // chef-shout without `loud`, and chef-greeting, which links it; the rest is the cache's.
    assertEquals(new SccacheStats(cold.misses() - 2, 2), warm);
  }

  @Test
  void buildersWhoseCargoHomePathsDifferShareNothing() {
    CookScenario first = builder("first", CookScenario.example());
    first.cook(first.prepare(), withSccache());
    CookScenario other = builder("other", CookScenario.example());
    other.environment.put("CARGO_HOME", TestRegistry.cargoHome(base.resolve("other-cargo-home")).toString());

    SccacheStats stats = other.cook(other.prepare(), withSccache()).sccache().orElseThrow();

    assertEquals(new SccacheStats(0, 4), stats);
  }

  /**
   * sccache compiles a library that is not incremental in its server, outside cargo's processes:
   * a release cook's dummies too. An interrupted cook ends those compiles before its cleaner runs;
   * left running, the held one below would write the {@code greeter} dummy's library seconds
   * after the cook had ended.
   */
  @Test
  void anInterruptEndsWhatTheServerCompilesBeforeTheCleanerRuns() throws Exception {
    CookScenario scenario = builder("interrupted", CookScenario.example());
    Path held = base.resolve("greeter-is-held");
    String realRustc =
        Processes.run(base, scenario.environment, List.of("rustc", "--print", "sysroot")).stdout().strip() + "/bin/rustc";
    // Named rustc, for sccache to take it for one: holds the greeter dummy 3 s, then compiles it.
    Path rustc = Files.createDirectories(base.resolve("bin")).resolve("rustc");
    Files.writeString(
        rustc,
        "#!/bin/sh\n"
            + "case \" $* \" in *\" --crate-name greeter \"*) touch \"" + held + "\"; sleep 3;; esac\n"
            + "exec \"" + realRustc + "\" \"$@\"\n");
    assertTrue(rustc.toFile().setExecutable(true));
    Map<String, String> environment = new HashMap<>(scenario.environment);
    environment.put("RUSTC", rustc.toString());
    Recipe recipe = scenario.prepare();
    Files.createDirectories(scenario.cook);
    CookInterrupt interrupt = new CookInterrupt();
    CompletableFuture<CookResult> cook =
        CompletableFuture.supplyAsync(
            () -> CookRunner.in(scenario.cook, withSccache().withProfile(BuildProfile.RELEASE))
                .withEnvironment(environment).withListener(event -> {}).withInterrupt(interrupt)
                .cook(recipe, Optional.empty()));
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (!Files.exists(held) && !cook.isDone() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertTrue(Files.exists(held), "the server compiles the greeter dummy");

    interrupt.raise();
    ExecutionException ended = assertThrows(ExecutionException.class, () -> cook.get(2, TimeUnit.MINUTES));

    CookException stopped = assertInstanceOf(CookException.class, ended.getCause());
    assertTrue(stopped.interrupted(), stopped.getMessage());
    List<String> running =
        ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
            .filter(line -> line.contains(rustc.toString())).toList();
    assertEquals(List.of(), running, "no compile outlives the cook");
    Thread.sleep(TimeUnit.SECONDS.toMillis(4));
    try (Stream<Path> deps = Files.list(scenario.cook.resolve("target/release/deps"))) {
      assertEquals(
          List.of(),
          deps.map(p -> p.getFileName().toString()).filter(name -> name.contains("greeter")).sorted().toList(),
          "nothing of the greeter dummy, then or later");
    }
  }

  @Test
  void aMissingSccacheIsAClearError() {
    CookScenario scenario = builder("missing", CookScenario.example());
    Map<String, String> environment = new HashMap<>(scenario.environment);
    String cargoDirectory = Path.of(Processes.run(base, System.getenv(), List.of("sh", "-c", "command -v cargo")).stdout().strip()).getParent().toString();
    environment.put("PATH", cargoDirectory);

    CookException error =
        assertThrows(
            CookException.class,
            () -> CookRunner.in(scenario.cook, withSccache()).withEnvironment(environment).cook(scenario.prepare(), Optional.empty()));

    assertEquals(1, error.exitCode());
    assertEquals(
        "sccache not found on the PATH; install it (apt-get install sccache, or cargo install sccache) or cook without sccache",
        error.getMessage());
    assertFalse(Files.exists(scenario.cook.resolve("target")), "cargo did not run");
  }
}
