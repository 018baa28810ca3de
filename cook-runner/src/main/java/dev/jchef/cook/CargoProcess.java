package dev.jchef.cook;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Runs cargo on the skeleton: {@code cargo <subcommand> --message-format
 * json-render-diagnostics <flags>} in the skeleton's directory, with the caller's environment.
 * cargo's own messages and rendered diagnostics are passed on line by line; its JSON messages
 * feed the {@link CookProgress}. A failing cargo becomes a {@link CookException} carrying cargo's
 * exit status. When the {@link CookInterrupt} is raised, cargo and the processes it started are
 * stopped, what they print from then on is dropped (cargo's "could not compile" errors of the
 * processes it lost say nothing the user needs), and the run ends with the interrupted {@link
 * CookException}; its JSON messages are still read, so that the cleaner knows every dummy unit.
 */
final class CargoProcess {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** The status of a process ended by SIGINT or SIGTERM, as Java reports it: 128 plus the signal. */
  private static final int SIGINT_STATUS = 130;
  private static final int SIGTERM_STATUS = 143;
  /** How long a signal that ended cargo may take to reach this process's handler. */
  private static final Duration SIGNAL_DELIVERY = Duration.ofSeconds(1);

  private final Path executable;
  private final Map<String, String> environment;
  private final CookInterrupt interrupt;

  CargoProcess(Path executable, Map<String, String> environment, CookInterrupt interrupt) {
    this.executable = executable;
    this.environment = environment;
    this.interrupt = interrupt;
  }

  /** The command line that runs cargo for {@code options}. */
  List<String> command(CookOptions options, boolean color) {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.add(options.subcommand().cargoName());
    command.add("--message-format=json-render-diagnostics");
    if (color) {
      command.add("--color=always");
    }
    command.addAll(options.cargoArguments());
    return command;
  }

  /**
   * Runs cargo, adding what it reports to {@code messages} as it arrives (so that a failed build
   * still leaves what it reported).
   */
  void run(Path directory, CookOptions options, CookProgress progress, CargoMessages messages, boolean color) {
    ProcessBuilder builder = new ProcessBuilder(command(options, color)).directory(directory.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment);
    interrupt.stopHereIfRaised();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new CookException(1, "cannot start " + executable + ": " + e.getMessage());
    }
    interrupt.running(process);
    AtomicReference<IOException> lost = new AtomicReference<>();
    Thread stdout = new Thread(() -> read(process, progress, messages, lost), "cargo-stdout");
    Thread stderr = new Thread(() -> forward(process, progress), "cargo-stderr");
    stdout.start();
    stderr.start();
    int exitCode;
    try {
      process.getOutputStream().close();
      stdout.join();
      stderr.join();
      exitCode = process.waitFor();
      interrupt.finished();
      if (exitCode == SIGINT_STATUS || exitCode == SIGTERM_STATUS) {
        // cargo was ended by a signal that a terminal (Ctrl-C) or a cancelled job sends to this
        // process too; its handler may raise the interrupt a moment after cargo is gone.
        interrupt.awaitRaised(SIGNAL_DELIVERY);
      }
    } catch (InterruptedException e) {
      // This thread was interrupted (a cancelled Future, an executor shut down): stop as a raised
      // CookInterrupt stops, and say so once the cook has cleaned up (CookRunner sets the flag
      // again; its file channels would not work with it set).
      interrupt.raise();
      awaitUninterruptibly(List.of(stdout, stderr));
      process.onExit().join();
      interrupt.finished();
      progress.clear();
      interrupt.awaitStopped();
      throw CookException.byThreadInterrupt();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to cargo", e);
    }
    if (lost.get() != null) {
      throw new UncheckedIOException("cannot read cargo's output", lost.get());
    }
    if (interrupt.raised()) {
      progress.clear();
      interrupt.awaitStopped();
      throw CookException.byInterrupt();
    }
    progress.finish();
    if (exitCode != 0) {
      throw new CookException(
          exitCode,
          "cargo " + options.subcommand().cargoName() + " failed with exit status " + exitCode
              + " (cargo's messages above say why)");
    }
  }

  /** Reads cargo's standard output to its end: its JSON messages, and the lines its tools print. */
  private void read(Process process, CookProgress progress, CargoMessages messages, AtomicReference<IOException> lost) {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        parse(line, progress, messages);
      }
    } catch (IOException e) {
      lost.set(e);
    }
  }

  private static void awaitUninterruptibly(List<Thread> threads) {
    boolean interrupted = false;
    for (Thread thread : threads) {
      while (thread.isAlive()) {
        try {
          thread.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      // Another interrupt came while waiting: it is the same request.
      Thread.interrupted();
    }
  }

  /** A JSON message, or a line some tool printed on cargo's standard output, passed on. */
  private void parse(String line, CookProgress progress, CargoMessages messages) {
    if (line.startsWith("{")) {
      try {
        JsonNode message = MAPPER.readTree(line);
        CompilerArtifact.of(message)
            .ifPresent(
                artifact -> {
                  messages.add(artifact);
                  if (!interrupt.raised()) {
                    progress.artifact(artifact);
                  }
                });
        BuildScriptExecuted.of(message).ifPresent(messages::add);
        return;
      } catch (JacksonException e) {
        // not a message after all: show it
      }
    }
    if (!interrupt.raised()) {
      progress.toolLine(line);
    }
  }

  private void forward(Process process, CookProgress progress) {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (!interrupt.raised()) {
          progress.cargoLine(line);
        }
      }
    } catch (IOException e) {
      progress.cargoLine("jchef cook: lost cargo's messages: " + e.getMessage());
    }
  }
}
