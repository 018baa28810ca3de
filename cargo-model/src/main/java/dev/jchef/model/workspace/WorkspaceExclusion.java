package dev.jchef.model.workspace;

import dev.jchef.model.internal.RelativePaths;
import java.nio.file.Path;
import java.util.List;

/**
 * Cargo's {@code WorkspaceRootConfig::is_excluded} (cargo {@code core/workspace.rs}; the Cargo
 * reference, "The workspace section", {@code exclude}): a manifest is excluded from a workspace
 * when its path lies under an {@code exclude} entry and not under a {@code members} entry. Both
 * are joined to the root as written ({@link RelativePaths#joinLiterally}), so an entry with
 * {@code ..} matches nothing; a glob in {@code members} never counts as written out.
 */
final class WorkspaceExclusion {
  private WorkspaceExclusion() {}

  /**
   * Whether the workspace at {@code root} excludes {@code manifestPath}.
   *
   * @param root the workspace root directory
   * @param exclude {@code workspace.exclude} as written
   * @param members {@code workspace.members} as written
   * @param manifestPath a normalised, absolute {@code Cargo.toml} path
   */
  static boolean isExcluded(Path root, List<String> exclude, List<String> members, Path manifestPath) {
    List<String> writtenOut = members.stream().filter(m -> !MemberGlob.isPattern(m)).toList();
    return underAny(root, exclude, manifestPath) && !underAny(root, writtenOut, manifestPath);
  }

  private static boolean underAny(Path root, List<String> entries, Path manifestPath) {
    return entries.stream().anyMatch(e -> manifestPath.startsWith(RelativePaths.joinLiterally(root, e)));
  }
}
