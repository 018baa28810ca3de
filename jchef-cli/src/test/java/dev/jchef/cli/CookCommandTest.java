package dev.jchef.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jchef.model.testing.Cargo;
import dev.jchef.model.testing.Fixture;
import dev.jchef.model.testing.Processes;
import dev.jchef.model.testing.TestRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;

/** {@code jchef prepare} then {@code jchef cook} with real cargo, through the command line. */
@Tag("slow")
class CookCommandTest {
  @TempDir Path base;
  private Map<String, String> environment;
  private Path cook;

  @BeforeEach
  void prepareTheExample() throws IOException {
    Cargo.assumeAvailable();
    environment = TestRegistry.environment(TestRegistry.cargoHome(base.resolve("cargo-home")));
    Path project = Fixture.ofDirectory(Path.of("..", "examples", "demo-workspace")).writeTo(base.resolve("project"));
    assertEquals(0, CommandLineRun.in(project, environment, "prepare").exitCode());
    cook = Files.createDirectories(base.resolve("cook"));
    Files.copy(project.resolve("recipe.json"), cook.resolve("recipe.json"));
  }

  @Test
  void cooksAndEndsWithTheSummaryLine() {
    CommandLineRun run = CommandLineRun.in(cook, environment, "cook", "--release");

    assertEquals(0, run.exitCode(), run.err());
    List<String> lines = run.err().lines().toList();
    String summary = lines.get(lines.size() - 1);
    assertTrue(
        summary.matches("jchef cook: \\d+ units compiled, 0 fresh, \\d+ dummy artifacts? removed, \\d+\\.\\d s"),
        summary);
    assertTrue(run.err().contains("Compiling chef-shout v1.0.0"), "cargo's own lines are shown");
    assertTrue(run.err().contains("packages built"), "progress is shown");
    assertTrue(Files.isDirectory(cook.resolve("target/release/deps")));

    CommandLineRun again = CommandLineRun.in(cook, environment, "cook", "--release");
    assertEquals(0, again.exitCode(), again.err());
    assertTrue(again.err().lines().reduce((a, b) -> b).orElseThrow().matches("jchef cook: \\d+ units compiled, \\d+ fresh, .*"));
  }

  @Test
  void cargosFailureIsCooksExitStatusWithOneLine() {
    CommandLineRun run = CommandLineRun.in(cook, environment, "cook", "--features", "no-such-feature");

    assertEquals(101, run.exitCode());
    assertTrue(
        run.err().endsWith("jchef cook: cargo build failed with exit status 101 (cargo's messages above say why)\n"),
        run.err());
  }

  @Test
  void aLinkerScriptTheConfigNamesIsNamedByPrepareAndByTheCookThatFailsWithoutIt() throws IOException {
    Path project = Fixture.ofDirectory(Path.of("..", "examples", "demo-workspace")).writeTo(base.resolve("linked"));
    String host = Processes.run(project, environment, List.of("rustc", "-vV")).stdout().lines()
        .filter(line -> line.startsWith("host: ")).findFirst().orElseThrow().substring("host: ".length());
    Files.createDirectories(project.resolve(".cargo"));
    Files.writeString(project.resolve(".cargo/config.toml"), "[target." + host + "]\nlinker = \".cargo/cc-wrapper.sh\"\n");
    Path script = Files.writeString(project.resolve(".cargo/cc-wrapper.sh"), "#!/bin/sh\nexec cc \"$@\"\n");
    script.toFile().setExecutable(true);
    String named = ".cargo/cc-wrapper.sh ([target." + host + "] linker)";

    CommandLineRun prepare = CommandLineRun.in(project, environment, "prepare", "-q");
    assertEquals(
        new CommandLineRun(
            0, "",
            "jchef prepare: warning: the Cargo config names a local file the recipe does not carry: " + named
                + "; copy it into the build directory before cook, at the same path\n"),
        prepare);

    Path linkedCook = Files.createDirectories(base.resolve("linked-cook"));
    Files.copy(project.resolve("recipe.json"), linkedCook.resolve("recipe.json"));
    CommandLineRun failed = CommandLineRun.in(linkedCook, environment, "cook");
    assertEquals(101, failed.exitCode(), failed.err());
    assertTrue(failed.err().contains("linker `" + linkedCook.resolve(".cargo/cc-wrapper.sh") + "` not found"), failed.err());
    assertTrue(
        failed.err().endsWith(
            "jchef cook: cargo build failed with exit status 101 (cargo's messages above say why); not here: " + named
                + ", which the Cargo config names and the recipe does not carry; copy it in before cook, at the same path\n"),
        failed.err());

    Files.copy(script, linkedCook.resolve(".cargo/cc-wrapper.sh"), StandardCopyOption.COPY_ATTRIBUTES);
    CommandLineRun cooked = CommandLineRun.in(linkedCook, environment, "cook");
    assertEquals(0, cooked.exitCode(), cooked.err());
  }

  @Test
  void aMissingCargoIsAClearError() {
    Map<String, String> noCargo = new HashMap<>(environment);
    noCargo.remove("CARGO");
    noCargo.put("PATH", base.resolve("empty").toString());

    CommandLineRun run = CommandLineRun.in(cook, noCargo, "cook");

    assertEquals(
        new CommandLineRun(
            1, "", "jchef cook: cargo not found: it is not on the PATH and CARGO is not set; install Rust (rustup) or set CARGO\n"),
        run);
  }

  @Test
  void contradictoryFlagsAreUsageErrors() {
    CommandLineRun profiles = CommandLineRun.in(cook, environment, "cook", "--release", "--profile", "dist");
    assertEquals(2, profiles.exitCode());
    assertEquals(
        "jchef cook: --release and --profile dist both choose a profile: give one of them\n"
            + "Run 'jchef cook --help' for the options.\n",
        profiles.err());

    CommandLineRun commands = CommandLineRun.in(cook, environment, "cook", "--check", "--no-build");
    assertEquals(2, commands.exitCode());
    assertTrue(commands.err().startsWith("jchef cook: Error: --check, --no-build are mutually exclusive (specify only one)\n"), commands.err());

    CommandLineRun jobs = CommandLineRun.in(cook, environment, "cook", "-j", "abc");
    assertEquals(2, jobs.exitCode());
    assertEquals(
        "jchef cook: Invalid value for option '--jobs': 'abc' is not an int\nRun 'jchef cook --help' for the options.\n",
        jobs.err());

    CommandLineRun typo = CommandLineRun.in(cook, environment, "cook", "--relase");
    assertEquals(2, typo.exitCode());
    assertEquals("jchef cook: Unknown option: '--relase'\nPossible solutions: --recipe-path, --release\nRun 'jchef cook --help' for the options.\n", typo.err());

    CommandLineRun exclude = CommandLineRun.in(cook, environment, "cook", "--exclude", "xtask");
    assertEquals(2, exclude.exitCode());
    assertTrue(exclude.err().startsWith("jchef cook: --exclude needs --workspace, as in cargo"), exclude.err());
  }
}
