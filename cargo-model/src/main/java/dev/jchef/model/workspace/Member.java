package dev.jchef.model.workspace;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;

/**
 * A package read from a workspace: a member, or a path dependency that is not one (see {@link
 * Workspace#nonMemberPathDependencies()}).
 *
 * @param directory the package directory relative to the workspace root, {@code /}-separated:
 *     {@code crates/a}; {@code .} for the root package; starting with {@code ..} for a package
 *     outside the root
 * @param edition the effective edition, after inheritance from {@code [workspace.package]}
 * @param targets every target, in {@link Target#RECIPE_ORDER}
 * @param pathDependencies the directories (relative to the workspace root as {@code directory}
 *     is, sorted) of the packages this one depends on by path, in any dependency table
 * @param buildPathDependencies those of {@code pathDependencies} named in {@code [dependencies]}
 *     or {@code [build-dependencies]} (any platform): what the package's library, binaries and
 *     build script are built from. Unlike dev-dependencies, which may point back at the package
 *     (Cargo reference, "Development dependencies"), these never form a cycle.
 */
public record Member(
    String directory,
    Manifest manifest,
    String edition,
    ImmutableList<Target> targets,
    ImmutableList<String> pathDependencies,
    ImmutableList<String> buildPathDependencies) {

  public Member {
    checkNotNull(directory);
    checkNotNull(manifest);
    checkNotNull(edition);
    checkNotNull(targets);
    checkNotNull(pathDependencies);
    checkNotNull(buildPathDependencies);
  }

  /** The {@link #directory()} of the root package. */
  public static final String ROOT = ".";

  /** {@code relative} as {@link #directory()} gives it: {@link #ROOT} for the root itself. */
  static String directoryName(String relative) {
    return relative.isEmpty() ? ROOT : relative;
  }

  /** The package name. */
  public String name() {
    return manifest.packageSection().orElseThrow().name();
  }

  /** The manifest's path relative to the workspace root, such as {@code crates/a/Cargo.toml}. */
  public String manifestPath() {
    return directory.equals(ROOT) ? Workspace.MANIFEST : directory + "/" + Workspace.MANIFEST;
  }
}
