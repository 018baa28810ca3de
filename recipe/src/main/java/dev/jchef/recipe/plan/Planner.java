package dev.jchef.recipe.plan;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.jchef.model.internal.TomlWriter;
import dev.jchef.model.workspace.Member;
import dev.jchef.model.workspace.Workspace;
import dev.jchef.recipe.Recipe;
import dev.jchef.recipe.RecipeException;
import dev.jchef.recipe.RecipeManifest;
import dev.jchef.recipe.RecipeTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * {@code prepare}: plans the {@link Recipe} of a workspace, in pure Java (no Cargo needed).
 *
 * <p>The manifests of the members (and of the root, when it is virtual, and of the path
 * dependencies that are not members) are normalised by a fixed list of small steps, each
 * documented with why it exists:
 *
 * <ol>
 *   <li>{@link RestrictToClosure} — only with {@code --bin}: keep what those binaries need;
 *   <li>{@link RelocateOutsidePackages} — path dependencies outside the root move inside it;
 *   <li>{@link MakeTargetsExplicit} — discovered targets written into the manifests;
 *   <li>{@link DropRequiredFeatures} — so that no dummy target is skipped;
 *   <li>{@link DropUndeclaredTestTargets} — a new {@code tests/*.rs} needs no new dependencies;
 *   <li>{@link RemoveLints} — lints would fail the build of dummy sources;
 *   <li>{@link DropCacheIrrelevantMetadata} — description, authors and the like;
 *   <li>{@link DropRustVersion} — with a lockfile, it changes no dependency's build;
 *   <li>{@link MaskLocalVersions} — the workspace's own versions, in manifests and lockfile;
 *   <li>{@link SortTableKeys} — key order, like comments and spacing, is not a change.
 * </ol>
 *
 * The result is the same bytes for the same dependency build inputs, whatever the order in which
 * files were written or listed.
 */
public final class Planner {
  private Planner() {}

  /**
   * The recipe of the workspace {@code directory} belongs to (its root, a member, or a directory
   * inside one: found as cargo finds it, {@link Workspace#find}), with every member.
   *
   * @throws dev.jchef.model.CargoFileException when the workspace cannot be read
   * @throws RecipeException when a package cannot be placed in a skeleton
   */
  public static Recipe prepare(Path directory) {
    return plan(Workspace.find(directory), List.of());
  }

  /**
   * The recipe of a workspace, cut down to what the named binaries need when {@code bins} is not
   * empty (each a member package name or a member's binary target name; several give the union).
   *
   * @throws RecipeException when a name matches nothing (the message lists what exists), or a
   *     package cannot be placed in a skeleton
   */
  public static Recipe plan(Workspace workspace, Collection<String> bins) {
    checkNotNull(workspace);
    List<PlanStep> steps = new ArrayList<>();
    if (!bins.isEmpty()) {
      String rootEdition =
          workspace.members().stream()
              .filter(member -> member.directory().equals(Member.ROOT))
              .findFirst()
              .map(Member::edition)
              .orElse("");
      steps.add(new RestrictToClosure(BinClosure.of(workspace, bins), rootEdition));
    }
    steps.add(new RelocateOutsidePackages(workspace.root()));
    steps.add(new MakeTargetsExplicit());
    steps.add(new DropRequiredFeatures());
    steps.add(new DropUndeclaredTestTargets());
    steps.add(new RemoveLints());
    steps.add(new DropCacheIrrelevantMetadata());
    steps.add(new DropRustVersion());
    steps.add(new MaskLocalVersions());
    steps.add(new SortTableKeys());

    Plan plan = initialPlan(workspace);
    for (PlanStep step : steps) {
      plan = step.apply(plan);
    }
    return new Recipe(
        plan.manifests().stream()
            .map(Planner::toRecipeManifest)
            .sorted((a, b) -> a.relativePath().compareTo(b.relativePath()))
            .collect(ImmutableList.toImmutableList()),
        workspace.config().map(config -> config.text()),
        plan.lockfile().map(TomlWriter::write),
        workspace.toolchainFile());
  }

  private static Plan initialPlan(Workspace workspace) {
    ImmutableList.Builder<PlannedManifest> manifests = ImmutableList.builder();
    if (workspace.rootManifest().isVirtual()) {
      manifests.add(
          new PlannedManifest(
              "",
              workspace.rootManifest().document(),
              ImmutableList.of(),
              PlannedManifest.Role.VIRTUAL_ROOT));
    }
    for (Member member : workspace.members()) {
      manifests.add(planned(member, PlannedManifest.Role.MEMBER));
    }
    for (Member pathDependency : workspace.nonMemberPathDependencies()) {
      manifests.add(planned(pathDependency, PlannedManifest.Role.PATH_DEPENDENCY));
    }
    return new Plan(manifests.build(), workspace.lockfile().map(lockfile -> lockfile.document()));
  }

  private static PlannedManifest planned(Member member, PlannedManifest.Role role) {
    return new PlannedManifest(
        PlannedManifest.directoryOf(member), member.manifest().document(), member.targets(), role);
  }

  private static RecipeManifest toRecipeManifest(PlannedManifest manifest) {
    return new RecipeManifest(
        manifest.relativePath(),
        TomlWriter.write(manifest.document()),
        manifest.targets().stream()
            .map(target -> new RecipeTarget(target.path(), target.kind(), target.isProcMacro(), target.name()))
            .sorted(RecipeTarget.ORDER)
            .collect(ImmutableList.toImmutableList()));
  }

}
