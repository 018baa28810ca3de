package dev.jchef.recipe.plan;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.jchef.model.workspace.LockedDependency;
import dev.jchef.model.workspace.LockedPackage;
import dev.jchef.model.workspace.Lockfile;
import dev.jchef.model.workspace.TomlTable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Cuts the plan down to the packages {@code --bin} keeps ({@link BinClosure}), so that changes to
 * unrelated members do not invalidate the dependency layer: other manifests go;
 * {@code workspace.members} lists the kept members by path (globs resolved);
 * {@code default-members} goes (it may name dropped members); {@code workspace.dependencies}
 * keeps the keys kept packages inherit; the lockfile keeps the packages reachable from the kept
 * ones through its own dependency graph. A root package outside the closure is turned into a
 * virtual manifest, since the root must stay to hold {@code [workspace]}, with the resolver the
 * package implied written out.
 */
final class RestrictToClosure implements PlanStep {
  /** Package-level tables a virtual manifest cannot have. */
  private static final List<String> PACKAGE_TABLES =
      List.of(
          "package", "project", "lib", "bin", "example", "test", "bench", "dependencies",
          "dev-dependencies", "dev_dependencies", "build-dependencies", "build_dependencies",
          "target", "features", "badges", "lints");

  private final ImmutableSet<String> kept;
  private final String rootEdition;

  /**
   * @param kept the package directories to keep ({@link BinClosure})
   * @param rootEdition the root package's effective edition, or any string when the root is virtual
   */
  RestrictToClosure(ImmutableSet<String> kept, String rootEdition) {
    this.kept = kept;
    this.rootEdition = rootEdition;
  }

  @Override
  public Plan apply(Plan plan) {
    ImmutableList.Builder<PlannedManifest> manifests = ImmutableList.builder();
    Set<String> inheritedKeys = new HashSet<>();
    Set<String> keptNames = new HashSet<>();
    Set<String> keptMembers = new HashSet<>();
    for (PlannedManifest manifest : plan.manifests()) {
      if (kept.contains(manifest.directory())) {
        keptNames.add(manifest.packageName().orElseThrow());
        if (manifest.role() == PlannedManifest.Role.MEMBER) {
          keptMembers.add(manifest.directory());
        }
        DependencyTables.map(
            manifest.document(),
            (key, value, inWorkspaceTable) -> {
              if (!inWorkspaceTable
                  && value instanceof TomlTable entry
                  && entry.getBoolean("workspace").orElse(false)) {
                inheritedKeys.add(key);
              }
              return value;
            });
      }
    }
    for (PlannedManifest manifest : plan.manifests()) {
      if (manifest.isRoot()) {
        manifests.add(restrictRoot(manifest, inheritedKeys, keptMembers));
      } else if (kept.contains(manifest.directory())) {
        manifests.add(manifest);
      }
    }
    return new Plan(manifests.build(), plan.lockfile().map(lock -> restrictLockfile(lock, keptNames)));
  }

  private PlannedManifest restrictRoot(
      PlannedManifest root, Set<String> inheritedKeys, Set<String> keptMembers) {
    TomlTable document = root.document();
    PlannedManifest result = root;
    if (root.role() == PlannedManifest.Role.MEMBER && !kept.contains("")) {
      String resolver = rootPackageResolver(document, rootEdition);
      document =
          document.with(
              "workspace",
              document.getTable("workspace").orElse(TomlTable.empty()).with("resolver", resolver));
      for (String table : PACKAGE_TABLES) {
        document = document.without(table);
      }
      result = new PlannedManifest("", document, ImmutableList.of(), PlannedManifest.Role.VIRTUAL_ROOT);
    }
    TomlTable workspace = document.getTable("workspace").orElse(null);
    if (workspace == null) {
      return result.withDocument(document);
    }
    ImmutableList<Object> members =
        keptMembers.stream().filter(directory -> !directory.isEmpty()).sorted().collect(ImmutableList.toImmutableList());
    workspace = workspace.with("members", members).without("default-members");
    TomlTable dependencies = workspace.getTable("dependencies").orElse(null);
    if (dependencies != null) {
      workspace =
          workspace.with(
              "dependencies",
              dependencies.mapValues((key, value) -> inheritedKeys.contains(key) ? value : null));
    }
    return result.withDocument(document.with("workspace", workspace));
  }

  /**
   * The resolver the root package's workspace uses (the Cargo reference, "Resolver versions"):
   * {@code workspace.resolver}, else {@code package.resolver}, else the one the package's edition
   * implies: "3" for 2024, "2" for 2021, "1" before. A virtual manifest only has the first, and
   * without it cargo would resolve features with "1", not as the real build does.
   */
  private static String rootPackageResolver(TomlTable document, String edition) {
    Optional<String> written =
        document.getTable("workspace").flatMap(w -> w.getString("resolver"))
            .or(() -> document.getTable("package").flatMap(p -> p.getString("resolver")));
    return written.orElseGet(
        () ->
            switch (edition) {
              case "2015", "2018" -> "1";
              case "2021" -> "2";
              default -> "3";
            });
  }

  private static TomlTable restrictLockfile(TomlTable document, Set<String> keptNames) {
    Lockfile lockfile = Lockfile.of(document, "Cargo.lock");
    List<LockedPackage> packages = lockfile.packages();
    Set<LockedPackage> reachable = new HashSet<>();
    Deque<LockedPackage> toVisit = new ArrayDeque<>();
    packages.stream()
        .filter(p -> p.source().isEmpty() && keptNames.contains(p.name()))
        .forEach(toVisit::add);
    while (!toVisit.isEmpty()) {
      LockedPackage pkg = toVisit.pop();
      if (reachable.add(pkg)) {
        for (LockedDependency dependency : pkg.dependencies()) {
          packages.stream().filter(dependency::matches).forEach(toVisit::add);
        }
      }
    }
    ImmutableList<Object> tables = document.getArray("package").orElse(ImmutableList.of());
    ImmutableList.Builder<Object> keptTables = ImmutableList.builder();
    Set<String> keptChecksums = new HashSet<>();
    int offset = document.containsKey("root") ? 1 : 0;
    for (int i = 0; i < tables.size(); i++) {
      LockedPackage pkg = packages.get(i + offset);
      if (reachable.contains(pkg)) {
        keptTables.add(tables.get(i));
        keptChecksums.add(pkg.metadataChecksumKey());
      }
    }
    TomlTable result = tables.isEmpty() ? document : document.with("package", keptTables.build());
    Optional<TomlTable> metadata = document.getTable("metadata");
    if (metadata.isPresent()) {
      result =
          result.with(
              "metadata",
              metadata.get().mapValues(
                  (key, value) ->
                      !key.startsWith("checksum ") || keptChecksums.contains(key) ? value : null));
    }
    return result;
  }
}
