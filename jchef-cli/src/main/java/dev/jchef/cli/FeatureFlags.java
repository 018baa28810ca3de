package dev.jchef.cli;

import com.google.common.collect.ImmutableList;
import dev.jchef.cook.FeatureSelection;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** cook's "Feature Selection" options, as cargo's help groups them. */
final class FeatureFlags {
  @Option(names = {"-F", "--features"}, paramLabel = "FEATURES", split = ",",
      description = "Features to activate, comma-separated; repeatable.")
  List<String> features = new ArrayList<>();

  @Option(names = "--all-features", description = "Activate all features.")
  boolean allFeatures;

  @Option(names = "--no-default-features", description = "Do not activate the default feature.")
  boolean noDefaultFeatures;

  static FeatureSelection value(FeatureFlags flags) {
    return flags == null
        ? FeatureSelection.DEFAULT
        : new FeatureSelection(ImmutableList.copyOf(flags.features), flags.allFeatures, flags.noDefaultFeatures);
  }
}
