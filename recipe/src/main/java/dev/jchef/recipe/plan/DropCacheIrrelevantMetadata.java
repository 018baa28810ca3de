package dev.jchef.recipe.plan;

import dev.jchef.model.workspace.TomlTable;
import java.util.List;

/**
 * Drops the manifest fields that cannot change how dependencies compile: a package's
 * description, authors, keywords, categories, homepage, repository, documentation, readme,
 * license, license-file, include, exclude, publish and {@code [package.metadata]}, the same
 * fields in {@code [workspace.package]}, {@code [badges]} and {@code [workspace.metadata]}.
 *
 * <p>Why: they only feed {@code cargo publish}, documentation and the {@code CARGO_PKG_*}
 * variables of the workspace's own crates, which the real build compiles anyway. Keeping them
 * would rebuild every dependency when someone edits a description.
 * {@code workspace.exclude} (membership) is not {@code package.exclude} and stays.
 */
final class DropCacheIrrelevantMetadata implements PlanStep {
  static final List<String> PACKAGE_FIELDS =
      List.of(
          "description", "authors", "keywords", "categories", "homepage", "repository",
          "documentation", "readme", "license", "license-file", "include", "exclude", "publish",
          "metadata");

  @Override
  public Plan apply(Plan plan) {
    return plan.mapDocuments(DropCacheIrrelevantMetadata::drop);
  }

  private static TomlTable drop(TomlTable document) {
    TomlTable result = document.without("badges");
    for (String packageKey : List.of("package", "project")) {
      TomlTable pkg = result.getTable(packageKey).orElse(null);
      if (pkg != null) {
        result = result.with(packageKey, withoutFields(pkg));
      }
    }
    TomlTable workspace = result.getTable("workspace").orElse(null);
    if (workspace != null) {
      workspace = workspace.without("metadata");
      TomlTable inheritable = workspace.getTable("package").orElse(null);
      if (inheritable != null) {
        workspace = workspace.with("package", withoutFields(inheritable));
      }
      result = result.with("workspace", workspace);
    }
    return result;
  }

  private static TomlTable withoutFields(TomlTable pkg) {
    TomlTable result = pkg;
    for (String field : PACKAGE_FIELDS) {
      result = result.without(field);
    }
    return result;
  }
}
