package dev.jchef.cook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One short run of a helper tool (cargo -V, rustc -vV, sccache --show-stats) with exactly the
 * given environment, its standard input closed and its output and errors read together.
 *
 * @param exitCode the tool's exit status
 * @param output what it printed, standard output and errors interleaved
 */
record ToolRun(int exitCode, String output) {
  /**
   * Runs {@code executable args} in {@code directory} (the current one when empty).
   *
   * @throws CookException when the tool cannot be started (status 1) or the wait is interrupted
   *     (status 130)
   */
  static ToolRun of(Path executable, List<String> args, Optional<Path> directory, Map<String, String> environment) {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    directory.ifPresent(d -> builder.directory(d.toFile()));
    builder.environment().clear();
    builder.environment().putAll(environment);
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return new ToolRun(process.waitFor(), output);
    } catch (IOException e) {
      throw new CookException(1, "cannot run " + executable + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CookException(130, "interrupted while running " + executable + " " + String.join(" ", args));
    }
  }
}
