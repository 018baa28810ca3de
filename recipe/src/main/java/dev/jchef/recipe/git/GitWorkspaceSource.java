package dev.jchef.recipe.git;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.jchef.model.CargoFileException;
import dev.jchef.model.workspace.Workspace;
import dev.jchef.recipe.Recipe;
import dev.jchef.recipe.plan.Planner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A workspace as it was at a git commit, without a checkout: the files prepare needs (every
 * {@code Cargo.toml}, the lockfile, the Cargo configuration and the toolchain file) copied from
 * the commit's tree into an in-memory file system, with every {@code .rs} file present by name
 * only (empty), every directory that holds files, and symbolic links as links. Preparing that
 * copy gives the same recipe as preparing a checkout of the commit.
 */
public final class GitWorkspaceSource {
  /**
   * The files read whole besides manifests, by name: the workspace root's lockfile, Cargo
   * configuration and toolchain file. The root is not known until the tree is copied (the
   * workspace may lie in a subdirectory of the repository, found from where prepare starts), so
   * every directory's are.
   */
  private static final Set<String> WHOLE_FILES =
      Set.of("Cargo.toml", "Cargo.lock", "rust-toolchain", "rust-toolchain.toml", ".cargo/config", ".cargo/config.toml");

  private GitWorkspaceSource() {}

  /** The workspace root of {@code commit}'s tree, in a new in-memory file system. */
  static Path materialize(Repository repository, RevCommit commit) {
    FileSystem fileSystem = Jimfs.newFileSystem(Configuration.unix());
    Path root = fileSystem.getPath("/workspace");
    try (ObjectReader reader = repository.newObjectReader();
        TreeWalk walk = new TreeWalk(repository, reader)) {
      Files.createDirectories(root);
      walk.addTree(commit.getTree());
      walk.setRecursive(true);
      while (walk.next()) {
        copy(walk, reader, root.resolve(walk.getPathString()));
      }
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read commit " + commit.name(), e);
    }
  }

  /**
   * The recipe of {@code commit}: the same bytes as preparing a checkout of it.
   *
   * @param workspacePath where in the repository to start looking for the workspace, as cargo
   *     would from a directory there ({@code ""} for the repository's root)
   */
  public static Recipe prepare(
      Repository repository, RevCommit commit, String workspacePath, Collection<String> bins) {
    return Planner.plan(find(repository, commit, workspacePath), bins);
  }

  /** Returns the workspace of {@code revision}, read from an in-memory copy of its commit's tree. */
  public static Workspace find(GitRevision revision) {
    try (Repository repository = GitRepositories.open(revision.gitDirectory())) {
      return find(repository, GitRepositories.commit(repository, revision.revision()), revision.workspacePath());
    }
  }

  /**
   * The workspace of {@code commit}, found as cargo would from {@code workspacePath} in a checkout
   * of it ({@link Workspace#find}), read from an in-memory copy ({@link #materialize}).
   *
   * @param workspacePath where in the repository to start looking ({@code ""} for its root)
   * @throws CargoFileException as {@link Workspace#find}, naming the file relative to the
   *     repository's root
   */
  static Workspace find(Repository repository, RevCommit commit, String workspacePath) {
    Path root = materialize(repository, commit);
    Path start = workspacePath.isEmpty() ? root : root.resolve(workspacePath);
    try {
      return Workspace.find(start);
    } catch (CargoFileException e) {
      throw e.namedFrom(start, root);
    }
  }

  private static void copy(TreeWalk walk, ObjectReader reader, Path target) throws IOException {
    FileMode mode = walk.getFileMode(0);
    String path = walk.getPathString();
    Files.createDirectories(target.getParent());
    if (mode == FileMode.GITLINK) {
      Files.createDirectories(target); // a submodule: a directory in any checkout
    } else if (mode == FileMode.SYMLINK) {
      String linkTarget = new String(read(reader, walk.getObjectId(0)), StandardCharsets.UTF_8);
      Files.createSymbolicLink(target, target.getFileSystem().getPath(linkTarget));
    } else if (readWhole(path)) {
      Files.write(target, read(reader, walk.getObjectId(0)));
    } else if (path.endsWith(".rs")) {
      Files.createFile(target); // only the name decides targets
    }
  }

  private static boolean readWhole(String path) {
    String[] parts = path.split("/");
    String name = parts[parts.length - 1];
    String inDirectory = parts.length > 1 ? parts[parts.length - 2] + "/" + name : name;
    return WHOLE_FILES.contains(name) || WHOLE_FILES.contains(inDirectory);
  }

  private static byte[] read(ObjectReader reader, ObjectId blob) throws IOException {
    return reader.open(blob).getBytes();
  }
}
