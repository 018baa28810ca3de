package dev.jchef.recipe.layers;

import static com.google.common.base.Preconditions.checkArgument;

import dev.jchef.model.workspace.Member;
import dev.jchef.model.workspace.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What the steps of a build in member layers cost, in seconds, for {@link LayerPlanner} to weigh
 * plans by: each package's compile time, and the fixed cost of one layer step (starting jchef
 * and cargo, loading the workspace, recompiling the dummies of later layers).
 *
 * @param seconds each package's compile time in seconds, by package directory (relative to the
 *     workspace root, {@code crates/a}; {@code ""} for the root package)
 * @param stepSeconds the fixed cost of one layer step, in seconds
 * @param source where the package times come from, in a few words for the user
 */
public record CompileCosts(Map<String, Double> seconds, double stepSeconds, String source) {
  /**
   * The stand-in when nothing was measured: this many bytes of Rust source compile in one second
   * (ripgrep 13 in a dev build on a 2-core machine, 2026-12-06: the 1.24 MB of {@code .rs} that
   * its root package and its nine default members compile took 7.9 s of unit time by {@code cargo
   * build --timings}; per package it ranged from 80 KB/s, the root, to 440 KB/s).
   */
  public static final double STAND_IN_BYTES_PER_SECOND = 150_000;

  /**
   * A layer step's fixed cost when not given, in seconds: measured on ripgrep 13 (BENCHMARKS.md,
   * "Member layers": a step that compiles nothing real costs 0.6 s, starting jchef and cargo and
   * recompiling the dummies of later layers), raised to cover what the steps' order costs beside
   * it (the packages of one step no longer compile in parallel with the next step's).
   */
  public static final double DEFAULT_STEP_SECONDS = 2.0;

  public CompileCosts {
    checkArgument(stepSeconds >= 0, "a step cannot cost %s seconds", stepSeconds);
    seconds = Collections.unmodifiableMap(new TreeMap<>(seconds));
  }

  /**
   * The stand-in: each package's bytes of {@code .rs} files that a build compiles (not its tests,
   * benches or examples; sizes only, no file is read) at {@link #STAND_IN_BYTES_PER_SECOND}.
   *
   * @throws UncheckedIOException when a package's directory cannot be listed
   */
  public static CompileCosts standIn(Workspace workspace, double stepSeconds) {
    Map<String, Double> seconds = new TreeMap<>();
    Stream.concat(workspace.members().stream(), workspace.nonMemberPathDependencies().stream())
        .forEach(member -> seconds.put(member.directory(), rustBytes(workspace.root(), member) / STAND_IN_BYTES_PER_SECOND));
    return new CompileCosts(
        seconds, stepSeconds,
        String.format(Locale.ROOT, "stand-in: %.0f KB of .rs compile per second; measure with --measure", STAND_IN_BYTES_PER_SECOND / 1000));
  }

  /** A package's compile time: from {@link #seconds}, else 0. */
  public double of(String directory) {
    return seconds.getOrDefault(directory, 0.0);
  }

  /**
   * The bytes of a package's {@code .rs} files, without those of packages nested below it (the
   * root package's {@code crates/}), of target directories, and of its {@code tests/}, {@code
   * benches/} and {@code examples/}, which a build does not compile.
   */
  private static long rustBytes(Path root, Member member) {
    Path directory = root.resolve(member.directory()).normalize();
    if (!Files.isDirectory(directory)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      long bytes = 0;
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".rs")).toList()) {
        if (Files.isRegularFile(file) && ownFile(directory, file)) {
          bytes += Files.size(file);
        }
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the sources of " + directory + ": " + e.getMessage(), e);
    }
  }

  /**
   * Whether {@code file} is compiled by a build of the package in {@code packageDirectory}: not
   * in its tests, benches or examples, and no directory between them is a package or a target
   * directory.
   */
  private static boolean ownFile(Path packageDirectory, Path file) {
    String top = packageDirectory.relativize(file).getName(0).toString();
    if (top.equals("tests") || top.equals("benches") || top.equals("examples")) {
      return false;
    }
    for (Path dir = file.getParent(); dir != null && !dir.equals(packageDirectory); dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("Cargo.toml")) || Files.isRegularFile(dir.resolve("CACHEDIR.TAG"))) {
        return false;
      }
    }
    return true;
  }
}
