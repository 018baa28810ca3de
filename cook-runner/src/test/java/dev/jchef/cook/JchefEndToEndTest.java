package dev.jchef.cook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jchef.Jchef;
import dev.jchef.recipe.Recipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's library example through {@link Jchef}, with real cargo on the example workspace:
 * prepare, keep the recipe in a file, cook with a listener, build the real sources; the real build
 * compiles only the workspace's crates and the program is the real one.
 */
@Tag("slow")
class JchefEndToEndTest {
  @TempDir Path base;

  @Test
  void prepareWriteCookAndBuildThroughTheEntryPoint() throws Exception {
    CookScenario scenario = CookScenario.of(base, CookScenario.example());
    List<CookEvent> events = new ArrayList<>();

    Recipe recipe = Jchef.prepare(scenario.project);
    Path recipeFile = scenario.cook.resolve("recipe.json");
    Jchef.writeRecipe(recipeFile, recipe);
    CookResult cooked = Jchef.cook(scenario.cook).environment(scenario.environment).listener(events::add).run(recipe);

    assertEquals(recipe, Jchef.readRecipe(recipeFile));
    assertEquals(recipe.fingerprint(), Jchef.fingerprint(Jchef.readRecipe(recipeFile)));
    assertTrue(cooked.built(), cooked.summary());
    assertTrue(cooked.compiledUnits() >= 8, cooked.summary());
    assertFalse(Files.exists(scenario.cook.resolve("target/debug/app")), "the dummy program is gone");
    assertTrue(events.stream().anyMatch(e -> e instanceof CookEvent.Progress p && p.unitsCompiled() > 0), events.toString());
    assertTrue(events.contains(new CookEvent.Finished(false)), events.toString());

    scenario.copySources();
    RealBuild.Report build = Jchef.cook(scenario.cook).environment(scenario.environment).listener(events::add).build();

    assertEquals(List.of(), build.registryCompiled());
    assertEquals(List.of("app app", "app build-script-build", "greeter greeter"), build.workspaceCompiled().stream().sorted().toList());
    assertEquals(CookEndToEndTest.REAL_OUTPUT, scenario.program("target/debug/app"));
  }

  @Test
  void theCookKeyNamesRecipeOptionsAndToolchain() {
    CookScenario scenario = CookScenario.of(base, CookScenario.example());
    Recipe recipe = Jchef.prepare(scenario.project);
    Jchef.Cook dev = Jchef.cook(scenario.project).environment(scenario.environment);

    String key = dev.key(recipe);

    assertTrue(key.matches("[0-9a-f]{64}"), key);
    assertEquals(key, dev.key(Jchef.prepare(scenario.project)));
    assertNotEquals(key, dev.release().key(recipe));
    assertNotEquals(key, dev.offline().key(recipe));
    assertNotEquals(key, dev.key(Jchef.prepare(scenario.project, "tool")));
    assertEquals(key, dev.options(CookOptions.builder().jobs(1).timings(true).verbose(true).build()).key(recipe));
    // No cache is opened for a key (oci-cache is not on this module's class path).
    assertEquals(key, dev.cacheTo("127.0.0.1:1/team/app-cook").key(recipe));
    // A build directory not made yet: cargo and rustc are asked where rustup would look from it.
    assertEquals(
        Jchef.cook(base).environment(scenario.environment).key(recipe),
        Jchef.cook(base.resolve("not/made/yet")).environment(scenario.environment).key(recipe));
  }

  @Test
  void anInterruptRaisedBeforehandStopsTheCookAndLeavesNoDummyProgram() {
    CookScenario scenario = CookScenario.of(base, CookScenario.example());
    CookInterrupt interrupt = new CookInterrupt();
    interrupt.raise();

    CookException stopped =
        assertThrows(
            CookException.class,
            () -> Jchef.cook(scenario.cook).environment(scenario.environment).listener(event -> {}).interrupt(interrupt)
                .run(Jchef.prepare(scenario.project)));

    assertTrue(stopped.interrupted(), stopped.getMessage());
    assertFalse(Files.exists(scenario.cook.resolve("target/debug/app")), "no dummy program");
  }

  @Test
  void anInterruptOfTheCooksThreadStopsCargoAndSaysSo() throws Exception {
    CookScenario scenario = CookScenario.of(base, CookScenario.example());
    // Every rustc waits 2 s first, so that the cook is still running when its thread is interrupted.
    Path slowRustc = base.resolve("slow-rustc");
    Files.writeString(slowRustc, "#!/bin/sh\nsleep 2\nexec \"$@\"\n");
    slowRustc.toFile().setExecutable(true);
    Map<String, String> environment = new HashMap<>(scenario.environment);
    environment.put("RUSTC_WRAPPER", slowRustc.toString());
    Recipe recipe = Jchef.prepare(scenario.project);
    CountDownLatch compiling = new CountDownLatch(1);
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicBoolean flagSetAfter = new AtomicBoolean();
    Thread cook = new Thread(() -> {
      try {
        Jchef.cook(scenario.cook).environment(environment)
            .listener(event -> {
              if (event instanceof CookEvent.CargoLine line && line.text().contains("Compiling")) {
                compiling.countDown();
              }
            })
            .run(recipe);
      } catch (Throwable e) {
        thrown.set(e);
        flagSetAfter.set(Thread.currentThread().isInterrupted());
      }
    });
    cook.start();
    assertTrue(compiling.await(120, TimeUnit.SECONDS), "cargo started compiling");

    long interrupted = System.nanoTime();
    cook.interrupt();
    cook.join(TimeUnit.SECONDS.toMillis(60));

    assertFalse(cook.isAlive(), "the cook ended");
    assertTrue(Duration.ofNanos(System.nanoTime() - interrupted).toSeconds() < 20, "it ended soon after the interrupt");
    CookException stopped = assertInstanceOf(CookException.class, thrown.get());
    assertTrue(stopped.interrupted(), stopped.getMessage());
    assertEquals(130, stopped.exitCode());
    assertTrue(flagSetAfter.get(), "the thread's interrupt flag is set again");
    assertFalse(Files.exists(scenario.cook.resolve("target/debug/app")), "no dummy program");
  }
}
