package dev.jchef.model.workspace;

import com.google.common.collect.ImmutableList;

/**
 * The three dependency tables of a manifest. Cargo still accepts the underscore spellings
 * ({@code dev_dependencies}, {@code build_dependencies}) of older manifests.
 */
public enum DependencyKind {
  NORMAL("dependencies"),
  DEV("dev-dependencies", "dev_dependencies"),
  BUILD("build-dependencies", "build_dependencies");

  private final ImmutableList<String> tableNames;

  DependencyKind(String... tableNames) {
    this.tableNames = ImmutableList.copyOf(tableNames);
  }

  /** The table name Cargo documents, such as {@code dev-dependencies}. */
  public String tableName() {
    return tableNames.get(0);
  }

  /** Every spelling Cargo accepts for this table, the documented one first. */
  public ImmutableList<String> tableNames() {
    return tableNames;
  }
}
