package dev.jchef.recipe.plan;

import com.google.common.collect.ImmutableList;
import dev.jchef.model.workspace.Member;
import dev.jchef.model.workspace.Target;
import dev.jchef.model.workspace.TomlTable;
import java.util.Optional;

/**
 * A manifest on its way into a recipe: its directory relative to the workspace root, its TOML
 * document as the normalisation steps have left it so far, and its package's targets.
 */
record PlannedManifest(
    String directory, TomlTable document, ImmutableList<Target> targets, Role role) {

  /** What the manifest is to the workspace. */
  enum Role {
    /** The root manifest without a package: holds {@code [workspace]} only. */
    VIRTUAL_ROOT,
    /** A workspace member (the root package too). */
    MEMBER,
    /** A package members depend on by path that is not a member itself. */
    PATH_DEPENDENCY
  }

  static final String MANIFEST = "Cargo.toml";

  /** A member's directory as a planned manifest holds it: {@code ""} for the root. */
  static String directoryOf(Member member) {
    return directoryOf(member.directory());
  }

  /** A {@link Member#directory()} as a planned manifest holds it: {@code ""} for the root. */
  static String directoryOf(String memberDirectory) {
    return memberDirectory.equals(Member.ROOT) ? "" : memberDirectory;
  }

  String relativePath() {
    return directory.isEmpty() ? MANIFEST : directory + "/" + MANIFEST;
  }

  boolean isRoot() {
    return directory.isEmpty();
  }

  /** The package name, for manifests with a {@code [package]}. */
  Optional<String> packageName() {
    return document.getTable("package").flatMap(p -> p.getString("name"));
  }

  PlannedManifest withDocument(TomlTable newDocument) {
    return new PlannedManifest(directory, newDocument, targets, role);
  }
}
