package dev.jchef.cook;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Every flag of {@code cargo chef cook}, with the same names and meanings, plus {@code --no-std};
 * {@link #cargoArguments()} turns them into cargo's argument list, in cargo-chef's order.
 *
 * @param targets {@code --target}, repeatable; a triple or a {@code .json} target spec
 * @param targetDirectory {@code --target-dir}, or {@code CARGO_TARGET_DIR}
 * @param unstableFlags {@code -Z}, repeatable
 * @param packages {@code -p/--package}, repeatable
 * @param bins {@code --bin}, repeatable
 * @param allBins {@code --bins}
 * @param sccache {@code --sccache}: compile through sccache (jchef's own flag, not cargo's)
 */
public record CookOptions(
    CargoSubcommand subcommand,
    BuildProfile profile,
    ImmutableList<String> features,
    boolean noDefaultFeatures,
    boolean allFeatures,
    ImmutableList<String> unstableFlags,
    ImmutableList<String> targets,
    Optional<Path> targetDirectory,
    boolean benches,
    boolean tests,
    boolean examples,
    boolean allTargets,
    Optional<Path> manifestPath,
    ImmutableList<String> packages,
    ImmutableList<String> bins,
    boolean allBins,
    boolean workspace,
    boolean offline,
    boolean frozen,
    boolean locked,
    boolean verbose,
    boolean timings,
    OptionalInt jobs,
    boolean noStd,
    boolean sccache) {

  public CookOptions {
    checkNotNull(subcommand);
    checkNotNull(profile);
    checkNotNull(features);
    checkNotNull(unstableFlags);
    checkNotNull(targets);
    checkNotNull(targetDirectory);
    checkNotNull(manifestPath);
    checkNotNull(packages);
    checkNotNull(bins);
    checkNotNull(jobs);
  }

  /** {@code cargo build} in the dev profile, nothing else: what {@code jchef cook} does bare. */
  public static CookOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link CookOptions} flag by flag; unset flags are off or empty. */
  public static final class Builder {
    private CargoSubcommand subcommand = CargoSubcommand.BUILD;
    private BuildProfile profile = BuildProfile.DEV;
    private List<String> features = List.of();
    private boolean noDefaultFeatures;
    private boolean allFeatures;
    private List<String> unstableFlags = List.of();
    private List<String> targets = List.of();
    private Optional<Path> targetDirectory = Optional.empty();
    private boolean benches;
    private boolean tests;
    private boolean examples;
    private boolean allTargets;
    private Optional<Path> manifestPath = Optional.empty();
    private List<String> packages = List.of();
    private List<String> bins = List.of();
    private boolean allBins;
    private boolean workspace;
    private boolean offline;
    private boolean frozen;
    private boolean locked;
    private boolean verbose;
    private boolean timings;
    private OptionalInt jobs = OptionalInt.empty();
    private boolean noStd;
    private boolean sccache;

    private Builder() {}

    public Builder subcommand(CargoSubcommand value) { subcommand = value; return this; }
    public Builder profile(BuildProfile value) { profile = value; return this; }
    public Builder features(List<String> value) { features = value; return this; }
    public Builder noDefaultFeatures(boolean value) { noDefaultFeatures = value; return this; }
    public Builder allFeatures(boolean value) { allFeatures = value; return this; }
    public Builder unstableFlags(List<String> value) { unstableFlags = value; return this; }
    public Builder targets(List<String> value) { targets = value; return this; }
    public Builder targetDirectory(Optional<Path> value) { targetDirectory = value; return this; }
    public Builder benches(boolean value) { benches = value; return this; }
    public Builder tests(boolean value) { tests = value; return this; }
    public Builder examples(boolean value) { examples = value; return this; }
    public Builder allTargets(boolean value) { allTargets = value; return this; }
    public Builder manifestPath(Optional<Path> value) { manifestPath = value; return this; }
    public Builder packages(List<String> value) { packages = value; return this; }
    public Builder bins(List<String> value) { bins = value; return this; }
    public Builder allBins(boolean value) { allBins = value; return this; }
    public Builder workspace(boolean value) { workspace = value; return this; }
    public Builder offline(boolean value) { offline = value; return this; }
    public Builder frozen(boolean value) { frozen = value; return this; }
    public Builder locked(boolean value) { locked = value; return this; }
    public Builder verbose(boolean value) { verbose = value; return this; }
    public Builder timings(boolean value) { timings = value; return this; }
    public Builder jobs(OptionalInt value) { jobs = value; return this; }
    public Builder noStd(boolean value) { noStd = value; return this; }
    public Builder sccache(boolean value) { sccache = value; return this; }

    public CookOptions build() {
      return new CookOptions(
          subcommand, profile, ImmutableList.copyOf(features), noDefaultFeatures, allFeatures,
          ImmutableList.copyOf(unstableFlags), ImmutableList.copyOf(targets), targetDirectory,
          benches, tests, examples, allTargets, manifestPath, ImmutableList.copyOf(packages),
          ImmutableList.copyOf(bins), allBins, workspace, offline, frozen, locked, verbose,
          timings, jobs, noStd, sccache);
    }
  }

  /** cargo's arguments after the subcommand's name, in the order cargo-chef passes them. */
  public ImmutableList<String> cargoArguments() {
    List<String> args = new ArrayList<>(profile.cargoArguments());
    flag(args, noDefaultFeatures, "--no-default-features");
    if (!features.isEmpty()) {
      args.add("--features");
      args.add(String.join(",", features));
    }
    flag(args, allFeatures, "--all-features");
    unstableFlags.forEach(flag -> args.addAll(List.of("-Z", flag)));
    targets.forEach(target -> args.addAll(List.of("--target", target)));
    targetDirectory.ifPresent(dir -> args.addAll(List.of("--target-dir", dir.toString())));
    flag(args, benches, "--benches");
    flag(args, tests, "--tests");
    flag(args, examples, "--examples");
    flag(args, allTargets, "--all-targets");
    manifestPath.ifPresent(path -> args.addAll(List.of("--manifest-path", path.toString())));
    packages.forEach(pkg -> args.addAll(List.of("--package", pkg)));
    bins.forEach(bin -> args.addAll(List.of("--bin", bin)));
    flag(args, workspace, "--workspace");
    flag(args, offline, "--offline");
    flag(args, frozen, "--frozen");
    flag(args, locked, "--locked");
    flag(args, verbose, "--verbose");
    flag(args, timings, "--timings");
    flag(args, allBins, "--bins");
    jobs.ifPresent(count -> args.addAll(List.of("--jobs", Integer.toString(count))));
    return ImmutableList.copyOf(args);
  }

  private static void flag(List<String> args, boolean set, String flag) {
    if (set) {
      args.add(flag);
    }
  }
}
