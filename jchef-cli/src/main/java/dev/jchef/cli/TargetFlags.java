package dev.jchef.cli;

import com.google.common.collect.ImmutableList;
import dev.jchef.cook.TargetSelection;
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

  static TargetSelection value(TargetFlags flags) {
    return flags == null
        ? TargetSelection.DEFAULT
        : new TargetSelection(
            flags.lib, ImmutableList.copyOf(flags.bins), flags.allBins, ImmutableList.copyOf(flags.examples),
            flags.allExamples, ImmutableList.copyOf(flags.tests), flags.allTests,
            ImmutableList.copyOf(flags.benches), flags.allBenches, flags.allTargets);
  }
}
