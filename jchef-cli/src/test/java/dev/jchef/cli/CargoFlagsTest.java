package dev.jchef.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * What cargo is given for the flags of {@code jchef cook} and {@code jchef build}: each flag as
 * cargo-chef passes it, nothing added (a {@code -p} alone selects that package, not the workspace).
 */
class CargoFlagsTest {
  private static List<String> cook(String... args) {
    CommandLine commandLine = new CommandLine(new CookCommand());
    commandLine.parseArgs(args);
    return ((CookCommand) commandLine.getCommand()).options().cargoArguments();
  }

  private static List<String> build(String... args) {
    CommandLine commandLine = new CommandLine(new BuildCommand());
    commandLine.parseArgs(args);
    return ((BuildCommand) commandLine.getCommand()).options().cargoArguments();
  }

  @Test
  void aPackageAloneSelectsThatPackage() {
    assertEquals(List.of("--package", "greeter"), cook("-p", "greeter"));
    assertEquals(List.of("--package", "greeter", "--package", "app"), cook("--package=greeter", "-p", "app"));
    assertEquals(List.of("--package", "greeter"), build("-p", "greeter"));
  }

  @Test
  void theWorkspaceWithExclusions() {
    assertEquals(List.of("--workspace"), cook("--workspace"));
    assertEquals(List.of("--workspace", "--exclude", "xtask"), cook("--workspace", "--exclude", "xtask"));
  }

  @Test
  void flagsOfEveryGroupTogether() {
    assertEquals(
        List.of("--release", "--features", "x", "--package", "greeter", "--bin", "app", "--locked"),
        cook("-r", "-p", "greeter", "--bin", "app", "-F", "x", "--locked"));
    assertEquals(
        List.of("--profile", "dist", "--target", "wasm32-unknown-unknown", "--jobs", "2", "--no-default-features",
            "-Z", "build-std", "--tests", "--offline", "--verbose"),
        cook("--profile", "dist", "--target", "wasm32-unknown-unknown", "-j", "2", "--no-default-features",
            "-Z", "build-std", "--tests", "--offline", "-v"));
  }
}
