package dev.jchef.cook;

import com.google.common.collect.ImmutableList;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs the build that follows cook, {@code cargo build} on the real sources, and reports which
 * crates it compiled (none from the registry after a good cook) and the files it made to ship.
 * For {@code jchef demo}, the Maven plugin and measuring; the build itself is plain cargo.
 */
public final class RealBuild {
  private RealBuild() {}

  /** Crate types whose files a build ships to other languages: native libraries. */
  private static final Set<String> NATIVE_LIBRARY_KINDS = Set.of("cdylib", "dylib", "staticlib");
  private static final Set<String> NATIVE_LIBRARY_EXTENSIONS = Set.of("so", "dylib", "dll", "a", "lib");

  /**
   * What one build compiled, each unit as "package target".
   *
   * @param registryCompiled units of registry packages that were not fresh
   * @param workspaceCompiled units of the workspace's own packages that were not fresh
   * @param shippedFiles what the workspace's units made to ship, fresh or not, as cargo reported
   *     them (absolute paths): the programs of {@code bin} targets, and the native libraries
   *     ({@code .so}, {@code .dylib}, {@code .dll}, {@code .a}, {@code .lib}) of {@code cdylib},
   *     {@code dylib} and {@code staticlib} targets
   */
  public record Report(
      List<String> registryCompiled, List<String> workspaceCompiled, List<Path> shippedFiles, Duration elapsed) {
    /** @throws NullPointerException when an argument or an element is null */
    public Report {
      registryCompiled = List.copyOf(registryCompiled);
      workspaceCompiled = List.copyOf(workspaceCompiled);
      shippedFiles = List.copyOf(shippedFiles);
      Objects.requireNonNull(elapsed);
    }
  }

  /**
   * A unit of a {@link Report} ({@code "package target"}) as a reader names it: {@code app} for the
   * target that has its package's name, {@code app's build script}, {@code app's tool} for another.
   */
  public static String unitName(String unit) {
    int space = unit.indexOf(' ');
    if (space < 0) {
      return unit;
    }
    String packageName = unit.substring(0, space);
    String target = unit.substring(space + 1);
    if (target.startsWith("build-script-")) {
      return packageName + "'s build script";
    }
    if (target.equals(packageName.replace('-', '_')) || target.equals(packageName)) {
      return packageName;
    }
    return packageName + "'s " + target;
  }

  /** Builds in {@code directory} with {@code options}' flags and {@code environment}. */
  public static Report run(
      Path directory, CookOptions options, Map<String, String> environment, PrintWriter out, PrintWriter err) {
    return run(directory, options, environment, CookListener.printing(out, err, false));
  }

  /**
   * {@link #run(Path, CookOptions, Map, PrintWriter, PrintWriter)}, telling {@code listener} what
   * happens instead of printing it.
   */
  public static Report run(Path directory, CookOptions options, Map<String, String> environment, CookListener listener) {
    return run(directory, options, environment, listener, new CookInterrupt());
  }

  /** {@link #run(Path, CookOptions, Map, CookListener)}, stopped when {@code interrupt} is raised. */
  static Report run(
      Path directory, CookOptions options, Map<String, String> environment, CookListener listener, CookInterrupt interrupt) {
    long start = System.nanoTime();
    CargoProcess cargo = new CargoProcess(Executables.cargo(environment), environment, interrupt);
    CargoMessages messages = new CargoMessages();
    try {
      cargo.run(directory, options, new CookProgress(listener, 0), messages, false);
    } catch (CookException e) {
      throw e.restoringThreadInterrupt();
    }
    TreeSet<String> registry = new TreeSet<>();
    TreeSet<String> workspace = new TreeSet<>();
    TreeSet<Path> shipped = new TreeSet<>();
    for (CompilerArtifact artifact : messages.artifacts()) {
      if (!artifact.fresh()) {
        (artifact.isLocal() ? workspace : registry).add(artifact.packageName() + " " + artifact.targetName());
      }
      if (!artifact.isLocal()) {
        continue;
      }
      if (artifact.targetKinds().contains("bin")) {
        artifact.executable().ifPresent(file -> shipped.add(directory.getFileSystem().getPath(file)));
      }
      if (artifact.targetKinds().stream().anyMatch(NATIVE_LIBRARY_KINDS::contains)) {
        artifact.filenames().stream()
            .filter(file -> NATIVE_LIBRARY_EXTENSIONS.contains(file.substring(file.lastIndexOf('.') + 1)))
            .forEach(file -> shipped.add(directory.getFileSystem().getPath(file)));
      }
    }
    return new Report(
        ImmutableList.copyOf(registry), ImmutableList.copyOf(workspace), ImmutableList.copyOf(shipped),
        Duration.ofNanos(System.nanoTime() - start));
  }
}
