package dev.jchef.cli;

import dev.jchef.cook.BuildProfile;
import dev.jchef.cook.CargoSubcommand;
import dev.jchef.cook.CookOptions;
import dev.jchef.cook.CookResult;
import dev.jchef.cook.CookRunner;
import dev.jchef.recipe.Recipe;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code jchef cook}: writes the recipe's skeleton into the current directory and builds it, with
 * cargo-chef's flags.
 */
@Command(
    name = "cook",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "Write the recipe's skeleton (manifests, lockfile, dummy sources) into the current"
            + " directory, which must hold nothing but the recipe and build caches, and build it"
            + " with cargo, so that the dependencies are compiled; then remove what the dummies"
            + " compiled to.")
final class CookCommand implements Callable<Integer> {
  @Option(names = "--recipe-path", paramLabel = "FILE", defaultValue = "recipe.json",
      description = "The recipe to cook (default: ${DEFAULT-VALUE}).")
  Path recipePath;

  @Option(names = "--release", description = "Build in release mode.")
  boolean release;

  @Option(names = "--profile", paramLabel = "NAME", description = "Build with this profile.")
  String profile;

  @Option(names = "--check", description = "Run cargo check instead of cargo build.")
  boolean check;

  @Option(names = "--clippy", description = "Run cargo clippy instead of cargo build.")
  boolean clippy;

  @Option(names = "--zigbuild", description = "Run cargo zigbuild instead of cargo build.")
  boolean zigbuild;

  @Option(names = "--no-build", description = "Only write the skeleton; do not run cargo.")
  boolean noBuild;

  @Option(names = "--no-std", description = "Write #![no_std] dummy sources (not for proc-macros).")
  boolean noStd;

  @Option(names = "--sccache",
      description = "Compile through sccache (RUSTC_WRAPPER), honouring SCCACHE_* settings; its hits and misses join the summary.")
  boolean sccache;

  @Option(names = "--target", paramLabel = "TRIPLE",
      description = "Build for this target triple or .json spec; repeatable.")
  List<String> targets = new ArrayList<>();

  @Option(names = "--target-dir", paramLabel = "DIR",
      description = "Directory for all generated artifacts (default: $CARGO_TARGET_DIR, else target).")
  Path targetDir;

  @Option(names = "--no-default-features", description = "Do not activate the default feature.")
  boolean noDefaultFeatures;

  @Option(names = "--all-features", description = "Activate all features.")
  boolean allFeatures;

  @Option(names = "--features", paramLabel = "FEATURES", split = ",",
      description = "Features to activate, comma-separated.")
  List<String> features = new ArrayList<>();

  @Option(names = "-Z", paramLabel = "FLAG", description = "Unstable cargo flag; repeatable.")
  List<String> unstableFlags = new ArrayList<>();

  @Option(names = "--benches", description = "Build all benches.")
  boolean benches;

  @Option(names = "--tests", description = "Build all tests.")
  boolean tests;

  @Option(names = "--examples", description = "Build all examples.")
  boolean examples;

  @Option(names = "--all-targets", description = "Build all targets.")
  boolean allTargets;

  @Option(names = "--manifest-path", paramLabel = "PATH", description = "Path to Cargo.toml.")
  Path manifestPath;

  @Option(names = {"-p", "--package"}, paramLabel = "SPEC", description = "Package to build; repeatable.")
  List<String> packages = new ArrayList<>();

  @Option(names = "--bin", paramLabel = "NAME", description = "Build only this binary; repeatable.")
  List<String> bins = new ArrayList<>();

  @Option(names = "--bins", description = "Build all binaries.")
  boolean allBins;

  @Option(names = "--workspace", description = "Build all members of the workspace.")
  boolean workspace;

  @Option(names = "--offline", description = "Build without accessing the network.")
  boolean offline;

  @Option(names = "--frozen", description = "Require Cargo.lock and cache to be up to date.")
  boolean frozen;

  @Option(names = "--locked", description = "Require Cargo.lock to be up to date.")
  boolean locked;

  @Option(names = {"-v", "--verbose"}, description = "Pass --verbose to cargo; stack traces on errors.")
  boolean verbose;

  @Option(names = "--timings", description = "Report build timings.")
  boolean timings;

  @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Number of parallel jobs.")
  Integer jobs;

  @ParentCommand Main main;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    CookOptions options = options();
    Path recipeFile = main.workingDirectory().resolve(recipePath);
    Recipe recipe = RecipeFiles.read(recipeFile, recipePath);
    CookResult result =
        CookRunner.in(main.workingDirectory(), options)
            .withEnvironment(main.environment())
            .withOutput(spec.commandLine().getOut(), spec.commandLine().getErr(), main.terminal())
            .cook(recipe, Optional.of(recipeFile));
    spec.commandLine().getErr().println(result.summary());
    return ExitCode.OK;
  }

  private CookOptions options() {
    BuildProfile buildProfile;
    try {
      buildProfile = BuildProfile.of(release, Optional.ofNullable(profile));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    return CookOptions.builder()
        .subcommand(subcommand())
        .profile(buildProfile)
        .features(features)
        .noDefaultFeatures(noDefaultFeatures)
        .allFeatures(allFeatures)
        .unstableFlags(unstableFlags)
        .targets(targets)
        .targetDirectory(Optional.ofNullable(targetDir))
        .benches(benches)
        .tests(tests)
        .examples(examples)
        .allTargets(allTargets)
        .manifestPath(Optional.ofNullable(manifestPath))
        .packages(packages)
        .bins(bins)
        .allBins(allBins)
        .workspace(workspace)
        .offline(offline)
        .frozen(frozen)
        .locked(locked)
        .verbose(verbose)
        .timings(timings)
        .jobs(jobs == null ? OptionalInt.empty() : OptionalInt.of(jobs))
        .noStd(noStd)
        .sccache(sccache)
        .build();
  }

  private CargoSubcommand subcommand() {
    List<CargoSubcommand> chosen = new ArrayList<>();
    if (check) {
      chosen.add(CargoSubcommand.CHECK);
    }
    if (clippy) {
      chosen.add(CargoSubcommand.CLIPPY);
    }
    if (zigbuild) {
      chosen.add(CargoSubcommand.ZIGBUILD);
    }
    if (noBuild) {
      chosen.add(CargoSubcommand.NO_BUILD);
    }
    if (chosen.size() > 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "give at most one of --check, --clippy, --zigbuild and --no-build");
    }
    return chosen.isEmpty() ? CargoSubcommand.BUILD : chosen.get(0);
  }
}
