package dev.jchef.cook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jchef.Jchef;
import dev.jchef.recipe.Recipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
}
