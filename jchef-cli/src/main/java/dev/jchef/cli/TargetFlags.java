package dev.jchef.cli;

import dev.jchef.cook.CookOptions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** cook's "Target Selection" options, as cargo's help groups them. */
final class TargetFlags {
  @Option(names = "--lib", description = "Build only the libraries.")
  boolean lib;

  @Option(names = "--bin", paramLabel = "NAME", description = "Build only this binary; repeatable.")
  List<String> bins = new ArrayList<>();

  @Option(names = "--bins", description = "Build all binaries.")
  boolean allBins;

  @Option(names = "--example", paramLabel = "NAME",
      description = "Build this example (cook: its dependencies; one the recipe leaves out is built as --examples); repeatable.")
  List<String> examples = new ArrayList<>();

  @Option(names = "--examples", description = "Build all examples.")
  boolean allExamples;

  @Option(names = "--test", paramLabel = "NAME",
      description = "Build this test (cook: its dependencies; one the recipe leaves out is built as --tests); repeatable.")
  List<String> tests = new ArrayList<>();

  @Option(names = "--tests", description = "Build all tests.")
  boolean allTests;

  @Option(names = "--bench", paramLabel = "NAME",
      description = "Build this bench (cook: its dependencies; one the recipe leaves out is built as --benches); repeatable.")
  List<String> benches = new ArrayList<>();

  @Option(names = "--benches", description = "Build all benches.")
  boolean allBenches;

  @Option(names = "--all-targets", description = "Build all targets.")
  boolean allTargets;

  /** Sets these flags on {@code options}; none when {@code flags} is null (picocli leaves an unused group null). */
  static void apply(TargetFlags flags, CookOptions.Builder options) {
    if (flags != null) {
      options.lib(flags.lib).bins(flags.bins).allBins(flags.allBins).examples(flags.examples)
          .tests(flags.tests).benches(flags.benches)
          .allOf(flags.allExamples, flags.allTests, flags.allBenches, flags.allTargets);
    }
  }
}
