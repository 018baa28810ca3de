package dev.jchef.model.workspace;

import com.google.common.collect.ImmutableList;
import dev.jchef.model.CargoFileException;
import dev.jchef.model.internal.RelativePaths;
import dev.jchef.model.internal.TomlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds the workspace a directory belongs to, as cargo does for a command started there
 * (<a href="https://doc.rust-lang.org/cargo/reference/workspaces.html#root-package">Root
 * package</a>, and cargo's {@code find_root}): the package is the nearest {@code Cargo.toml} in
 * the directory or above it; its root is itself when it has a {@code [workspace]}, the directory
 * {@code package.workspace} names when set, and otherwise the nearest ancestor whose {@code
 * [workspace]} does not exclude it (or whose package points to a root), else the package alone.
 */
final class WorkspaceRoot {
  private WorkspaceRoot() {}

  /**
   * The root directory of the workspace {@code directory} lies in.
   *
   * @throws CargoFileException when there is no {@code Cargo.toml} in {@code directory} or above
   *     it, or a manifest on the way cannot be read
   */
  static Path of(Path directory) {
    Path start = directory.toAbsolutePath().normalize();
    Path packageDirectory = start;
    while (!Files.isRegularFile(packageDirectory.resolve(Workspace.MANIFEST))) {
      packageDirectory = packageDirectory.getParent();
      if (packageDirectory == null) {
        throw CargoFileException.inFile(
            Workspace.MANIFEST,
            "not found in " + start + " or any parent directory: not inside a Cargo workspace",
            null);
      }
    }
    Path manifestPath = packageDirectory.resolve(Workspace.MANIFEST);
    TomlTable own = TomlReader.read(manifestPath, manifestPath.toString());
    if (own.containsKey("workspace")) {
      return packageDirectory;
    }
    Optional<Path> pointer = pointer(own, packageDirectory);
    if (pointer.isPresent()) {
      return pointer.get();
    }
    for (Path ancestor = packageDirectory.getParent(); ancestor != null; ancestor = ancestor.getParent()) {
      Path candidate = ancestor.resolve(Workspace.MANIFEST);
      if (isPackagingDirectory(ancestor) || !Files.isRegularFile(candidate)) {
        continue;
      }
      TomlTable manifest = TomlReader.read(candidate, candidate.toString());
      Optional<TomlTable> workspace = manifest.getTable("workspace");
      if (workspace.isPresent()) {
        if (!isExcluded(workspace.get(), ancestor, manifestPath)) {
          return ancestor;
        }
        continue;
      }
      Optional<Path> ancestorPointer = pointer(manifest, ancestor);
      if (ancestorPointer.isPresent()) {
        return ancestorPointer.get();
      }
    }
    return packageDirectory;
  }

  /** {@code target/package}, where {@code cargo package} unpacks: cargo does not look above it. */
  private static boolean isPackagingDirectory(Path directory) {
    Path parent = directory.getParent();
    return directory.getFileName() != null && directory.getFileName().toString().equals("package")
        && parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("target");
  }

  /**
   * The root {@code package.workspace} names, relative to the manifest's directory.
   *
   * @throws CargoFileException naming the manifest when that directory has no {@code Cargo.toml}
   */
  private static Optional<Path> pointer(TomlTable manifest, Path directory) {
    Optional<String> written = manifest.getTable("package").flatMap(p -> p.getString("workspace"));
    if (written.isEmpty()) {
      return Optional.empty();
    }
    Path root = RelativePaths.resolve(directory, written.get());
    if (!Files.isRegularFile(root.resolve(Workspace.MANIFEST))) {
      throw CargoFileException.atField(
          directory.resolve(Workspace.MANIFEST).toString(), "package.workspace",
          "`" + written.get() + "` has no Cargo.toml (" + root + ")");
    }
    return Optional.of(root);
  }

  private static boolean isExcluded(TomlTable workspace, Path root, Path manifestPath) {
    return WorkspaceExclusion.isExcluded(
        root, strings(workspace, "exclude"), strings(workspace, "members"), manifestPath);
  }

  private static List<String> strings(TomlTable table, String key) {
    return table.getArray(key).orElse(ImmutableList.of()).stream()
        .filter(String.class::isInstance)
        .map(String.class::cast)
        .toList();
  }
}
