package dev.jchef.recipe.plan;

import com.google.common.collect.ImmutableList;
import dev.jchef.model.workspace.TomlTable;
import java.util.List;

/**
 * Removes {@code required-features} from {@code [[bin]]}, {@code [[example]]}, {@code [[test]]}
 * and {@code [[bench]]} entries.
 *
 * <p>Why: cargo skips a target whose required features are off. In a skeleton that can leave a
 * package with nothing to build, so its dependencies are never compiled and the real build
 * compiles them after all (cargo-chef issue 146). A dummy source needs no feature, so every dummy
 * target can be built, and with it every dependency the real targets will link
 * (<a href="https://doc.rust-lang.org/cargo/reference/cargo-targets.html#the-required-features-field">required-features</a>).
 */
final class DropRequiredFeatures implements PlanStep {
  private static final List<String> TARGET_ARRAYS = List.of("bin", "example", "test", "bench");

  @Override
  public Plan apply(Plan plan) {
    return plan.mapDocuments(
        document -> {
          TomlTable result = document;
          for (String key : TARGET_ARRAYS) {
            ImmutableList<Object> targets = result.getArray(key).orElse(null);
            if (targets != null) {
              result =
                  result.with(
                      key,
                      targets.stream()
                          .map(t -> t instanceof TomlTable table ? table.without("required-features") : t)
                          .collect(ImmutableList.toImmutableList()));
            }
          }
          return result;
        });
  }
}
