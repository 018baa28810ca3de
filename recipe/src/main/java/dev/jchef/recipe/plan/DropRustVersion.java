package dev.jchef.recipe.plan;

import dev.jchef.model.workspace.TomlTable;

/**
 * Removes {@code package.rust-version} and {@code workspace.package.rust-version} when the recipe
 * has a lockfile.
 *
 * <p>Why: the minimum Rust version of the workspace's own packages changes how dependencies
 * compile in one way only, through Cargo's MSRV-aware resolution, and with a lockfile the
 * resolution is fixed. Otherwise it only guards the build of the workspace's own crates, which the
 * real build still does (<a
 * href="https://doc.rust-lang.org/cargo/reference/rust-version.html">rust-version</a>). Measured on
 * real histories, raising it was a miss that rebuilt nothing for a reason.
 */
final class DropRustVersion implements PlanStep {
  private static final String KEY = "rust-version";

  @Override
  public Plan apply(Plan plan) {
    if (plan.lockfile().isEmpty()) {
      return plan;
    }
    return plan.mapDocuments(
        document -> {
          TomlTable result = document;
          TomlTable pkg = result.getTable("package").orElse(null);
          if (pkg != null) {
            result = result.with("package", pkg.without(KEY));
          }
          TomlTable workspace = result.getTable("workspace").orElse(null);
          TomlTable inheritable = workspace == null ? null : workspace.getTable("package").orElse(null);
          if (inheritable != null) {
            result = result.with("workspace", workspace.with("package", inheritable.without(KEY)));
          }
          return result;
        });
  }
}
