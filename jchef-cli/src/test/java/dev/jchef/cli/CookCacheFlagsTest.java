package dev.jchef.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jchef.model.testing.Fixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cook --cache-from/--cache-to}: what the command line refuses before anything runs. */
class CookCacheFlagsTest {
  @TempDir Path base;
  private Path cook;

  @BeforeEach
  void prepareTheExample() throws IOException {
    Path project = Fixture.ofDirectory(Path.of("..", "examples", "demo-workspace")).writeTo(base.resolve("project"));
    assertEquals(0, CommandLineRun.in(project, "prepare", "-q").exitCode());
    cook = Files.createDirectories(base.resolve("cook"));
    Files.copy(project.resolve("recipe.json"), cook.resolve("recipe.json"));
  }

  private void assertRefused(Map<String, String> environment, String expected, String... args) throws IOException {
    CommandLineRun run = CommandLineRun.in(cook, environment, args);
    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().contains(expected), run.err());
    try (var files = Files.list(cook)) {
      assertEquals(1, files.count(), "nothing written but the recipe");
    }
  }

  @Test
  void aTaggedReferenceALayerStepAZeroTimeoutAndHalfALoginAreRefused() throws IOException {
    Map<String, String> environment = new HashMap<>(System.getenv());
    assertRefused(environment, "cache reference `ghcr.io/org/app:latest`: give a repository, host[:port]/path",
        "cook", "--cache-from", "ghcr.io/org/app:latest");
    assertRefused(environment, "a --layer step does not use them", "cook", "--cache-to", "127.0.0.1:5000/a/b", "--layer", "1");
    assertRefused(environment, "--cache-timeout must be a positive number of seconds",
        "cook", "--cache-to", "127.0.0.1:5000/a/b", "--cache-timeout", "0");
    environment.put("JCHEF_CACHE_USERNAME", "chef");
    environment.remove("JCHEF_CACHE_PASSWORD");
    assertRefused(environment, "JCHEF_CACHE_USERNAME and JCHEF_CACHE_PASSWORD go together",
        "cook", "--cache-from", "127.0.0.1:5000/a/b");
  }
}
