package dev.jchef.recipe;

import com.google.common.collect.ImmutableList;
import dev.jchef.model.LockedPackage;
import dev.jchef.model.Lockfile;
import dev.jchef.model.TomlTable;
import dev.jchef.model.internal.RelativePaths;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Leaves out the workspace's own packages (members or path dependencies) that a registry or git
 * package compiles against: a {@code [patch]} or {@code [replace]} path entry makes such a package
 * stand in for a crate of the registry, so a dummy of it would break the dependency build. Like
 * the {@code [patch]} path crates that are not members, they are dependency sources: cook leaves
 * their directory alone, and the user copies them in before cook. Found from the lockfile: the
 * local packages (no {@code source}) that a package with a {@code source} depends on; without a
 * lockfile, the local packages a {@code [patch]} or {@code [replace]} path of the root manifest
 * points at. The root package stays: its manifest holds the workspace.
 * (<a href="https://doc.rust-lang.org/cargo/reference/overriding-dependencies.html">Overriding
 * dependencies</a>.)
 */
final class LeaveOutDependencySources implements PlanStep {

  @Override
  public Plan apply(Plan plan) {
    Set<String> leftOut = new HashSet<>();
    if (plan.lockfile().isPresent()) {
      Set<String> names = localNamesOthersDependOn(plan.lockfile().get());
      plan.manifests().stream()
          .filter(m -> !m.isRoot() && m.packageName().map(names::contains).orElse(false))
          .forEach(m -> leftOut.add(m.directory()));
    } else {
      leftOut.addAll(substitutingPaths(plan.root().document()));
    }
    if (leftOut.isEmpty()) {
      return plan;
    }
    return new Plan(
        plan.manifests().stream()
            .filter(m -> m.isRoot() || !leftOut.contains(m.directory()))
            .collect(ImmutableList.toImmutableList()),
        plan.lockfile());
  }

  private static Set<String> localNamesOthersDependOn(TomlTable lockfile) {
    List<LockedPackage> packages = Lockfile.of(lockfile, "Cargo.lock").packages();
    Set<String> names = new HashSet<>();
    packages.stream()
        .filter(p -> p.source().isPresent())
        .flatMap(p -> p.dependencies().stream())
        .forEach(
            dependency ->
                packages.stream()
                    .filter(dependency::matches)
                    .filter(target -> target.source().isEmpty())
                    .forEach(target -> names.add(target.name())));
    return names;
  }

  /** The directories the root manifest's {@code [patch.*]} and {@code [replace]} paths name. */
  private static Set<String> substitutingPaths(TomlTable root) {
    Set<String> paths = new HashSet<>();
    root.getTable("patch")
        .ifPresent(patch -> patch.asMap().values().forEach(registry -> pathsOf(registry, paths)));
    root.getTable("replace").ifPresent(replace -> pathsOf(replace, paths));
    return paths;
  }

  private static void pathsOf(Object entries, Set<String> into) {
    if (entries instanceof TomlTable table) {
      table.asMap().values().stream()
          .map(entry -> entry instanceof TomlTable t ? t.getString("path") : Optional.<String>empty())
          .flatMap(Optional::stream)
          .map(RelativePaths::normalize)
          .forEach(into::add);
    }
  }
}
