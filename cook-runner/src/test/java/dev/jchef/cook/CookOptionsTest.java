package dev.jchef.cook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.ImmutableList;
import dev.jchef.model.TargetKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

class CookOptionsTest {
  /** Every flag of the two tests below, in the order cargo is given them. */
  private static final List<String> EVERY_FLAG =
      List.of(
          "--profile", "dist", "--target", "x86_64-unknown-linux-musl", "--target", "aarch64-unknown-linux-gnu",
          "--target-dir", "out", "--timings", "--jobs", "4",
          "--no-default-features", "--features", "a,b", "--all-features",
          "-Z", "build-std", "-Z", "timings",
          "--workspace", "--exclude", "xtask",
          "--lib", "--bin", "server", "--bins", "--example", "demo", "--examples", "--test", "it", "--tests",
          "--bench", "speed", "--benches", "--all-targets",
          "--manifest-path", "sub/Cargo.toml", "--offline", "--frozen", "--locked",
          "--verbose");

  @Test
  void noFlagsIsAPlainDevBuild() {
    assertEquals(List.of(), CookOptions.defaults().cargoArguments());
    assertEquals(CargoSubcommand.BUILD, CookOptions.defaults().subcommand());
  }

  @Test
  void everyFlagBecomesCargosGroupByGroup() {
    CookOptions options =
        CookOptions.defaults()
            .withCompilation(
                new CompilationOptions(
                    new BuildProfile("dist"), ImmutableList.of("x86_64-unknown-linux-musl", "aarch64-unknown-linux-gnu"),
                    Optional.of(Path.of("out")), OptionalInt.of(4), true))
            .withFeatures(new FeatureSelection(ImmutableList.of("a", "b"), true, true))
            .withUnstableFlags(List.of("build-std", "timings"))
            .withPackages(PackageSelection.workspaceExcluding(List.of("xtask")))
            .withTargets(
                TargetSelection.DEFAULT.withLib(true).withBins(List.of("server")).withAllBins(true)
                    .withExamples(List.of("demo")).withTests(List.of("it")).withBenches(List.of("speed"))
                    .withAll(true, true, true, true))
            .withManifest(new ManifestOptions(Optional.of(Path.of("sub/Cargo.toml")), true, true, true))
            .withVerbose(true);

    assertEquals(EVERY_FLAG, options.cargoArguments());
  }

  @Test
  void theBuilderGivesEveryFlagOneMethod() {
    CookOptions options =
        CookOptions.builder()
            .profile("dist").target("x86_64-unknown-linux-musl").target("aarch64-unknown-linux-gnu")
            .targetDirectory(Path.of("out")).jobs(4).timings(true)
            .features(List.of("a")).features(List.of("b")).allFeatures(true).noDefaultFeatures(true)
            .unstableFlags(List.of("build-std", "timings"))
            .workspace(true).exclude(List.of("xtask"))
            .lib(true).bins(List.of("server")).allBins(true).examples(List.of("demo")).tests(List.of("it"))
            .benches(List.of("speed")).allOf(true, true, true, true)
            .manifestPath(Path.of("sub/Cargo.toml")).locked(true).offline(true).frozen(true)
            .verbose(true)
            .build();

    assertEquals(EVERY_FLAG, options.cargoArguments());
    assertEquals(options, options.toBuilder().build());
    assertEquals(Optional.of(Path.of("sub/Cargo.toml")), options.manifestPath());
    assertEquals(new BuildProfile("dist"), options.profile());
  }

  @Test
  void theBuilderChoosesTheSubcommandAndJchefsOwnFlags() {
    CookOptions options = CookOptions.builder().check().noStd(true).sccache(true).build();

    assertEquals(CargoSubcommand.CHECK, options.subcommand());
    assertEquals(List.of(true, true), List.of(options.noStd(), options.sccache()));
    assertEquals(CargoSubcommand.NO_BUILD, CookOptions.builder().noBuild().build().subcommand());
    assertEquals(CookOptions.defaults(), CookOptions.builder().build());
    assertEquals(CookOptions.defaults().withProfile(BuildProfile.RELEASE), CookOptions.builder().release().build());
    assertEquals("cargo check --release (--no-std)", CookOptions.builder().check().release().noStd(true).build().toString());
  }

  @Test
  void noExclusionLeavesThePackageSelectionAlone() {
    assertEquals(
        List.of("--package", "greeter"),
        CookOptions.builder().packages(List.of("greeter")).exclude(List.of()).build().cargoArguments());
  }

  @Test
  void jobsTimingsAndVerbosityLeaveTheKeysAlone() {
    CookOptions options = CookOptions.builder().release().features(List.of("a")).build();

    assertEquals(
        options.withoutRunFlags().cargoArguments(),
        options.toBuilder().jobs(2).timings(true).verbose(true).build().withoutRunFlags().cargoArguments());
    assertEquals(List.of("--release", "--features", "a"), options.withoutRunFlags().cargoArguments());
  }

  @Test
  void theBuilderRefusesFlagsThatContradictEachOther() {
    assertEquals(
        "--release and --profile dist both choose a profile: give one of them",
        assertThrows(IllegalArgumentException.class, () -> CookOptions.builder().release().profile("dist").build())
            .getMessage());
    assertEquals(
        "jobs must be at least 1, not 0",
        assertThrows(IllegalArgumentException.class, () -> CookOptions.builder().jobs(0)).getMessage());
  }

  @Test
  void excludeNeedsWorkspaceAsInCargo() {
    assertEquals(
        "exclude needs workspace: cargo excludes packages only from the whole workspace",
        assertThrows(
                IllegalArgumentException.class,
                () -> new PackageSelection(ImmutableList.of(), false, ImmutableList.of("xtask")))
            .getMessage());
  }

  @Test
  void aNamedTestBenchOrExampleTheRecipeLacksBecomesAllOfItsKind() {
    TargetSelection selection =
        TargetSelection.DEFAULT.withTests(List.of("declared", "discovered")).withExamples(List.of("demo"))
            .withBenches(List.of("speed"));
    BiPredicate<TargetKind, String> known = (kind, name) -> name.equals("declared") || name.equals("speed");

    assertEquals(List.of("test discovered", "example demo"), selection.unknown(known));
    assertEquals(
        List.of("--examples", "--test", "declared", "--tests", "--bench", "speed"),
        selection.replacingUnknown(known).cargoArguments());
    assertEquals(List.of(), TargetSelection.DEFAULT.replacingUnknown(known).cargoArguments());
  }

  @Test
  void profilesBecomeCargosFlagsAsCargoChefPassesThem() {
    assertEquals(List.of(), BuildProfile.DEV.cargoArguments());
    assertEquals(List.of(), new BuildProfile("dev").cargoArguments());
    assertEquals(List.of("--release"), BuildProfile.RELEASE.cargoArguments());
    assertEquals(List.of("--profile", "ci"), new BuildProfile("ci").cargoArguments());
  }

  @Test
  void profilesBuildIntoCargosDirectories() {
    assertEquals("debug", BuildProfile.DEV.outputDirectory());
    assertEquals("debug", new BuildProfile("test").outputDirectory());
    assertEquals("release", BuildProfile.RELEASE.outputDirectory());
    assertEquals("release", new BuildProfile("bench").outputDirectory());
    assertEquals("dist", new BuildProfile("dist").outputDirectory());
  }
}
