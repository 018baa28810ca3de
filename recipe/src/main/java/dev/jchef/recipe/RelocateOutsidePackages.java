package dev.jchef.recipe;

import com.google.common.collect.ImmutableList;
import dev.jchef.model.TomlTable;
import dev.jchef.model.internal.RelativePaths;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Moves path dependencies that lie outside the workspace root ({@code path = "../shared"}) to
 * {@code .jchef/outside/<package>} inside it, and points every {@code path} that led to them at
 * the new place.
 *
 * <p>Why: cargo-chef leaves such packages out, and cook then fails with "failed to read
 * .../Cargo.toml". A skeleton can only be written inside its root (the writer refuses {@code ..}),
 * and the dependency build only needs the packages' manifests and dummy targets, wherever they
 * are: the registry crates they depend on compile the same. The new directory is added to
 * {@code workspace.exclude}, so that the moved packages do not become members.
 */
final class RelocateOutsidePackages implements PlanStep {
  static final String DIRECTORY = ".jchef/outside";
  private static final String EXCLUDED = ".jchef";

  @Override
  public Plan apply(Plan plan) {
    Map<String, String> moves = new LinkedHashMap<>();
    for (PlannedManifest manifest : plan.manifests()) {
      if (!manifest.directory().startsWith("..")) {
        continue;
      }
      if (manifest.role() == PlannedManifest.Role.MEMBER) {
        throw new RecipeException(
            "member `" + manifest.directory() + "` lies outside the workspace root;"
                + " a skeleton cannot hold it: move it below the root");
      }
      String name = manifest.packageName().orElseThrow();
      checkNothingInherited(manifest);
      moves.put(manifest.directory(), DIRECTORY + "/" + name);
    }
    if (moves.isEmpty()) {
      return plan;
    }
    ImmutableList.Builder<PlannedManifest> manifests = ImmutableList.builder();
    for (PlannedManifest manifest : plan.manifests()) {
      String oldDirectory = manifest.directory();
      String newDirectory = moves.getOrDefault(oldDirectory, oldDirectory);
      TomlTable document =
          DependencyTables.map(
              manifest.document(),
              (key, value, inWorkspaceTable) ->
                  repoint(
                      value,
                      inWorkspaceTable ? "" : oldDirectory,
                      inWorkspaceTable ? "" : newDirectory,
                      moves));
      if (manifest.isRoot()) {
        document = excludeNewDirectory(document);
      }
      manifests.add(
          new PlannedManifest(newDirectory, document, manifest.targets(), manifest.role()));
    }
    return new Plan(manifests.build(), plan.lockfile());
  }

  private static Object repoint(
      Object entry, String oldBase, String newBase, Map<String, String> moves) {
    if (!(entry instanceof TomlTable table) || table.getString("path").isEmpty()) {
      return entry;
    }
    String target = RelativePaths.join(oldBase, table.getString("path").orElseThrow());
    String newTarget = moves.getOrDefault(target, target);
    if (target.equals(newTarget) && oldBase.equals(newBase)) {
      return entry;
    }
    return table.with("path", RelativePaths.relative(newBase, newTarget));
  }

  private static TomlTable excludeNewDirectory(TomlTable root) {
    TomlTable workspace = root.getTable("workspace").orElse(null);
    if (workspace == null) {
      return root; // without [workspace], path dependencies never become members
    }
    ImmutableList<Object> exclude = workspace.getArray("exclude").orElse(ImmutableList.of());
    if (exclude.contains(EXCLUDED)) {
      return root;
    }
    return root.with(
        "workspace",
        workspace.with(
            "exclude", ImmutableList.builder().addAll(exclude).add(EXCLUDED).build()));
  }

  /**
   * A moved package can no longer find the workspace it inherits from; rather than write a
   * skeleton that cargo rejects, say so.
   */
  private static void checkNothingInherited(PlannedManifest manifest) {
    TomlTable pkg = manifest.document().getTable("package").orElse(TomlTable.empty());
    boolean inherits =
        pkg.asMap().values().stream().anyMatch(RelocateOutsidePackages::isInherited);
    DependencyTables.map(
        manifest.document(),
        (key, value, inWorkspaceTable) -> {
          if (isInherited(value)) {
            throw inheritanceError(manifest, "dependency `" + key + "`");
          }
          return value;
        });
    if (inherits) {
      throw inheritanceError(manifest, "package fields");
    }
  }

  private static boolean isInherited(Object value) {
    return value instanceof TomlTable table && table.getBoolean("workspace").orElse(false);
  }

  private static RecipeException inheritanceError(PlannedManifest manifest, String what) {
    return new RecipeException(
        manifest.relativePath() + ": this path dependency outside the workspace root inherits "
            + what + " from its own workspace (`workspace = true`), which a skeleton cannot"
            + " carry; write the values out in that manifest, or move the package below the root");
  }
}
