package dev.jchef.cook;

import com.google.common.collect.ImmutableList;
import dev.jchef.model.TargetKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * Which targets cook builds: cargo's "Target Selection" options. With none, cargo builds the
 * library and binaries of the selected packages.
 *
 * @param lib {@code --lib}
 * @param bins {@code --bin NAME}, repeatable
 * @param allBins {@code --bins}
 * @param examples {@code --example NAME}, repeatable
 * @param allExamples {@code --examples}
 * @param tests {@code --test NAME}, repeatable
 * @param allTests {@code --tests}
 * @param benches {@code --bench NAME}, repeatable
 * @param allBenches {@code --benches}
 * @param allTargets {@code --all-targets}
 */
record TargetSelection(
    boolean lib,
    ImmutableList<String> bins,
    boolean allBins,
    ImmutableList<String> examples,
    boolean allExamples,
    ImmutableList<String> tests,
    boolean allTests,
    ImmutableList<String> benches,
    boolean allBenches,
    boolean allTargets) {

  /** cargo's default: libraries and binaries. */
  public static final TargetSelection DEFAULT =
      new TargetSelection(
          false, ImmutableList.of(), false, ImmutableList.of(), false, ImmutableList.of(), false,
          ImmutableList.of(), false, false);

  public TargetSelection {
    bins = ImmutableList.copyOf(bins);
    examples = ImmutableList.copyOf(examples);
    tests = ImmutableList.copyOf(tests);
    benches = ImmutableList.copyOf(benches);
  }

  /** {@code --lib}. */
  public TargetSelection withLib(boolean value) {
    return new TargetSelection(value, bins, allBins, examples, allExamples, tests, allTests, benches, allBenches, allTargets);
  }

  /** {@code --bins}. */
  public TargetSelection withAllBins(boolean value) {
    return new TargetSelection(lib, bins, value, examples, allExamples, tests, allTests, benches, allBenches, allTargets);
  }

  /** {@code --bin NAME...}. */
  public TargetSelection withBins(List<String> names) {
    return new TargetSelection(lib, ImmutableList.copyOf(names), allBins, examples, allExamples, tests, allTests, benches, allBenches, allTargets);
  }

  /** {@code --example NAME...}. */
  public TargetSelection withExamples(List<String> names) {
    return new TargetSelection(lib, bins, allBins, ImmutableList.copyOf(names), allExamples, tests, allTests, benches, allBenches, allTargets);
  }

  /** {@code --test NAME...}. */
  public TargetSelection withTests(List<String> names) {
    return new TargetSelection(lib, bins, allBins, examples, allExamples, ImmutableList.copyOf(names), allTests, benches, allBenches, allTargets);
  }

  /** {@code --bench NAME...}. */
  public TargetSelection withBenches(List<String> names) {
    return new TargetSelection(lib, bins, allBins, examples, allExamples, tests, allTests, ImmutableList.copyOf(names), allBenches, allTargets);
  }

  /** {@code --tests}, {@code --benches}, {@code --examples}, {@code --all-targets}. */
  public TargetSelection withAll(boolean allTests, boolean allBenches, boolean allExamples, boolean allTargets) {
    return new TargetSelection(lib, bins, allBins, examples, allExamples, tests, allTests, benches, allBenches, allTargets);
  }

  /**
   * The named tests, benches and examples that {@code known} does not know, as {@code "test
   * NAME"}: the skeleton has no such target (a recipe leaves out those that only their files
   * declare).
   */
  public ImmutableList<String> unknown(BiPredicate<TargetKind, String> known) {
    ImmutableList.Builder<String> unknown = ImmutableList.builder();
    tests.stream().filter(n -> !known.test(TargetKind.TEST, n)).forEach(n -> unknown.add("test " + n));
    benches.stream().filter(n -> !known.test(TargetKind.BENCH, n)).forEach(n -> unknown.add("bench " + n));
    examples.stream().filter(n -> !known.test(TargetKind.EXAMPLE, n)).forEach(n -> unknown.add("example " + n));
    return unknown.build();
  }

  /**
   * This selection with each named test, bench or example that {@code known} does not know
   * replaced by all targets of its kind ({@code --test it} becomes {@code --tests}). That builds
   * the same dependencies, with the same features: cargo resolves the dev-dependencies of every
   * selected package as soon as one test, bench or example is built, and every package whose
   * real tests, benches or examples the recipe left out has a stand-in target of that kind.
   */
  public TargetSelection replacingUnknown(BiPredicate<TargetKind, String> known) {
    List<String> keptTests = tests.stream().filter(n -> known.test(TargetKind.TEST, n)).toList();
    List<String> keptBenches = benches.stream().filter(n -> known.test(TargetKind.BENCH, n)).toList();
    List<String> keptExamples = examples.stream().filter(n -> known.test(TargetKind.EXAMPLE, n)).toList();
    return new TargetSelection(
        lib, bins, allBins,
        ImmutableList.copyOf(keptExamples), allExamples || keptExamples.size() < examples.size(),
        ImmutableList.copyOf(keptTests), allTests || keptTests.size() < tests.size(),
        ImmutableList.copyOf(keptBenches), allBenches || keptBenches.size() < benches.size(),
        allTargets);
  }

  List<String> cargoArguments() {
    List<String> arguments = new ArrayList<>();
    CargoArguments.flag(arguments, lib, "--lib");
    CargoArguments.each(arguments, "--bin", bins);
    CargoArguments.flag(arguments, allBins, "--bins");
    CargoArguments.each(arguments, "--example", examples);
    CargoArguments.flag(arguments, allExamples, "--examples");
    CargoArguments.each(arguments, "--test", tests);
    CargoArguments.flag(arguments, allTests, "--tests");
    CargoArguments.each(arguments, "--bench", benches);
    CargoArguments.flag(arguments, allBenches, "--benches");
    CargoArguments.flag(arguments, allTargets, "--all-targets");
    return arguments;
  }
}
