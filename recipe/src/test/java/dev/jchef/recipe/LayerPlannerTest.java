package dev.jchef.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableList;
import dev.jchef.model.Manifest;
import dev.jchef.model.Member;
import dev.jchef.model.Workspace;
import dev.jchef.model.testing.Fixture;
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
          LayerPlanner.suggest(Workspace.discover(directory), repository.git.getRepository(), head, "", 6, 2);

      assertEquals(
          new LayerPlan(
              ImmutableList.of(ImmutableList.of("crates/core", "crates/util"), ImmutableList.of("crates/server")),
              ImmutableList.of("crates/cli")),
          suggestion.plan());
      suggestion.plan().checkedAgainst(Workspace.discover(directory));
      assertEquals(6, suggestion.commits());
      assertEquals(Map.of("crates/cli", 6, "crates/core", 0, "crates/server", 2, "crates/util", 0), suggestion.changes());
      // Two commits rebuild server and cli (2 crates), four only cli (1): 8 / 6.
      assertEquals(8.0 / 6, suggestion.expectedWithPlan(), 1e-9);
      assertEquals(4, suggestion.expectedToday(), 1e-9);
    }
  }

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
