package dev.jchef.cook;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;

/**
 * Which features cook activates: cargo's "Feature Selection" options.
 *
 * @param features {@code --features a,b}; names, or {@code package/feature}
 * @param allFeatures {@code --all-features}
 * @param noDefaultFeatures {@code --no-default-features}
 */
record FeatureSelection(
    ImmutableList<String> features, boolean allFeatures, boolean noDefaultFeatures) {

  /** The default features of the selected packages: no flag. */
  public static final FeatureSelection DEFAULT = new FeatureSelection(ImmutableList.of(), false, false);

  public FeatureSelection {
    features = ImmutableList.copyOf(features);
  }

  /** {@code --features a,b}. */
  public static FeatureSelection of(List<String> features) {
    return new FeatureSelection(ImmutableList.copyOf(features), false, false);
  }

  List<String> cargoArguments() {
    List<String> arguments = new ArrayList<>();
    CargoArguments.flag(arguments, noDefaultFeatures, "--no-default-features");
    if (!features.isEmpty()) {
      arguments.add("--features");
      arguments.add(String.join(",", features));
    }
    CargoArguments.flag(arguments, allFeatures, "--all-features");
    return arguments;
  }
}
