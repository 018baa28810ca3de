package dev.jchef.cli;

import dev.jchef.cook.CookOptions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** cook's "Package Selection" options, as cargo's help groups them. */
final class PackageFlags {
  @Option(names = {"-p", "--package"}, paramLabel = "SPEC", description = "Package to build; repeatable.")
  List<String> packages = new ArrayList<>();

  @Option(names = "--workspace", description = "Build all members of the workspace.")
  boolean workspace;

  @Option(names = "--exclude", paramLabel = "SPEC", description = "Exclude this package (with --workspace); repeatable.")
  List<String> exclude = new ArrayList<>();

  /**
   * Sets these flags on {@code options}; none when {@code flags} is null (picocli leaves an unused
   * group null).
   *
   * @throws IllegalArgumentException for {@code --exclude} without {@code --workspace}
   */
  static void apply(PackageFlags flags, CookOptions.Builder options) {
    if (flags == null) {
      return;
    }
    if (!flags.exclude.isEmpty() && !flags.workspace) {
      throw new IllegalArgumentException("--exclude needs --workspace, as in cargo");
    }
    options.packages(flags.packages).workspace(flags.workspace);
    if (!flags.exclude.isEmpty()) {
      options.exclude(flags.exclude);
    }
  }
}
