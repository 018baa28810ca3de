package dev.jchef.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jchef.model.testing.Cargo;
import dev.jchef.model.testing.Fixture;
import dev.jchef.model.testing.TestRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jchef build}, the final step of a layered build, with real cargo through the command line. */
@Tag("slow")
class BuildCommandTest {
  @TempDir Path base;

  /**
   * Run from outside the workspace with {@code --manifest-path}: the workspace, and the plan
   * beside it, are the manifest's directory's; the summary names the units as jchef demo does,
   * and the second build compiles nothing of the layer package.
   */
  @Test
  void buildsTheWorkspaceOfManifestPathAndNamesWhatItCompiled() {
    Cargo.assumeAvailable();
    Map<String, String> environment = TestRegistry.environment(TestRegistry.cargoHome(base.resolve("cargo-home")));
    Path project =
        Fixture.ofDirectory(Path.of("..", "examples", "demo-workspace"))
            .with("jchef-layers.toml", "[[layer]]\nmembers = [\"greeter\"]\n[final]\nmembers = [\"app\", \"tool\"]\n")
            .writeTo(base.resolve("ws"));

    CommandLineRun first = CommandLineRun.in(base, environment, "build", "--manifest-path", "ws/Cargo.toml");
    CommandLineRun second = CommandLineRun.in(base, environment, "build", "--manifest-path", "ws/Cargo.toml");

    assertEquals(0, first.exitCode(), first.err());
    List<String> lines = first.err().lines().toList();
    assertTrue(
        lines.get(lines.size() - 1).matches(
            "jchef build: app, app's build script, greeter compiled, \\d+ units from the registry, \\d+\\.\\d s"),
        first.err());
    assertTrue(Files.exists(project.resolve("target/debug/.jchef-layer-sources.json")));
    assertEquals(0, second.exitCode(), second.err());
    String summary = second.err().lines().reduce((a, b) -> b).orElseThrow();
    assertTrue(summary.startsWith("jchef build: no workspace unit compiled, 0 units from the registry"), second.err());
  }
}
