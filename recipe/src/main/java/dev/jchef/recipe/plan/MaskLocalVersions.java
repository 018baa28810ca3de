package dev.jchef.recipe.plan;

import com.google.common.collect.ImmutableList;
import dev.jchef.model.workspace.DependencyOverride;
import dev.jchef.model.workspace.LockedDependency;
import dev.jchef.model.workspace.LockedPackage;
import dev.jchef.model.workspace.Lockfile;
import dev.jchef.model.workspace.TomlTable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Replaces the versions of the workspace's own packages with {@value #MASK}: each
 * {@code package.version} written as a string, {@code workspace.package.version}, the
 * {@code version} of dependency entries that point by {@code path} at a local package (by their
 * {@code package} name when renamed, else by key; in every dependency table, also per platform
 * and in {@code [workspace.dependencies]}), and in the lockfile the packages of a local name
 * without a {@code source}, with the dependency entries that point at them.
 *
 * <p>Why: bumping a workspace crate's version changes no dependency's build, but would change
 * the manifests and the lockfile, and so the cache key (as cargo-chef's {@code version_masking}).
 * A registry package with a local package's name keeps its version. Not masked: packages that
 * {@code [patch]} or {@code [replace]} substitute, since a patch only applies when its version
 * matches the requirement it replaces.
 */
final class MaskLocalVersions implements PlanStep {
  static final String MASK = "0.0.1";

  @Override
  public Plan apply(Plan plan) {
    Set<String> local = new HashSet<>();
    plan.manifests().forEach(m -> m.packageName().ifPresent(local::add));
    Set<String> substituted = new HashSet<>();
    DependencyOverride.of(plan.root().document()).forEach(override -> substituted.add(override.packageName()));
    local.removeAll(substituted);
    boolean substitutedInheritsVersion =
        plan.manifests().stream()
            .filter(m -> m.packageName().map(substituted::contains).orElse(false))
            .anyMatch(m -> m.document().getTable("package", "version").isPresent());

    ImmutableList<PlannedManifest> manifests =
        plan.manifests().stream()
            .map(m -> m.withDocument(mask(m.document(), local, substitutedInheritsVersion)))
            .collect(ImmutableList.toImmutableList());
    return new Plan(manifests, plan.lockfile().map(lock -> maskLockfile(lock, local)));
  }

  private static TomlTable mask(TomlTable document, Set<String> local, boolean keepWorkspaceVersion) {
    TomlTable result = document;
    TomlTable pkg = result.getTable("package").orElse(null);
    if (pkg != null
        && pkg.getString("version").isPresent()
        && pkg.getString("name").map(local::contains).orElse(false)) {
      result = result.with("package", pkg.with("version", MASK));
    }
    TomlTable workspace = result.getTable("workspace").orElse(null);
    TomlTable inheritable = workspace == null ? null : workspace.getTable("package").orElse(null);
    if (inheritable != null && inheritable.containsKey("version") && !keepWorkspaceVersion) {
      result = result.with("workspace", workspace.with("package", inheritable.with("version", MASK)));
    }
    return DependencyTables.map(
        result,
        (key, value, inWorkspaceTable) -> {
          if (value instanceof TomlTable entry
              && entry.containsKey("path")
              && entry.containsKey("version")
              && local.contains(entry.getString("package").orElse(key))) {
            return entry.with("version", MASK);
          }
          return value;
        });
  }

  private static TomlTable maskLockfile(TomlTable document, Set<String> local) {
    List<LockedPackage> packages = Lockfile.of(document, "Cargo.lock").packages();
    int index = 0;
    TomlTable result = document;
    if (document.getTable("root").isPresent()) {
      result = result.with("root", maskLocked(document.getTable("root").get(), packages.get(0), packages, local));
      index = 1;
    }
    ImmutableList<Object> tables = document.getArray("package").orElse(null);
    if (tables == null) {
      return result;
    }
    ImmutableList.Builder<Object> masked = ImmutableList.builder();
    for (Object table : tables) {
      masked.add(maskLocked((TomlTable) table, packages.get(index++), packages, local));
    }
    return result.with("package", masked.build());
  }

  private static TomlTable maskLocked(
      TomlTable table, LockedPackage pkg, List<LockedPackage> packages, Set<String> local) {
    TomlTable result = table;
    if (isLocal(pkg, local)) {
      result = result.with("version", MASK);
    }
    ImmutableList<Object> entries = table.getArray("dependencies").orElse(null);
    if (entries == null) {
      return result;
    }
    ImmutableList.Builder<Object> maskedEntries = ImmutableList.builder();
    for (int i = 0; i < entries.size(); i++) {
      LockedDependency dependency = pkg.dependencies().get(i);
      boolean pointsAtLocal =
          dependency.version().isPresent()
              && packages.stream().anyMatch(p -> dependency.matches(p) && isLocal(p, local));
      maskedEntries.add(
          pointsAtLocal
              ? dependency.name() + " " + MASK + dependency.source().map(s -> " (" + s + ")").orElse("")
              : entries.get(i));
    }
    return result.with("dependencies", maskedEntries.build());
  }

  private static boolean isLocal(LockedPackage pkg, Set<String> local) {
    return pkg.source().isEmpty() && local.contains(pkg.name());
  }
}
