package dev.jchef.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jchef.model.testing.Cargo;
import dev.jchef.model.testing.TestRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;

/**
 * A cook stopped by a signal while cargo builds: Ctrl-C on a terminal (SIGINT to jchef, cargo and
 * rustc alike, the terminal's process group) and a cancelled CI job or {@code docker stop}
 * (SIGTERM to jchef alone). jchef ends cargo and what it started, removes what the dummies had
 * compiled to, releases the lock, says so in one line instead of cargo's errors, and exits 130 or
 * 143; a second cook of the directory is not kept waiting.
 *
 * <p>The build is held up by a {@code RUSTC_WRAPPER} that compiles the {@code app} dummy, the
 * last unit of the example workspace, and then never returns, so that the signal comes once the
 * other dummies (the {@code greeter} library, {@code app}'s build script) are compiled and
 * reported, and while {@code app}'s program is written but, its unit still running, unreported:
 * as a unit in flight leaves its dep-info, object files and a half-linked program.
 */
@Tag("slow")
class InterruptedCookTest {
  private static final String INTERRUPTED = "jchef cook: interrupted; run it again to continue";
  /** The example workspace's own packages; anything of theirs in the target directory is a dummy's. */
  private static final List<String> LOCAL_UNITS = List.of("greeter-", "libgreeter-", "app-", "tool-");

  @TempDir Path base;

  @Test
  void ctrlCOnATerminalStopsTheCookCleansUpAndExits130() throws Exception {
    assertInterruptedCook("INT", true, 130);
  }

  @Test
  void sigtermToJchefAloneStopsCargoCleansUpAndExits143() throws Exception {
    assertInterruptedCook("TERM", false, 143);
  }

  /**
   * Starts a cook, waits until cargo holds at the {@code app} dummy, sends {@code signal} (to the
   * process group when {@code group}, as a terminal does), and asserts how the cook ended.
   */
  private void assertInterruptedCook(String signal, boolean group, int status) throws Exception {
    Cargo.assumeAvailable();
    Map<String, String> environment = TestRegistry.environment(TestRegistry.cargoHome(base.resolve("cargo-home")));
    Path project = RealBuilds.copyTree(RealBuilds.EXAMPLE, base.resolve("project"));
    Path cook = Files.createDirectories(base.resolve("cook"));
    assertEquals(0, JchefProcesses.run(project, environment, "prepare", "-q", "--recipe-path",
        cook.resolve("recipe.json").toString()).exitCode());
    Path held = base.resolve("app-is-held");
    Path wrapper = Files.writeString(base.resolve("hold-app.sh"),
        "#!/bin/sh\n"
            + "case \" $* \" in *\" --crate-name app \"*) \"$@\"; touch \"" + held + "\"; while :; do sleep 1; done;; esac\n"
            + "exec \"$@\"\n");
    assertTrue(wrapper.toFile().setExecutable(true));
    Map<String, String> slow = new HashMap<>(environment);
    slow.put("RUSTC_WRAPPER", wrapper.toString());
    Path err = base.resolve("cook.err");

    Process process = start(cook, slow, err);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (!Files.exists(held) && process.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertTrue(Files.exists(held), "cargo reached the app dummy: " + Files.readString(err));
    assertFalse(localUnits(cook).isEmpty(), "the other dummies were compiled before the signal");
    List<String> kill = new ArrayList<>(List.of("kill", "-" + signal, "--"));
    kill.add((group ? "-" : "") + process.pid());
    assertEquals(0, new ProcessBuilder(kill).start().waitFor());

    assertTrue(process.waitFor(2, TimeUnit.MINUTES), "jchef ended after SIG" + signal);
    String output = Files.readString(err);
    assertEquals(status, process.exitValue(), output);
    assertTrue(output.endsWith("\n" + INTERRUPTED + "\n"), output);
    assertEquals(1, output.lines().filter(INTERRUPTED::equals).count(), output);
    for (String cargoNoise : List.of("error", "failed", "could not compile", "warning: build failed")) {
      assertFalse(output.contains(cargoNoise), "cargo's messages after the signal are not shown: " + output);
    }
    assertEquals(List.of(), localUnits(cook), "what the dummies compiled to is removed");
    assertTrue(processesRunning(wrapper).isEmpty(), "cargo's processes ended: " + processesRunning(wrapper));

    Process again = start(cook, environment, base.resolve("again.err"));
    assertTrue(again.waitFor(5, TimeUnit.MINUTES), "the cook run again ended");
    String againOutput = Files.readString(base.resolve("again.err"));
    assertEquals(0, again.exitValue(), againOutput);
    assertFalse(againOutput.contains("waiting for another cook"), againOutput);
  }

  /** jchef cook in its own process group, as a shell starts a job, with SIGINT and SIGTERM not ignored. */
  private static Process start(Path cook, Map<String, String> environment, Path err) throws IOException {
    List<String> command = new ArrayList<>(List.of("setsid", "env", "--default-signal=INT,TERM"));
    command.addAll(JchefProcesses.command(List.of(), List.of("cook")));
    ProcessBuilder builder = new ProcessBuilder(command).directory(cook.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment);
    return builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
  }

  /**
   * The entries of the workspace's own packages in the dev profile's deps/ and build/, and the
   * files in their fingerprint directories, {@code invoked.timestamp} too: cargo writes it when
   * it starts a unit, and the unit in flight when the signal came goes as a whole.
   */
  private static List<String> localUnits(Path cook) throws IOException {
    List<String> units = new ArrayList<>();
    Path profile = cook.resolve("target/debug");
    for (String directory : List.of("deps", "build", ".fingerprint")) {
      if (!Files.isDirectory(profile.resolve(directory))) {
        continue;
      }
      try (Stream<Path> entries = Files.list(profile.resolve(directory))) {
        for (Path entry : entries.filter(e -> LOCAL_UNITS.stream().anyMatch(e.getFileName().toString()::startsWith)).toList()) {
          if (!directory.equals(".fingerprint")) {
            units.add(profile.relativize(entry).toString());
            continue;
          }
          try (Stream<Path> files = Files.list(entry)) {
            files.forEach(file -> units.add(profile.relativize(file).toString()));
          }
        }
      }
    }
    return units;
  }

  /** Processes still running the wrapper, after a few seconds' grace. */
  private static List<String> processesRunning(Path wrapper) throws InterruptedException {
    List<String> running = List.of();
    for (int i = 0; i < 50; i++) {
      running = ProcessHandle.allProcesses()
          .filter(p -> p.info().commandLine().map(c -> c.contains(wrapper.toString())).orElse(false))
          .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
          .toList();
      if (running.isEmpty()) {
        return running;
      }
      Thread.sleep(200);
    }
    return running;
  }
}
