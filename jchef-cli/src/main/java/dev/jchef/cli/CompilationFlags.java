package dev.jchef.cli;

import com.google.common.collect.ImmutableList;
import dev.jchef.cook.BuildProfile;
import dev.jchef.cook.CompilationOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
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

  /** {@code --release} or {@code --profile NAME}, as cargo-chef reads them; not both. */
  private static BuildProfile profile(CompilationFlags flags) {
    if (flags.release && flags.profile != null) {
      throw new IllegalArgumentException(
          "--release and --profile " + flags.profile + " both choose a profile: give one of them");
    }
    if (flags.release) {
      return BuildProfile.RELEASE;
    }
    return flags.profile == null ? BuildProfile.DEV : new BuildProfile(flags.profile);
  }

  /**
   * @throws IllegalArgumentException for {@code --release} with {@code --profile}
   */
  static CompilationOptions value(CompilationFlags flags) {
    if (flags == null) {
      return CompilationOptions.DEFAULT;
    }
    return new CompilationOptions(
        profile(flags),
        ImmutableList.copyOf(flags.targets), Optional.ofNullable(flags.targetDir),
        flags.jobs == null ? OptionalInt.empty() : OptionalInt.of(flags.jobs), flags.timings);
  }
}
