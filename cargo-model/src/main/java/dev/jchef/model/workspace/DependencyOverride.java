package dev.jchef.model.workspace;

import static java.util.Objects.requireNonNull;

import dev.jchef.model.internal.TomlWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One entry of a root manifest's {@code [patch.<source>]} or {@code [replace]} table: the package
 * it overrides and, for a path override, the directory it comes from (the Cargo book's "Overriding
 * Dependencies"). Read from the manifest's TOML, so that a recipe's normalised text reads the
 * same way as the workspace's own.
 *
 * @param table the table as a manifest writes it: {@code [patch.crates-io]}, {@code [replace]}
 * @param key the entry's key: a name ({@code serde}), a renamed dependency, or for {@code
 *     [replace]} a package ID specification ({@code serde:1.0.200})
 * @param packageName the package overridden: the entry's {@code package} for a renamed patch, the
 *     name before {@code :} or {@code @} of a replace specification, else the key
 * @param path the entry's {@code path}, as written (relative to the root); empty for a version,
 *     git or registry override
 */
public record DependencyOverride(String table, String key, String packageName, Optional<String> path) {

  public DependencyOverride {
    requireNonNull(table);
    requireNonNull(key);
    requireNonNull(packageName);
    requireNonNull(path);
  }

  /** Returns the overrides of the root manifest {@code root}: {@code [patch.*]}'s in source order, then {@code [replace]}'s. */
  public static List<DependencyOverride> of(TomlTable root) {
    List<DependencyOverride> overrides = new ArrayList<>();
    root.getTable("patch").ifPresent(patch -> patch.asMap().forEach((source, entries) -> {
      if (entries instanceof TomlTable table) {
        table.asMap().forEach((key, entry) -> overrides.add(new DependencyOverride(
            "[patch." + TomlWriter.key(source) + "]", key,
            entry instanceof TomlTable dependency ? dependency.getString("package").orElse(key) : key,
            pathOf(entry))));
      }
    }));
    root.getTable("replace").ifPresent(replace -> replace.asMap().forEach((spec, entry) ->
        overrides.add(new DependencyOverride("[replace]", spec, spec.split("[:@]", 2)[0], pathOf(entry)))));
    return List.copyOf(overrides);
  }

  /** Returns where a reader finds the entry: {@code [patch.crates-io] serde}, {@code [replace] "serde:1.0.200"}. */
  public String shown() {
    return table + " " + TomlWriter.key(key);
  }

  private static Optional<String> pathOf(Object entry) {
    return entry instanceof TomlTable dependency ? dependency.getString("path") : Optional.empty();
  }
}
