package dev.jchef.recipe.plan;

import com.google.common.collect.ImmutableList;
import dev.jchef.model.internal.JchefFiles;
import dev.jchef.model.internal.RelativePaths;
import dev.jchef.model.workspace.TomlTable;
import dev.jchef.recipe.RecipeException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Moves path dependencies and members that lie outside the workspace root ({@code path =
 * "../shared"}, {@code members = ["../tool"]}) to {@code .jchef/outside/<package>} inside it, and
 * points every {@code path} that led to them, the {@code workspace.members} entry and a moved
 * member's {@code package.workspace} at the new place.
 *
 * <p>Why: cargo-chef leaves such packages out, and cook then fails with "failed to read
 * .../Cargo.toml". A skeleton can only be written inside its root (the writer refuses {@code ..}),
 * and the dependency build only needs the packages' manifests and dummy targets, wherever they
 * are: the registry crates they depend on compile the same. The new directory is added to
 * {@code workspace.exclude}, so that the moved packages do not become members.
 */
final class RelocateOutsidePackages implements PlanStep {
  static final String DIRECTORY = JchefFiles.OUTSIDE_PACKAGES;
  private static final String EXCLUDED = JchefFiles.DIRECTORY;

  private final Path root;

  /** @param root the workspace root, against which absolute {@code members} entries are read */
  RelocateOutsidePackages(Path root) {
    this.root = root;
  }

  @Override
  public Plan apply(Plan plan) {
    Map<String, String> moves = new LinkedHashMap<>();
    for (PlannedManifest manifest : plan.manifests()) {
      if (!manifest.directory().startsWith("..")) {
        continue;
      }
      if (manifest.role() == PlannedManifest.Role.MEMBER) {
        checkListedByPath(plan.root(), manifest, root);
      } else {
        checkNothingInherited(manifest);
      }
      moves.put(manifest.directory(), DIRECTORY + "/" + manifest.packageName().orElseThrow());
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
        document = excludeNewDirectory(document, moves, root);
      } else if (!oldDirectory.equals(newDirectory)) {
        document = repointWorkspace(document, newDirectory);
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

  /**
   * The root manifest with the new directory excluded, and each {@code workspace.members} entry
   * that named a moved member naming its new directory (a member written out by path is a member
   * even under an excluded directory).
   */
  private static TomlTable excludeNewDirectory(TomlTable root, Map<String, String> moves, Path rootDirectory) {
    TomlTable workspace = root.getTable("workspace").orElse(null);
    if (workspace == null) {
      return root; // without [workspace], path dependencies never become members
    }
    ImmutableList<Object> exclude = workspace.getArray("exclude").orElse(ImmutableList.of());
    if (!exclude.contains(EXCLUDED)) {
      workspace = workspace.with("exclude", ImmutableList.builder().addAll(exclude).add(EXCLUDED).build());
    }
    Optional<ImmutableList<Object>> members = workspace.getArray("members");
    if (members.isPresent()) {
      workspace =
          workspace.with(
              "members",
              members.get().stream()
                  .map(m -> m instanceof String entry ? moves.getOrDefault(memberDirectory(entry, rootDirectory), entry) : m)
                  .collect(ImmutableList.toImmutableList()));
    }
    return root.with("workspace", workspace);
  }

  /** A {@code workspace.members} entry as a directory relative to the root; absolute ones too. */
  private static String memberDirectory(String entry, Path root) {
    boolean absolute = entry.startsWith("/") || entry.matches("^[A-Za-z]:[/\\\\].*");
    return absolute
        ? RelativePaths.relativize(root, root.getFileSystem().getPath(entry).normalize())
        : RelativePaths.normalize(entry);
  }

  /** A moved member's {@code package.workspace}, when it names the root, leads there from its new place. */
  private static TomlTable repointWorkspace(TomlTable document, String newDirectory) {
    Optional<TomlTable> pkg = document.getTable("package");
    if (pkg.isEmpty() || pkg.get().getString("workspace").isEmpty()) {
      return document;
    }
    return document.with("package", pkg.get().with("workspace", RelativePaths.relative(newDirectory, "")));
  }

  /**
   * A member outside the root moves with the others when {@code workspace.members} names it by
   * path, the entry that moves with it; one a glob finds ({@code ../*}) would match other
   * directories around the skeleton.
   */
  private static void checkListedByPath(PlannedManifest root, PlannedManifest member, Path rootDirectory) {
    boolean listed =
        root.document().getTable("workspace").flatMap(w -> w.getArray("members")).orElse(ImmutableList.of()).stream()
            .anyMatch(m -> m instanceof String entry && memberDirectory(entry, rootDirectory).equals(member.directory()));
    if (!listed) {
      throw new RecipeException(
          "member `" + member.directory() + "` lies outside the workspace root and a glob finds it;"
              + " list it in workspace.members by its path, or move it below the root");
    }
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
