package dev.jchef.cook;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs cargo on the skeleton: {@code cargo <subcommand> --message-format
 * json-render-diagnostics <flags>} in the skeleton's directory, with the caller's environment.
 * cargo's own messages and rendered diagnostics are passed on line by line; its JSON messages
 * feed the {@link CookProgress}. A failing cargo becomes a {@link CookException} carrying cargo's
 * exit status.
 */
final class CargoProcess {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Path executable;
  private final Map<String, String> environment;

  CargoProcess(Path executable, Map<String, String> environment) {
    this.executable = executable;
    this.environment = environment;
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
  void run(
      Path directory, CookOptions options, CookProgress progress, CargoMessages messages,
      PrintWriter out, boolean color) {
    ProcessBuilder builder = new ProcessBuilder(command(options, color)).directory(directory.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new CookException(1, "cannot start " + executable + ": " + e.getMessage());
    }
    Thread stderr = new Thread(() -> forward(process, progress), "cargo-stderr");
    stderr.start();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      process.getOutputStream().close();
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        parse(line, out, progress, messages);
      }
      stderr.join();
      int exitCode = process.waitFor();
      progress.finish();
      if (exitCode != 0) {
        throw new CookException(
            exitCode,
            "cargo " + options.subcommand().cargoName() + " failed with exit status " + exitCode
                + " (cargo's messages above say why)");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read cargo's output", e);
    } catch (InterruptedException e) {
      process.destroy();
      Thread.currentThread().interrupt();
      throw new CookException(130, "interrupted while cargo was running");
    }
  }

  /** A JSON message, or a line some tool printed on cargo's standard output, passed on. */
  private static void parse(
      String line, PrintWriter out, CookProgress progress, CargoMessages messages) {
    if (line.startsWith("{")) {
      try {
        JsonNode message = MAPPER.readTree(line);
        CompilerArtifact.of(message)
            .ifPresent(
                artifact -> {
                  messages.add(artifact);
                  progress.artifact(artifact);
                });
        BuildScriptExecuted.of(message).ifPresent(messages::add);
        return;
      } catch (JacksonException e) {
        // not a message after all: show it
      }
    }
    out.println(line);
  }

  private static void forward(Process process, CookProgress progress) {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        progress.cargoLine(line);
      }
    } catch (IOException e) {
      progress.cargoLine("jchef cook: lost cargo's messages: " + e.getMessage());
    }
  }
}
