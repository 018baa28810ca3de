package dev.jchef.cli;

import dev.jchef.model.testing.Processes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** jchef run as its own JVM from the test class path, as the fault tests need a process to kill. */
final class JchefProcesses {
  private JchefProcesses() {}

  /** {@code java <jvmOptions> -cp <test class path> dev.jchef.cli.Main <args>}. */
  static List<String> command(List<String> jvmOptions, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(args);
    return command;
  }

  /** Runs jchef to the end in {@code directory} with exactly {@code environment}. */
  static Processes.Result run(Path directory, Map<String, String> environment, String... args) {
    return Processes.run(directory, environment, command(List.of(), List.of(args)));
  }

  /**
   * Starts jchef without waiting, in a new process group when {@code group} (as setsid does), its
   * standard error to {@code err}.
   */
  static Process start(Path directory, Map<String, String> environment, List<String> args, boolean group,
      ProcessBuilder.Redirect err) throws IOException {
    List<String> command = new ArrayList<>();
    if (group) {
      command.add("setsid");
    }
    command.addAll(command(List.of(), args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment);
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err);
    return builder.start();
  }
}
