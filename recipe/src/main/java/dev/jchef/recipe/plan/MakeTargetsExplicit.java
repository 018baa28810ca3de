package dev.jchef.recipe.plan;

import com.google.common.collect.ImmutableList;
import dev.jchef.model.TargetKind;
import dev.jchef.model.workspace.Target;
import dev.jchef.model.workspace.TomlTable;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the discovered targets into the manifest, as cargo-chef does: {@code [lib]} gets its
 * {@code path} and {@code name}, every binary gets a {@code [[bin]]} entry with {@code name} and
 * {@code path} (keeping whatever else a declared entry said, such as {@code required-features}),
 * and {@code package.build} names the build script found by convention.
 *
 * <p>Why: the skeleton has only the dummy files, so the manifest must say what the real tree
 * would have let Cargo discover. The {@code [[bin]]} entries are sorted by path, then name,
 * because discovery order is the file system's listing order and must not reach the recipe
 * (<a href="https://doc.rust-lang.org/cargo/reference/cargo-targets.html#target-auto-discovery">target
 * auto-discovery</a>).
 */
final class MakeTargetsExplicit implements PlanStep {

  @Override
  public Plan apply(Plan plan) {
    return new Plan(
        plan.manifests().stream()
            .map(m -> m.targets().isEmpty() ? m : m.withDocument(explicit(m.document(), m.targets())))
            .collect(ImmutableList.toImmutableList()),
        plan.lockfile());
  }

  private static TomlTable explicit(TomlTable document, List<Target> targets) {
    TomlTable result = document;
    for (Target target : targets) {
      if (target.kind() == TargetKind.LIB) {
        TomlTable lib = result.getTable("lib").orElse(TomlTable.empty());
        result = result.with("lib", lib.with("path", target.path()).with("name", target.name()));
      }
    }
    List<Target> bins =
        targets.stream()
            .filter(t -> t.kind() == TargetKind.BIN)
            .sorted(Comparator.comparing(Target::path).thenComparing(Target::name))
            .toList();
    if (!bins.isEmpty()) {
      Map<String, TomlTable> declared = new HashMap<>();
      for (Object entry : result.getArray("bin").orElse(ImmutableList.of())) {
        if (entry instanceof TomlTable table && table.getString("name").isPresent()) {
          declared.put(table.getString("name").orElseThrow(), table);
        }
      }
      result =
          result.with(
              "bin",
              bins.stream()
                  .map(
                      bin ->
                          (Object)
                              declared
                                  .getOrDefault(bin.name(), TomlTable.empty())
                                  .with("name", bin.name())
                                  .with("path", bin.path()))
                  .collect(ImmutableList.toImmutableList()));
    }
    List<Target> buildScripts =
        targets.stream().filter(t -> t.kind() == TargetKind.BUILD_SCRIPT).toList();
    TomlTable pkg = result.getTable("package").orElse(null);
    if (buildScripts.size() == 1 && pkg != null && !pkg.containsKey("build")) {
      result = result.with("package", pkg.with("build", buildScripts.get(0).path()));
    }
    return result;
  }
}
