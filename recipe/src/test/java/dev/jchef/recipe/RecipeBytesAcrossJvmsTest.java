package dev.jchef.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jchef.model.testing.Processes;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two JVMs write the same recipe bytes for the same workspace. Within one JVM an unordered
 * collection iterates the same way every time, so only separate processes show an order that
 * depends on it: {@code Set.of} and {@code Map.of} iterate by a salt each JVM draws at start.
 */
@Tag("slow")
class RecipeBytesAcrossJvmsTest {
  @Test
  void threeJvmsWriteTheSameRecipeForEachExampleWorkspace() {
    for (String workspace : List.of("examples/demo-workspace", "examples/docker/workspace", "bench/workspace")) {
      Path directory = Path.of("..", workspace).toAbsolutePath().normalize();
      String first = recipe(directory);
      assertTrue(first.contains("\"manifests\""), first);
      for (int jvm = 2; jvm <= 3; jvm++) {
        assertEquals(first, recipe(directory), workspace + ": the recipe written by JVM " + jvm);
      }
    }
  }

  private static String recipe(Path workspace) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Processes.Result run = Processes.run(workspace, Map.of(), List.of(
        java, "-Xshare:off", "-cp", System.getProperty("java.class.path"), RecipeProbe.class.getName(), workspace.toString()));
    assertEquals(0, run.exitCode(), run.stderr());
    return run.stdout();
  }
}
