package dev.jchef.cook;

import com.google.common.collect.ImmutableList;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeSet;

/**
 * Runs the build that follows cook, {@code cargo build} on the real sources, and reports which
 * crates it compiled: none from the registry after a good cook. For {@code jchef demo} and for
 * measuring; the build itself is plain cargo.
 */
public final class RealBuild {
  private RealBuild() {}

  /**
   * What one build compiled, each unit as "package target".
   *
   * @param registryCompiled units of registry packages that were not fresh
   * @param workspaceCompiled units of the workspace's own packages that were not fresh
   */
  public record Report(
      ImmutableList<String> registryCompiled, ImmutableList<String> workspaceCompiled, Duration elapsed) {}

  /** Builds in {@code directory} with {@code options}' flags and {@code environment}. */
  public static Report run(
      Path directory, CookOptions options, Map<String, String> environment, PrintWriter out, PrintWriter err) {
    long start = System.nanoTime();
    CargoProcess cargo = new CargoProcess(Executables.cargo(environment), environment);
    CargoMessages messages = new CargoMessages();
    cargo.run(directory, options, new CookProgress(err, false, 0), messages, out, false);
    TreeSet<String> registry = new TreeSet<>();
    TreeSet<String> workspace = new TreeSet<>();
    for (CompilerArtifact artifact : messages.artifacts()) {
      if (!artifact.fresh()) {
        (artifact.isLocal() ? workspace : registry).add(artifact.packageName() + " " + artifact.targetName());
      }
    }
    return new Report(
        ImmutableList.copyOf(registry), ImmutableList.copyOf(workspace), Duration.ofNanos(System.nanoTime() - start));
  }
}
