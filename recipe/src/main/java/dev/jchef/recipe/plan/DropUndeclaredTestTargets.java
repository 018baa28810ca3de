package dev.jchef.recipe.plan;

import com.google.common.collect.ImmutableList;
import dev.jchef.model.TargetKind;
import dev.jchef.model.workspace.Target;
import dev.jchef.model.workspace.TomlTable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Leaves out the tests, benches and examples that Cargo discovers by their files ({@code
 * tests/*.rs} and the like) and no {@code [[test]]}, {@code [[bench]]} or {@code [[example]]}
 * table declares, and puts one stand-in target of the kind in their place where the package
 * needs one: for package {@code p}, target {@code jchef-stand-in-p} (the package's name keeps the
 * examples cargo copies to {@code target/debug/examples/} apart), declared by a table of its kind
 * in the manifest, at {@code .jchef-stand-in/test.rs}, {@code bench.rs} or {@code example.rs} in
 * the package's directory. Declared targets stay: their manifest entry needs its file.
 *
 * <p>Why: measured on real histories, adding an integration test was the most common miss that
 * changes nothing in the dependency build. What such targets add to it is the package's
 * dev-dependencies, compiled for any one of them, and the same for all of them; so one stand-in
 * does for all, and a new {@code tests/foo.rs} beside the others keeps the recipe. A stand-in is
 * needed when cook's {@code --tests}, {@code --benches}, {@code --examples} or {@code
 * --all-targets} would otherwise build none of the package's targets of that mode, leaving its
 * dev-dependencies uncompiled (and a package with only tests would have no target at all, which
 * cargo refuses): for examples whenever there were any, since no other target is built as an
 * example; for tests (benches) only when no library or binary is built as a unit test (bench),
 * that is when there is none or each says {@code test = false} ({@code bench = false}). The
 * stand-in's file lies where cargo's target discovery never looks, and only the skeleton's
 * manifest declares it: the real sources copied over the skeleton leave it in place, and the real
 * manifest does not build it. Cook builds a named target the recipe lacks ({@code --test foo}) as
 * all of its kind ({@code --tests}), which compiles the same dependencies.
 * (<a href="https://doc.rust-lang.org/cargo/reference/cargo-targets.html#target-auto-discovery">Target
 * auto-discovery</a>, <a
 * href="https://doc.rust-lang.org/cargo/reference/specifying-dependencies.html#development-dependencies">development
 * dependencies</a>.)
 */
final class DropUndeclaredTestTargets implements PlanStep {
  /** How every stand-in target's name starts; the package's name follows. */
  static final String STAND_IN = "jchef-stand-in-";

  private static final Map<TargetKind, String> TABLES =
      Map.of(TargetKind.TEST, "test", TargetKind.BENCH, "bench", TargetKind.EXAMPLE, "example");
  /** The directory, in the package's, that holds the stand-ins' files. */
  static final String STAND_IN_DIRECTORY = ".jchef-stand-in";

  @Override
  public Plan apply(Plan plan) {
    return new Plan(
        plan.manifests().stream()
            .map(DropUndeclaredTestTargets::apply)
            .collect(ImmutableList.toImmutableList()),
        plan.lockfile());
  }

  private static PlannedManifest apply(PlannedManifest manifest) {
    ImmutableList<Target> kept = kept(manifest);
    TomlTable document = manifest.document();
    for (Target target : kept) {
      if (!manifest.targets().contains(target)) { // a stand-in
        String table = TABLES.get(target.kind());
        ImmutableList<Object> declared =
            ImmutableList.builder()
                .addAll(document.getArray(table).orElse(ImmutableList.of()))
                .add(TomlTable.of(Map.of("name", target.name(), "path", target.path())))
                .build();
        document = document.with(table, declared);
      }
    }
    return new PlannedManifest(manifest.directory(), document, kept, manifest.role());
  }

  private static ImmutableList<Target> kept(PlannedManifest manifest) {
    Set<String> declared = new HashSet<>();
    TABLES.forEach(
        (kind, table) ->
            manifest.document().getArray(table).orElse(ImmutableList.of()).stream()
                .map(entry -> entry instanceof TomlTable t ? t.getString("name") : Optional.<String>empty())
                .flatMap(Optional::stream)
                .forEach(name -> declared.add(kind + " " + name)));
    List<Target> kept = new ArrayList<>();
    Set<TargetKind> dropped = new HashSet<>();
    for (Target target : manifest.targets()) {
      if (TABLES.containsKey(target.kind()) && !declared.contains(target.kind() + " " + target.name())) {
        dropped.add(target.kind());
      } else {
        kept.add(target);
      }
    }
    for (TargetKind kind : List.of(TargetKind.TEST, TargetKind.BENCH, TargetKind.EXAMPLE)) {
      if (dropped.contains(kind) && !builtInModeOf(kind, kept, manifest.document())) {
        kept.add(standIn(kind, manifest.packageName().orElse("")));
      }
    }
    return ImmutableList.copyOf(kept);
  }

  /**
   * Whether cargo's {@code --tests} ({@code --benches}) builds one of {@code targets} in that
   * mode: a declared test (bench), or a library or binary whose {@code test} ({@code bench})
   * setting is not false. No other target is built as an example.
   */
  private static boolean builtInModeOf(TargetKind kind, List<Target> targets, TomlTable document) {
    if (kind == TargetKind.EXAMPLE) {
      return targets.stream().anyMatch(t -> t.kind() == TargetKind.EXAMPLE);
    }
    String setting = kind == TargetKind.TEST ? "test" : "bench";
    for (Target target : targets) {
      if (target.kind() == kind) {
        return true;
      }
      if (target.kind() == TargetKind.LIB
          && document.getTable("lib").flatMap(lib -> lib.getBoolean(setting)).orElse(true)) {
        return true;
      }
      if (target.kind() == TargetKind.BIN && binSetting(document, target.name(), setting)) {
        return true;
      }
    }
    return false;
  }

  private static boolean binSetting(TomlTable document, String name, String setting) {
    for (Object entry : document.getArray("bin").orElse(ImmutableList.of())) {
      if (entry instanceof TomlTable bin && bin.getString("name").equals(Optional.of(name))) {
        return bin.getBoolean(setting).orElse(true);
      }
    }
    return true;
  }

  private static Target standIn(TargetKind kind, String packageName) {
    return new Target(
        kind, STAND_IN + packageName, STAND_IN_DIRECTORY + "/" + TABLES.get(kind) + ".rs",
        ImmutableList.of(), true, ImmutableList.of());
  }
}
