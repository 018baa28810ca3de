package dev.jchef.cook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CookOptionsTest {

  @Test
  void noFlagsIsAPlainDevBuild() {
    assertEquals(List.of(), CookOptions.defaults().cargoArguments());
    assertEquals(CargoSubcommand.BUILD, CookOptions.defaults().subcommand());
  }

  @Test
  void everyFlagBecomesCargosInCargoChefsOrder() {
    CookOptions options =
        CookOptions.builder()
            .profile(new BuildProfile("dist"))
            .noDefaultFeatures(true)
            .features(List.of("a", "b"))
            .allFeatures(true)
            .unstableFlags(List.of("build-std", "timings"))
            .targets(List.of("x86_64-unknown-linux-musl", "aarch64-unknown-linux-gnu"))
            .targetDirectory(Optional.of(Path.of("out")))
            .benches(true)
            .tests(true)
            .examples(true)
            .allTargets(true)
            .manifestPath(Optional.of(Path.of("sub/Cargo.toml")))
            .packages(List.of("app", "lib"))
            .bins(List.of("server"))
            .workspace(true)
            .offline(true)
            .frozen(true)
            .locked(true)
            .verbose(true)
            .timings(true)
            .allBins(true)
            .jobs(OptionalInt.of(4))
            .build();

    assertEquals(
        List.of(
            "--profile", "dist", "--no-default-features", "--features", "a,b", "--all-features",
            "-Z", "build-std", "-Z", "timings", "--target", "x86_64-unknown-linux-musl",
            "--target", "aarch64-unknown-linux-gnu", "--target-dir", "out", "--benches", "--tests",
            "--examples", "--all-targets", "--manifest-path", "sub/Cargo.toml", "--package", "app",
            "--package", "lib", "--bin", "server", "--workspace", "--offline", "--frozen",
            "--locked", "--verbose", "--timings", "--bins", "--jobs", "4"),
        options.cargoArguments());
  }

  @Test
  void profilesReadAsCargoChefReadsThem() {
    assertEquals(List.of(), BuildProfile.of(false, Optional.empty()).cargoArguments());
    assertEquals(List.of(), BuildProfile.of(false, Optional.of("dev")).cargoArguments());
    assertEquals(List.of("--release"), BuildProfile.of(true, Optional.empty()).cargoArguments());
    assertEquals(List.of("--release"), BuildProfile.of(false, Optional.of("release")).cargoArguments());
    assertEquals(List.of("--profile", "ci"), BuildProfile.of(false, Optional.of("ci")).cargoArguments());
    assertEquals(
        "--release and --profile ci both choose a profile: give one of them",
        assertThrows(IllegalArgumentException.class, () -> BuildProfile.of(true, Optional.of("ci")))
            .getMessage());
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
