package dev.jchef.cook;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;

/**
 * How to cook: the flags of {@code cargo chef cook}, with the same names and meanings, grouped as
 * {@code cargo help build} groups them; each group turns itself into cargo's arguments, so a flag
 * is defined in one place. Start from {@link #defaults()} and change a group with a {@code with}
 * method: {@code CookOptions.defaults().withProfile(BuildProfile.RELEASE)}.
 *
 * @param subcommand what cargo runs ({@code --check}, {@code --clippy}, {@code --zigbuild}, or
 *     none with {@code --no-build})
 * @param compilation profile, {@code --target}, {@code --target-dir}, {@code --jobs}, {@code
 *     --timings}
 * @param features {@code --features}, {@code --all-features}, {@code --no-default-features}
 * @param packages {@code -p}, {@code --workspace}, {@code --exclude}
 * @param targets {@code --lib}, {@code --bin(s)}, {@code --test(s)}, {@code --bench(es)}, {@code
 *     --example(s)}, {@code --all-targets}
 * @param manifest {@code --manifest-path}, {@code --locked}, {@code --offline}, {@code --frozen}
 * @param unstableFlags {@code -Z FLAG}, repeatable
 * @param verbose {@code --verbose}, passed to cargo
 * @param noStd {@code --no-std}: {@code #![no_std]} dummies (jchef and cargo-chef's own)
 * @param sccache {@code --sccache}: compile through sccache (jchef's own)
 */
public record CookOptions(
    CargoSubcommand subcommand,
    CompilationOptions compilation,
    FeatureSelection features,
    PackageSelection packages,
    TargetSelection targets,
    ManifestOptions manifest,
    ImmutableList<String> unstableFlags,
    boolean verbose,
    boolean noStd,
    boolean sccache) {

  public CookOptions {
    checkNotNull(subcommand);
    checkNotNull(compilation);
    checkNotNull(features);
    checkNotNull(packages);
    checkNotNull(targets);
    checkNotNull(manifest);
    unstableFlags = ImmutableList.copyOf(unstableFlags);
  }

  /** {@code cargo build} in the dev profile, nothing else: what {@code jchef cook} does bare. */
  public static CookOptions defaults() {
    return new CookOptions(
        CargoSubcommand.BUILD, CompilationOptions.DEFAULT, FeatureSelection.DEFAULT,
        PackageSelection.DEFAULT, TargetSelection.DEFAULT, ManifestOptions.DEFAULT,
        ImmutableList.of(), false, false, false);
  }

  public CookOptions withSubcommand(CargoSubcommand value) {
    return new CookOptions(value, compilation, features, packages, targets, manifest, unstableFlags, verbose, noStd, sccache);
  }

  public CookOptions withCompilation(CompilationOptions value) {
    return new CookOptions(subcommand, value, features, packages, targets, manifest, unstableFlags, verbose, noStd, sccache);
  }

  /** This with another profile ({@code --release}, {@code --profile NAME}). */
  public CookOptions withProfile(BuildProfile value) {
    return withCompilation(compilation.withProfile(value));
  }

  public CookOptions withFeatures(FeatureSelection value) {
    return new CookOptions(subcommand, compilation, value, packages, targets, manifest, unstableFlags, verbose, noStd, sccache);
  }

  public CookOptions withPackages(PackageSelection value) {
    return new CookOptions(subcommand, compilation, features, value, targets, manifest, unstableFlags, verbose, noStd, sccache);
  }

  public CookOptions withTargets(TargetSelection value) {
    return new CookOptions(subcommand, compilation, features, packages, value, manifest, unstableFlags, verbose, noStd, sccache);
  }

  public CookOptions withManifest(ManifestOptions value) {
    return new CookOptions(subcommand, compilation, features, packages, targets, value, unstableFlags, verbose, noStd, sccache);
  }

  public CookOptions withUnstableFlags(List<String> value) {
    return new CookOptions(subcommand, compilation, features, packages, targets, manifest, ImmutableList.copyOf(value), verbose, noStd, sccache);
  }

  public CookOptions withVerbose(boolean value) {
    return new CookOptions(subcommand, compilation, features, packages, targets, manifest, unstableFlags, value, noStd, sccache);
  }

  public CookOptions withNoStd(boolean value) {
    return new CookOptions(subcommand, compilation, features, packages, targets, manifest, unstableFlags, verbose, value, sccache);
  }

  public CookOptions withSccache(boolean value) {
    return new CookOptions(subcommand, compilation, features, packages, targets, manifest, unstableFlags, verbose, noStd, value);
  }

  /** The profile cook builds with. */
  public BuildProfile profile() {
    return compilation.profile();
  }

  /** cargo's arguments after the subcommand's name. */
  public ImmutableList<String> cargoArguments() {
    List<String> arguments = new ArrayList<>(compilation.cargoArguments());
    arguments.addAll(features.cargoArguments());
    CargoArguments.each(arguments, "-Z", unstableFlags);
    arguments.addAll(packages.cargoArguments());
    arguments.addAll(targets.cargoArguments());
    arguments.addAll(manifest.cargoArguments());
    CargoArguments.flag(arguments, verbose, "--verbose");
    return ImmutableList.copyOf(arguments);
  }
}
