package dev.jchef.recipe;

import com.google.common.collect.ImmutableList;
import dev.jchef.model.Target;
import dev.jchef.model.TargetKind;
import dev.jchef.model.TomlTable;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Leaves out the tests, benches and examples that Cargo discovers by their files
 * ({@code tests/*.rs} and the like) and no {@code [[test]]}, {@code [[bench]]} or {@code
 * [[example]]} table declares. Declared ones stay: their manifest entry needs its file.
 *
 * <p>Why: measured on real histories, adding an integration test was the most common miss that
 * changes nothing in the dependency build. Those targets compile no dependency of their own:
 * dev-dependencies are built for any test-mode target (the library's own unit tests, for one),
 * so a new {@code tests/foo.rs} needs no new dependency layer. The real build compiles it anyway.
 * The one cost: a cook with only {@code --examples} builds no dev-dependency for a package whose
 * examples were all discovered.
 */
final class DropUndeclaredTestTargets implements PlanStep {
  private static final Map<TargetKind, String> TABLES =
      Map.of(TargetKind.TEST, "test", TargetKind.BENCH, "bench", TargetKind.EXAMPLE, "example");

  @Override
  public Plan apply(Plan plan) {
    return new Plan(
        plan.manifests().stream()
            .map(m -> new PlannedManifest(m.directory(), m.document(), declared(m), m.role()))
            .collect(ImmutableList.toImmutableList()),
        plan.lockfile());
  }

  private static ImmutableList<Target> declared(PlannedManifest manifest) {
    Set<String> declared = new HashSet<>();
    TABLES.forEach(
        (kind, table) ->
            manifest.document().getArray(table).orElse(ImmutableList.of()).stream()
                .map(entry -> entry instanceof TomlTable t ? t.getString("name") : Optional.<String>empty())
                .flatMap(Optional::stream)
                .forEach(name -> declared.add(kind + " " + name)));
    return manifest.targets().stream()
        .filter(t -> !TABLES.containsKey(t.kind()) || declared.contains(t.kind() + " " + t.name()))
        .collect(ImmutableList.toImmutableList());
  }
}
