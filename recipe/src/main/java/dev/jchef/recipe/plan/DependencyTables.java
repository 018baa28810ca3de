package dev.jchef.recipe.plan;

import dev.jchef.model.workspace.DependencyKind;
import dev.jchef.model.workspace.TomlTable;

/**
 * Visits every dependency entry of a manifest document: {@code [dependencies]},
 * {@code [dev-dependencies]} and {@code [build-dependencies]} (and their old underscore
 * spellings), the same under each {@code [target.<platform>]}, and
 * {@code [workspace.dependencies]}.
 */
public final class DependencyTables {

  /** A change to one entry: returns the entry's new value. */
  public interface EntryChange {
    /**
     * @param inWorkspaceTable the entry is in {@code [workspace.dependencies]}, whose paths are
     *     relative to the workspace root rather than to the manifest's directory
     */
    Object apply(String key, Object value, boolean inWorkspaceTable);
  }

  private DependencyTables() {}

  /** The document with {@code change} applied to every dependency entry. */
  public static TomlTable map(TomlTable document, EntryChange change) {
    TomlTable result = mapTables(document, change, false);
    TomlTable targets = result.getTable("target").orElse(null);
    if (targets != null) {
      result =
          result.with(
              "target",
              targets.mapValues(
                  (platform, value) ->
                      value instanceof TomlTable table ? mapTables(table, change, false) : value));
    }
    TomlTable workspace = result.getTable("workspace").orElse(null);
    if (workspace != null && workspace.getTable("dependencies").isPresent()) {
      TomlTable dependencies = workspace.getTable("dependencies").orElseThrow();
      result =
          result.with(
              "workspace",
              workspace.with(
                  "dependencies",
                  dependencies.mapValues((key, value) -> change.apply(key, value, true))));
    }
    return result;
  }

  private static TomlTable mapTables(TomlTable owner, EntryChange change, boolean workspace) {
    TomlTable result = owner;
    for (DependencyKind kind : DependencyKind.values()) {
      for (String name : kind.tableNames()) {
        TomlTable table = result.getTable(name).orElse(null);
        if (table != null) {
          result = result.with(name, table.mapValues((key, value) -> change.apply(key, value, workspace)));
        }
      }
    }
    return result;
  }
}
