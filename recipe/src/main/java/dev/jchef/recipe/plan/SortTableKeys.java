package dev.jchef.recipe.plan;

import com.google.common.collect.ImmutableList;
import dev.jchef.model.workspace.TomlTable;
import java.util.List;
import java.util.TreeMap;

/**
 * Puts every table's keys in sorted order, in manifests and lockfile; arrays keep their order.
 *
 * <p>Why: the recipe is written from the parsed documents, so comments, blank lines and quoting
 * are already gone; sorting removes the last difference that is not one to Cargo, the order in
 * which keys and tables were written. Array order can matter (a feature list is read in order by
 * some build scripts), so it is kept.
 */
final class SortTableKeys implements PlanStep {

  @Override
  public Plan apply(Plan plan) {
    return new Plan(
        plan.mapDocuments(SortTableKeys::sorted).manifests(), plan.lockfile().map(SortTableKeys::sorted));
  }

  static TomlTable sorted(TomlTable table) {
    TreeMap<String, Object> entries = new TreeMap<>();
    table.asMap().forEach((key, value) -> entries.put(key, sortedValue(value)));
    return TomlTable.of(entries);
  }

  private static Object sortedValue(Object value) {
    if (value instanceof TomlTable table) {
      return sorted(table);
    }
    if (value instanceof List<?> list) {
      return list.stream().map(SortTableKeys::sortedValue).collect(ImmutableList.toImmutableList());
    }
    return value;
  }
}
