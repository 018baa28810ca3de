package dev.jchef.recipe.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableList;
import dev.jchef.model.testing.Fixture;
import dev.jchef.model.workspace.Manifest;
import dev.jchef.model.workspace.Member;
import dev.jchef.model.workspace.Workspace;
import dev.jchef.recipe.LayerPlan;
import dev.jchef.recipe.testing.GitRepositoryFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layers suggested from a history: rarely changed packages first, in dependency order. */
class LayerPlannerTest {
  @TempDir Path directory;

  @Test
  void rarelyChangedPackagesGoFirstAndTheCutMinimisesTheCratesCompiledPerCommit() {
    try (GitRepositoryFixture repository = GitRepositoryFixture.init(directory)) {
      repository.commit("workspace", LayerPlanTest.WORKSPACE);
      RevCommit head = null;
      // cli changes in every commit, server in two, core and util never.
      for (int i = 0; i < 6; i++) {
        Fixture change = Fixture.of("crates/cli/src/main.rs", "// " + i + "\n");
        if (i % 3 == 0) {
          change = change.with("crates/server/src/lib.rs", "// " + i + "\n");
        }
        head = repository.commit("change " + i, change.with("README.md", "" + i));
      }

      LayerPlanner.Suggestion suggestion =
          LayerPlanner.suggest(Workspace.discover(directory), repository.git.getRepository(), head, "", 6, 2, ONE_SECOND_EACH);

      assertEquals(
          LayerPlan.of(
              ImmutableList.of(ImmutableList.of("crates/core", "crates/util"), ImmutableList.of("crates/server")),
              ImmutableList.of("crates/cli")),
          suggestion.plan());
      LayerPlanCheck.check(suggestion.plan(), Workspace.discover(directory));
      assertEquals(6, suggestion.commits());
      assertEquals(Map.of("crates/cli", 6, "crates/core", 0, "crates/server", 2, "crates/util", 0), suggestion.changes());
      // Two commits rebuild server and cli (2 crates), four only cli (1): 8 / 6.
      assertEquals(8.0 / 6, suggestion.expectedWithPlan(), 1e-9);
      assertEquals(4, suggestion.expectedToday(), 1e-9);
      // Seconds: the two server commits re-run layer 2 (1 s of step) and compile 2 s; the final
      // step's own second is paid by every commit, with layers or without.
      assertEquals((2 * (2 + 1) + 4 * 1) / 6.0 + 1, suggestion.secondsWithPlan(), 1e-9);
      assertEquals(4 + 1, suggestion.secondsToday(), 1e-9);
    }
  }

  /**
   * When the package everything is built from changes in every commit, every commit re-runs every
   * layer step: layers only add their fixed cost, so the plan has none, and says so by its shape.
   */
  @Test
  void whenTheFirstPackageChangesInEveryCommitLayersCannotPay() {
    try (GitRepositoryFixture repository = GitRepositoryFixture.init(directory)) {
      repository.commit("workspace", LayerPlanTest.WORKSPACE);
      RevCommit head = null;
      for (int i = 0; i < 4; i++) {
        head = repository.commit("change " + i, Fixture.of("crates/core/src/lib.rs", "// " + i + "\n"));
      }

      LayerPlanner.Suggestion suggestion =
          LayerPlanner.suggest(Workspace.discover(directory), repository.git.getRepository(), head, "", 4, 3, ONE_SECOND_EACH);

      assertEquals(0, suggestion.plan().layers().size());
      assertEquals(suggestion.secondsToday(), suggestion.secondsWithPlan(), 1e-9);
    }
  }

  /**
   * The cut weighs seconds, not crates: package b (changed in one commit of four, c in three)
   * earns a layer of its own when it is heavy, since the three commits that change c then skip
   * compiling it; when it is light, its step's fixed cost outweighs that.
   */
  @Test
  void theCutWeighsCompileSecondsAndTheStepCost() {
    int[] first = {1, 2, 2, 2};   // the earliest changed package of each commit, in the order a, b, c

    assertEquals(List.of(1, 2), LayerPlanner.bestCut(first, new double[] {1, 10, 1}, 2, 3).boundaries());
    assertEquals(List.of(1), LayerPlanner.bestCut(first, new double[] {1, 0.5, 1}, 2, 3).boundaries());
    // Free steps and equal weights: as counting crates does.
    assertEquals(List.of(1, 2), LayerPlanner.bestCut(first, new double[] {1, 1, 1}, 0, 3).boundaries());
    // Seconds of the heavy plan: b's commit re-runs b's layer (10 + 1 + 2 s), c's commits compile c.
    assertEquals(13 + 3, LayerPlanner.bestCut(first, new double[] {1, 10, 1}, 2, 3).seconds(), 1e-9);
  }

  private static final CompileCosts ONE_SECOND_EACH =
      new CompileCosts(
          Map.of("crates/core", 1.0, "crates/util", 1.0, "crates/server", 1.0, "crates/cli", 1.0), 1.0, "test");

  @Test
  void theOrderKeepsEveryPackageAfterItsPathDependenciesEvenWhenTheyChangeMoreOften() {
    List<String> order =
        LayerPlanner.order(
            Map.of(
                "a", member("a", List.of()),
                "b", member("b", List.of("a")),
                "c", member("c", List.of())),
            Map.of("a", 9, "b", 0, "c", 1));

    assertEquals(List.of("c", "a", "b"), order);
  }

  @Test
  void devDependenciesThatPointBackDoNotOrder() {
    List<String> order =
        LayerPlanner.order(
            Map.of(
                "protocol", member("protocol", List.of(), List.of("test-support", "protocol")),
                "test-support", member("test-support", List.of("protocol"), List.of())),
            Map.of("protocol", 5, "test-support", 0));

    assertEquals(List.of("protocol", "test-support"), order);
  }

  private static Member member(String directory, List<String> dependencies) {
    return member(directory, dependencies, List.of());
  }

  private static Member member(String directory, List<String> dependencies, List<String> devDependencies) {
    List<String> all = new java.util.ArrayList<>(dependencies);
    all.addAll(devDependencies);
    return new Member(
        directory,
        Manifest.parse("[package]\nname = \"" + directory + "\"\n", directory + "/Cargo.toml"),
        "2021",
        ImmutableList.of(),
        ImmutableList.sortedCopyOf(new java.util.TreeSet<>(all)),
        ImmutableList.sortedCopyOf(dependencies));
  }
}
