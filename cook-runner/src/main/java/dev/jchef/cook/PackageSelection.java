package dev.jchef.cook;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;

/**
 * Which packages cook builds: cargo's "Package Selection" options ({@code cargo help build}).
 *
 * @param packages {@code -p/--package SPEC}, repeatable; package ID specifications
 * @param workspace {@code --workspace}: every member
 * @param exclude {@code --exclude SPEC}, repeatable; only with {@code --workspace}, as in cargo
 */
record PackageSelection(
    ImmutableList<String> packages, boolean workspace, ImmutableList<String> exclude) {

  /** The default members (or the package in the current directory): no flag. */
  public static final PackageSelection DEFAULT =
      new PackageSelection(ImmutableList.of(), false, ImmutableList.of());

  /**
   * @throws IllegalArgumentException when {@code exclude} is given without {@code workspace}
   */
  public PackageSelection {
    packages = ImmutableList.copyOf(packages);
    exclude = ImmutableList.copyOf(exclude);
    checkArgument(exclude.isEmpty() || workspace, "exclude needs workspace: cargo excludes packages only from the whole workspace");
  }

  /** {@code -p SPEC...}. */
  public static PackageSelection of(List<String> packages) {
    return new PackageSelection(ImmutableList.copyOf(packages), false, ImmutableList.of());
  }

  /** {@code --workspace --exclude SPEC...}. */
  public static PackageSelection workspaceExcluding(List<String> exclude) {
    return new PackageSelection(ImmutableList.of(), true, ImmutableList.copyOf(exclude));
  }

  List<String> cargoArguments() {
    List<String> arguments = new ArrayList<>();
    CargoArguments.each(arguments, "--package", packages);
    CargoArguments.flag(arguments, workspace, "--workspace");
    CargoArguments.each(arguments, "--exclude", exclude);
    return arguments;
  }
}
