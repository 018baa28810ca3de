package dev.jchef.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jchef.cook.RealBuild;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The line the build goal logs: what compiled, named as a reader names it, counts in agreement. */
class BuildMojoTest {

  @Test
  void namesTheCrateOnceAndCountsOneUnitInTheSingular() {
    RealBuild.Report report =
        new RealBuild.Report(
            List.of(), List.of("plugnative plugnative"), List.of(), Duration.ofMillis(1_200));

    assertEquals(
        "jchef: cargo build: 1 workspace unit compiled (plugnative), 0 registry crates compiled, 1.2 s",
        BuildMojo.summary(report));
  }

  @Test
  void namesSeveralUnitsAndABuildScript() {
    RealBuild.Report report =
        new RealBuild.Report(
            List.of("libc libc"),
            List.of("jni-demo build-script-build", "jni-demo jni_demo", "jni-demo tool"),
            List.of(),
            Duration.ofMillis(3_400));

    assertEquals(
        "jchef: cargo build: 3 workspace units compiled (jni-demo's build script, jni-demo, jni-demo's tool),"
            + " 1 registry crate compiled, 3.4 s",
        BuildMojo.summary(report));
  }

  @Test
  void nothingCompiledNamesNothing() {
    RealBuild.Report report =
        new RealBuild.Report(List.of(), List.of(), List.of(), Duration.ofMillis(300));

    assertEquals("jchef: cargo build: 0 workspace units compiled, 0 registry crates compiled, 0.3 s", BuildMojo.summary(report));
  }
}
