package dev.jchef.recipe.plan;

import com.google.common.collect.ImmutableSet;
import dev.jchef.model.TargetKind;
import dev.jchef.model.workspace.Member;
import dev.jchef.model.workspace.Workspace;
import dev.jchef.recipe.RecipeException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The packages {@code prepare --bin NAME...} keeps: for each NAME the member package of that name
 * or else the member with a binary target of that name, and everything those reach through path
 * dependencies of any kind (normal, dev, build, platform-specific), members or not. Several names
 * keep the union.
 */
final class BinClosure {
  private BinClosure() {}

  /** The directories of the kept packages, relative to the workspace root ({@code ""} for it). */
  static ImmutableSet<String> of(Workspace workspace, Collection<String> names) {
    Map<String, Member> byDirectory = new HashMap<>();
    workspace.members().forEach(m -> byDirectory.put(m.directory(), m));
    workspace.nonMemberPathDependencies().forEach(m -> byDirectory.put(m.directory(), m));

    Deque<String> toVisit = new ArrayDeque<>();
    for (String name : names) {
      toVisit.add(select(workspace, name).directory());
    }
    Set<String> kept = new LinkedHashSet<>();
    while (!toVisit.isEmpty()) {
      String directory = toVisit.pop();
      Member pkg = byDirectory.get(directory);
      if (pkg != null && kept.add(directory)) {
        toVisit.addAll(pkg.pathDependencies());
      }
    }
    return kept.stream().map(PlannedManifest::directoryOf).collect(ImmutableSet.toImmutableSet());
  }

  private static Member select(Workspace workspace, String name) {
    Optional<Member> byPackage = workspace.member(name);
    if (byPackage.isPresent()) {
      return byPackage.get();
    }
    return workspace.members().stream()
        .filter(
            m ->
                m.targets().stream()
                    .anyMatch(t -> t.kind() == TargetKind.BIN && t.name().equals(name)))
        .findFirst()
        .orElseThrow(() -> noSuchName(workspace, name));
  }

  private static RecipeException noSuchName(Workspace workspace, String name) {
    Set<String> packages = new TreeSet<>();
    Set<String> binaries = new TreeSet<>();
    for (Member member : workspace.members()) {
      packages.add(member.name());
      member.targets().stream()
          .filter(t -> t.kind() == TargetKind.BIN)
          .forEach(t -> binaries.add(t.name()));
    }
    return new RecipeException(
        "no member package or binary target named `" + name + "`; packages: "
            + String.join(", ", packages) + "; binaries: "
            + (binaries.isEmpty() ? "(none)" : String.join(", ", binaries)));
  }
}
