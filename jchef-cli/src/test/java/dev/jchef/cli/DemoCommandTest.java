package dev.jchef.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jchef.model.testing.Cargo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
  @TempDir Path directory;

  @Test
  void runsTheWholeTechniqueOfflineAndReportsNoRegistryCrateRebuilt() {
    Cargo.assumeAvailable();

    CommandLineRun run = CommandLineRun.in(directory, "demo");

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("first build of the real sources: "), run.out());
    assertTrue(run.out().contains(", 0 registry crates compiled, 3 workspace units (app app, app build-script-build, greeter greeter)"), run.out());
    assertTrue(run.out().contains("  app says: HELLO, JCHEF!!! WELCOME!!!\n"), run.out());
    assertTrue(run.out().contains("  app says: HELLO, JCHEF!!! -- WELCOME!!!\n"), "the edit is in the program: " + run.out());
    assertTrue(run.out().contains("units rebuilt (0 from the registry)"), run.out());
  }
}
