package dev.jchef.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jchef.model.testing.Cargo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;

@Tag("slow")
class DemoCommandTest {
  @TempDir Path directory;

  @Test
  void runsTheWholeTechniqueOfflineAndReportsNoRegistryCrateRebuilt() {
    Cargo.assumeAvailable();

    CommandLineRun run = CommandLineRun.in(directory, "demo");

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("first build of the real sources: "), run.out());
    assertTrue(run.out().startsWith("jchef demo: working in "), run.out());
    assertTrue(run.out().lines().findFirst().orElseThrow().endsWith(" (removed afterwards; --keep keeps it)"), run.out());
    assertTrue(run.out().contains("; compiled app, app's build script, greeter, and no registry crate\n"), run.out());
    assertTrue(run.out().contains("  app says: HELLO, JCHEF!!! WELCOME!!!\n"), run.out());
    assertTrue(run.out().contains("  app says: HELLO, JCHEF!!! -- WELCOME!!!\n"), "the edit is in the program: " + run.out());
    assertTrue(run.out().contains("after editing greeter/src/lib.rs: "), run.out());
    assertTrue(run.out().contains("; compiled app, app's build script, greeter, and no registry crate\n  app says: HELLO, JCHEF!!! -- WELCOME!!!"), run.out());
  }
}
