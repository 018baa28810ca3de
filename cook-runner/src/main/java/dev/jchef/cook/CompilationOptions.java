package dev.jchef.cook;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How cook compiles: cargo's "Compilation Options".
 *
 * @param profile {@code --release} or {@code --profile NAME}
 * @param targets {@code --target}, repeatable: target triples (zigbuild's {@code
 *     x86_64-unknown-linux-gnu.2.17} too) or paths of {@code .json} target specifications
 * @param targetDirectory {@code --target-dir}, relative to the cook directory; empty for cargo's
 *     own choice ({@code CARGO_TARGET_DIR}, {@code [build] target-dir}, else {@code target})
 * @param jobs {@code -j/--jobs}: parallel jobs, at least 1
 * @param timings {@code --timings}: cargo's HTML timing report
 */
record CompilationOptions(
    BuildProfile profile, ImmutableList<String> targets, Optional<Path> targetDirectory,
    OptionalInt jobs, boolean timings) {

  /** The dev profile for the host, no flag. */
  public static final CompilationOptions DEFAULT =
      new CompilationOptions(BuildProfile.DEV, ImmutableList.of(), Optional.empty(), OptionalInt.empty(), false);

  /**
   * @throws IllegalArgumentException when {@code jobs} is less than 1
   */
  public CompilationOptions {
    checkNotNull(profile);
    targets = ImmutableList.copyOf(targets);
    checkNotNull(targetDirectory);
    checkNotNull(jobs);
    checkArgument(jobs.orElse(1) >= 1, "jobs must be at least 1, not %s", jobs.orElse(1));
  }

  public CompilationOptions withProfile(BuildProfile value) {
    return new CompilationOptions(value, targets, targetDirectory, jobs, timings);
  }

  public CompilationOptions withTargets(List<String> value) {
    return new CompilationOptions(profile, ImmutableList.copyOf(value), targetDirectory, jobs, timings);
  }

  public CompilationOptions withTargetDirectory(Path value) {
    return new CompilationOptions(profile, targets, Optional.of(value), jobs, timings);
  }

  /** These options without {@code --target-dir}: cargo's default or its environment's. */
  public CompilationOptions withoutTargetDirectory() {
    return new CompilationOptions(profile, targets, Optional.empty(), jobs, timings);
  }

  public CompilationOptions withJobs(int value) {
    return new CompilationOptions(profile, targets, targetDirectory, OptionalInt.of(value), timings);
  }

  public CompilationOptions withTimings(boolean value) {
    return new CompilationOptions(profile, targets, targetDirectory, jobs, value);
  }

  List<String> cargoArguments() {
    List<String> arguments = new ArrayList<>(profile.cargoArguments());
    CargoArguments.each(arguments, "--target", targets);
    targetDirectory.ifPresent(dir -> arguments.addAll(List.of("--target-dir", dir.toString())));
    CargoArguments.flag(arguments, timings, "--timings");
    jobs.ifPresent(count -> arguments.addAll(List.of("--jobs", Integer.toString(count))));
    return arguments;
  }
}
