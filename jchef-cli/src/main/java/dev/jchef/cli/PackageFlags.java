package dev.jchef.cli;

import com.google.common.collect.ImmutableList;
import dev.jchef.cook.PackageSelection;
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
   * @throws IllegalArgumentException for {@code --exclude} without {@code --workspace}
   */
  static PackageSelection value(PackageFlags flags) {
    if (flags != null && !flags.exclude.isEmpty() && !flags.workspace) {
      throw new IllegalArgumentException("--exclude needs --workspace, as in cargo");
    }
    return flags == null
        ? PackageSelection.DEFAULT
        : new PackageSelection(ImmutableList.copyOf(flags.packages), flags.workspace, ImmutableList.copyOf(flags.exclude));
  }
}
