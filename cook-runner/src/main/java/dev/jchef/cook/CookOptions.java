package dev.jchef.cook;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How to cook: the flags of {@code cargo chef cook}, with the same names and meanings. Immutable;
 * made by {@link #builder()} (one method per flag, as {@code cargo help build} lists them) or
 * {@link #defaults()}:
 *
 * <pre>{@code
 * CookOptions options = CookOptions.builder().release().features(List.of("tls")).offline(true).build();
 * }</pre>
 *
 * <p>Inside, the flags are grouped as cargo's help groups them (compilation, features, packages,
 * targets, manifest); each group turns itself into cargo's arguments, so a flag is defined in one
 * place.
 */
public final class CookOptions {
  private final CargoSubcommand subcommand;
  private final CompilationOptions compilation;
  private final FeatureSelection features;
  private final PackageSelection packages;
  private final TargetSelection targets;
  private final ManifestOptions manifest;
  private final ImmutableList<String> unstableFlags;
  private final boolean verbose;
  private final boolean noStd;
  private final boolean sccache;

  CookOptions(
      CargoSubcommand subcommand, CompilationOptions compilation, FeatureSelection features,
      PackageSelection packages, TargetSelection targets, ManifestOptions manifest,
      List<String> unstableFlags, boolean verbose, boolean noStd, boolean sccache) {
    this.subcommand = checkNotNull(subcommand);
    this.compilation = checkNotNull(compilation);
    this.features = checkNotNull(features);
    this.packages = checkNotNull(packages);
    this.targets = checkNotNull(targets);
    this.manifest = checkNotNull(manifest);
    this.unstableFlags = ImmutableList.copyOf(unstableFlags);
    this.verbose = verbose;
    this.noStd = noStd;
    this.sccache = sccache;
  }

  /** Returns {@code cargo build} in the dev profile, nothing else: what {@code jchef cook} does bare. */
  public static CookOptions defaults() {
    return new CookOptions(
        CargoSubcommand.BUILD, CompilationOptions.DEFAULT, FeatureSelection.DEFAULT,
        PackageSelection.DEFAULT, TargetSelection.DEFAULT, ManifestOptions.DEFAULT,
        List.of(), false, false, false);
  }

  /** Returns a builder that starts from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder(defaults());
  }

  /** Returns a builder that starts from these options. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns these options with another profile ({@code --release}, {@code --profile NAME}). */
  public CookOptions withProfile(BuildProfile value) {
    return withCompilation(compilation.withProfile(value));
  }

  /** Returns the profile cook builds with. */
  public BuildProfile profile() {
    return compilation.profile();
  }

  /** Returns {@code --manifest-path}: the {@code Cargo.toml} to build, relative to the cook directory; empty without the flag. */
  public Optional<Path> manifestPath() {
    return manifest.manifestPath();
  }

  /**
   * Returns cargo's arguments after the subcommand's name, in a fixed order: {@code ["--release",
   * "--features", "a,b", "--offline"]}.
   */
  public List<String> cargoArguments() {
    List<String> arguments = new ArrayList<>(compilation.cargoArguments());
    arguments.addAll(features.cargoArguments());
    CargoArguments.each(arguments, "-Z", unstableFlags);
    arguments.addAll(packages.cargoArguments());
    arguments.addAll(targets.cargoArguments());
    arguments.addAll(manifest.cargoArguments());
    CargoArguments.flag(arguments, verbose, "--verbose");
    return List.copyOf(arguments);
  }

  CargoSubcommand subcommand() {
    return subcommand;
  }

  CompilationOptions compilation() {
    return compilation;
  }

  FeatureSelection features() {
    return features;
  }

  PackageSelection packages() {
    return packages;
  }

  TargetSelection targets() {
    return targets;
  }

  ManifestOptions manifest() {
    return manifest;
  }

  ImmutableList<String> unstableFlags() {
    return unstableFlags;
  }

  boolean verbose() {
    return verbose;
  }

  boolean noStd() {
    return noStd;
  }

  boolean sccache() {
    return sccache;
  }

  /**
   * These options without what changes how cargo works but not what it makes ({@code --jobs},
   * {@code --timings}, {@code --verbose}): what cache keys hold.
   */
  CookOptions withoutRunFlags() {
    return withCompilation(new CompilationOptions(
            compilation.profile(), compilation.targets(), compilation.targetDirectory(), OptionalInt.empty(), false))
        .withVerbose(false);
  }

  CookOptions withSubcommand(CargoSubcommand value) {
    return new CookOptions(value, compilation, features, packages, targets, manifest, unstableFlags, verbose, noStd, sccache);
  }

  CookOptions withCompilation(CompilationOptions value) {
    return new CookOptions(subcommand, value, features, packages, targets, manifest, unstableFlags, verbose, noStd, sccache);
  }

  CookOptions withFeatures(FeatureSelection value) {
    return new CookOptions(subcommand, compilation, value, packages, targets, manifest, unstableFlags, verbose, noStd, sccache);
  }

  CookOptions withPackages(PackageSelection value) {
    return new CookOptions(subcommand, compilation, features, value, targets, manifest, unstableFlags, verbose, noStd, sccache);
  }

  CookOptions withTargets(TargetSelection value) {
    return new CookOptions(subcommand, compilation, features, packages, value, manifest, unstableFlags, verbose, noStd, sccache);
  }

  CookOptions withManifest(ManifestOptions value) {
    return new CookOptions(subcommand, compilation, features, packages, targets, value, unstableFlags, verbose, noStd, sccache);
  }

  CookOptions withUnstableFlags(List<String> value) {
    return new CookOptions(subcommand, compilation, features, packages, targets, manifest, value, verbose, noStd, sccache);
  }

  CookOptions withVerbose(boolean value) {
    return new CookOptions(subcommand, compilation, features, packages, targets, manifest, unstableFlags, value, noStd, sccache);
  }

  CookOptions withNoStd(boolean value) {
    return new CookOptions(subcommand, compilation, features, packages, targets, manifest, unstableFlags, verbose, value, sccache);
  }

  CookOptions withSccache(boolean value) {
    return new CookOptions(subcommand, compilation, features, packages, targets, manifest, unstableFlags, verbose, noStd, value);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CookOptions that
        && subcommand == that.subcommand && compilation.equals(that.compilation) && features.equals(that.features)
        && packages.equals(that.packages) && targets.equals(that.targets) && manifest.equals(that.manifest)
        && unstableFlags.equals(that.unstableFlags) && verbose == that.verbose && noStd == that.noStd
        && sccache == that.sccache;
  }

  @Override
  public int hashCode() {
    return Objects.hash(subcommand, compilation, features, packages, targets, manifest, unstableFlags, verbose, noStd, sccache);
  }

  /** Returns the options as cargo's command line: {@code cargo build --release --features a}, with jchef's own flags after it. */
  @Override
  public String toString() {
    List<String> words = new ArrayList<>(List.of("cargo", subcommand.cargoName() == null ? "(no build)" : subcommand.cargoName()));
    words.addAll(cargoArguments());
    if (noStd) {
      words.add("(--no-std)");
    }
    if (sccache) {
      words.add("(--sccache)");
    }
    return String.join(" ", words);
  }

  /**
   * Builds {@link CookOptions}, one method per flag of {@code jchef cook}; each returns this
   * builder. Not thread-safe. {@link #build()} checks that the flags go together.
   */
  public static final class Builder {
    private CookOptions options;
    private final List<String> profileFlags = new ArrayList<>();

    private Builder(CookOptions options) {
      this.options = options;
    }

    /** {@code --check}: {@code cargo check} instead of {@code cargo build}. */
    public Builder check() {
      return subcommand(CargoSubcommand.CHECK);
    }

    /** {@code --clippy}: {@code cargo clippy}. */
    public Builder clippy() {
      return subcommand(CargoSubcommand.CLIPPY);
    }

    /** {@code --zigbuild}: {@code cargo zigbuild}, for cross builds with cargo-zigbuild. */
    public Builder zigbuild() {
      return subcommand(CargoSubcommand.ZIGBUILD);
    }

    /** {@code --no-build}: write the skeleton only, for builds another tool drives. */
    public Builder noBuild() {
      return subcommand(CargoSubcommand.NO_BUILD);
    }

    private Builder subcommand(CargoSubcommand value) {
      options = options.withSubcommand(value);
      return this;
    }

    /** {@code --release}: the release profile. */
    public Builder release() {
      profileFlags.add("--release");
      return compilation(options.compilation.withProfile(BuildProfile.RELEASE));
    }

    /** {@code --profile NAME}: a profile by name ({@code dev}, {@code release}, a custom one). */
    public Builder profile(String name) {
      profileFlags.add("--profile " + name);
      return compilation(options.compilation.withProfile(BuildProfile.named(name)));
    }

    /** {@code --target TRIPLE}, repeatable: a target triple or the path of a {@code .json} target specification. */
    public Builder target(String triple) {
      return compilation(options.compilation.withTargets(concat(options.compilation.targets(), List.of(triple))));
    }

    /** {@code --target-dir DIR}: relative to the cook directory, or absolute. */
    public Builder targetDirectory(Path directory) {
      return compilation(options.compilation.withTargetDirectory(checkNotNull(directory)));
    }

    /**
     * {@code --jobs N}: at most {@code count} compilations at once.
     *
     * @throws IllegalArgumentException when {@code count} is less than 1
     */
    public Builder jobs(int count) {
      return compilation(options.compilation.withJobs(count));
    }

    /** {@code --timings}: cargo's HTML report of compile times. */
    public Builder timings(boolean on) {
      return compilation(options.compilation.withTimings(on));
    }

    private Builder compilation(CompilationOptions value) {
      options = options.withCompilation(value);
      return this;
    }

    /** {@code --features a,b}: features by name, or {@code package/feature}; adds to those given before. */
    public Builder features(List<String> names) {
      FeatureSelection now = options.features;
      List<String> all = new ArrayList<>(now.features());
      all.addAll(names);
      return features(new FeatureSelection(ImmutableList.copyOf(all), now.allFeatures(), now.noDefaultFeatures()));
    }

    /** {@code --all-features}. */
    public Builder allFeatures(boolean on) {
      FeatureSelection now = options.features;
      return features(new FeatureSelection(now.features(), on, now.noDefaultFeatures()));
    }

    /** {@code --no-default-features}. */
    public Builder noDefaultFeatures(boolean on) {
      FeatureSelection now = options.features;
      return features(new FeatureSelection(now.features(), now.allFeatures(), on));
    }

    private Builder features(FeatureSelection value) {
      options = options.withFeatures(value);
      return this;
    }

    /** {@code -p SPEC}, repeatable: package ID specifications; adds to those given before. */
    public Builder packages(List<String> specs) {
      PackageSelection now = options.packages;
      return packages(new PackageSelection(concat(now.packages(), specs), now.workspace(), now.exclude()));
    }

    /** {@code --workspace}: every member. */
    public Builder workspace(boolean on) {
      PackageSelection now = options.packages;
      return packages(new PackageSelection(now.packages(), on, now.exclude()));
    }

    /**
     * {@code --exclude SPEC}, repeatable; adds to those given before and, when {@code specs} is not
     * empty, turns {@link #workspace} on (cargo excludes only from the whole workspace).
     */
    public Builder exclude(List<String> specs) {
      PackageSelection now = options.packages;
      return packages(new PackageSelection(now.packages(), now.workspace() || !specs.isEmpty(), concat(now.exclude(), specs)));
    }

    private Builder packages(PackageSelection value) {
      options = options.withPackages(value);
      return this;
    }

    /** {@code --lib}. */
    public Builder lib(boolean on) {
      return targets(options.targets.withLib(on));
    }

    /** {@code --bin NAME}, repeatable; adds to those given before. */
    public Builder bins(List<String> names) {
      return targets(options.targets.withBins(concat(options.targets.bins(), names)));
    }

    /** {@code --bins}. */
    public Builder allBins(boolean on) {
      return targets(options.targets.withAllBins(on));
    }

    /** {@code --example NAME}, repeatable; adds to those given before. */
    public Builder examples(List<String> names) {
      return targets(options.targets.withExamples(concat(options.targets.examples(), names)));
    }

    /** {@code --test NAME}, repeatable; adds to those given before. */
    public Builder tests(List<String> names) {
      return targets(options.targets.withTests(concat(options.targets.tests(), names)));
    }

    /** {@code --bench NAME}, repeatable; adds to those given before. */
    public Builder benches(List<String> names) {
      return targets(options.targets.withBenches(concat(options.targets.benches(), names)));
    }

    /** {@code --examples}, {@code --tests}, {@code --benches} and {@code --all-targets}, each on or off. */
    public Builder allOf(boolean examples, boolean tests, boolean benches, boolean allTargets) {
      return targets(options.targets.withAll(tests, benches, examples, allTargets));
    }

    private Builder targets(TargetSelection value) {
      options = options.withTargets(value);
      return this;
    }

    /** {@code --manifest-path PATH}: the {@code Cargo.toml} to build, relative to the cook directory. */
    public Builder manifestPath(Path path) {
      ManifestOptions now = options.manifest;
      return manifest(new ManifestOptions(Optional.of(path), now.locked(), now.offline(), now.frozen()));
    }

    /** {@code --locked}: fail if the lockfile would change. */
    public Builder locked(boolean on) {
      ManifestOptions now = options.manifest;
      return manifest(new ManifestOptions(now.manifestPath(), on, now.offline(), now.frozen()));
    }

    /** {@code --offline}: no network; the registry sources must be in {@code CARGO_HOME} or vendored. */
    public Builder offline(boolean on) {
      ManifestOptions now = options.manifest;
      return manifest(new ManifestOptions(now.manifestPath(), now.locked(), on, now.frozen()));
    }

    /** {@code --frozen}: {@code --locked} and {@code --offline}. */
    public Builder frozen(boolean on) {
      ManifestOptions now = options.manifest;
      return manifest(new ManifestOptions(now.manifestPath(), now.locked(), now.offline(), on));
    }

    private Builder manifest(ManifestOptions value) {
      options = options.withManifest(value);
      return this;
    }

    /** {@code -Z FLAG}, repeatable: cargo's unstable flags; adds to those given before. */
    public Builder unstableFlags(List<String> flags) {
      options = options.withUnstableFlags(concat(options.unstableFlags, flags));
      return this;
    }

    /** {@code --verbose}, passed to cargo. */
    public Builder verbose(boolean on) {
      options = options.withVerbose(on);
      return this;
    }

    /** {@code --no-std}: {@code #![no_std]} dummies. */
    public Builder noStd(boolean on) {
      options = options.withNoStd(on);
      return this;
    }

    /** {@code --sccache}: compile through sccache, found on the {@code PATH} or in {@code RUSTC_WRAPPER}. */
    public Builder sccache(boolean on) {
      options = options.withSccache(on);
      return this;
    }

    /**
     * Returns the options.
     *
     * @throws IllegalArgumentException when flags contradict each other, as cargo would refuse
     *     them: two profiles ({@code --release} and {@code --profile})
     */
    public CookOptions build() {
      checkArgument(profileFlags.size() <= 1,
          "%s both choose a profile: give one of them", String.join(" and ", profileFlags));
      return options;
    }

    private static ImmutableList<String> concat(List<String> first, List<String> second) {
      return ImmutableList.<String>builder().addAll(first).addAll(second).build();
    }
  }
}
