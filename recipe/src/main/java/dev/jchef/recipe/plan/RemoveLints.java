package dev.jchef.recipe.plan;

import dev.jchef.model.workspace.TomlTable;

/**
 * Removes {@code [lints]} and {@code [workspace.lints]}.
 *
 * <p>Why: lints apply to the workspace's own crates only, which cook replaces with dummy sources;
 * a lint such as {@code missing_docs = "deny"} would fail the dependency build on those dummies
 * (<a href="https://doc.rust-lang.org/cargo/reference/manifest.html#the-lints-section">the lints
 * section</a>).
 */
final class RemoveLints implements PlanStep {

  @Override
  public Plan apply(Plan plan) {
    return plan.mapDocuments(
        document -> {
          TomlTable result = document.without("lints");
          return result
              .getTable("workspace")
              .map(workspace -> result.with("workspace", workspace.without("lints")))
              .orElse(result);
        });
  }
}
