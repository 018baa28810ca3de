package dev.jchef.cli;

import dev.jchef.cook.CookOptions;
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

  /** Sets these flags on {@code options}; none when {@code flags} is null (picocli leaves an unused group null). */
  static void apply(FeatureFlags flags, CookOptions.Builder options) {
    if (flags != null) {
      options.features(flags.features).allFeatures(flags.allFeatures).noDefaultFeatures(flags.noDefaultFeatures);
    }
  }
}
