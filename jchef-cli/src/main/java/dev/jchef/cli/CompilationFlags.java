package dev.jchef.cli;

import dev.jchef.cook.CookOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** cook's "Compilation Options", as cargo's help groups them. */
final class CompilationFlags {
  @Option(names = {"-r", "--release"}, description = "Build in release mode.")
  boolean release;

  @Option(names = "--profile", paramLabel = "NAME", description = "Build with this profile (not with --release).")
  String profile;

  @Option(names = "--target", paramLabel = "TRIPLE",
      description = "Build for this target triple or .json spec; repeatable.")
  List<String> targets = new ArrayList<>();

  @Option(names = "--target-dir", paramLabel = "DIR",
      description = "Directory for all generated artifacts (default: cargo's: $CARGO_TARGET_DIR, [build] target-dir, else target).")
  Path targetDir;

  @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Number of parallel jobs.")
  Integer jobs;

  @Option(names = "--timings", description = "Report build timings.")
  boolean timings;

  /** Sets these flags on {@code options}; none when {@code flags} is null (picocli leaves an unused group null). */
  static void apply(CompilationFlags flags, CookOptions.Builder options) {
    if (flags == null) {
      return;
    }
    if (flags.release) {
      options.release();
    }
    if (flags.profile != null) {
      options.profile(flags.profile);
    }
    flags.targets.forEach(options::target);
    if (flags.targetDir != null) {
      options.targetDirectory(flags.targetDir);
    }
    if (flags.jobs != null) {
      options.jobs(flags.jobs);
    }
    options.timings(flags.timings);
  }
}
