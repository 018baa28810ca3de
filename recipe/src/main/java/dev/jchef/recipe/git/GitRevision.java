package dev.jchef.recipe.git;

import static java.util.Objects.requireNonNull;

import dev.jchef.recipe.Recipe;
import dev.jchef.recipe.RecipeException;
import dev.jchef.recipe.plan.Planner;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.eclipse.jgit.lib.Repository;

/**
 * A commit of a git repository and where the workspace lies in its tree: what jchef reads from git
 * without a checkout ({@code prepare --git-rev}, {@code history}, {@code layers}). Each operation
 * opens the repository and closes it again; git's own types stay inside jchef.
 */
public final class GitRevision {
  private final Path gitDirectory;
  private final String revision;
  private final String workspacePath;

  private GitRevision(Path gitDirectory, String revision, String workspacePath) {
    this.gitDirectory = requireNonNull(gitDirectory);
    this.revision = requireNonNull(revision);
    this.workspacePath = requireNonNull(workspacePath);
  }

  /**
   * Returns the revision {@code revision} (a hash, branch, tag, {@code HEAD~3}) of the repository
   * at or above {@code directory}, the workspace where {@code directory} is in its work tree (its
   * root for a bare repository).
   *
   * @throws RecipeException when there is no repository there, or no such revision
   */
  public static GitRevision of(Path directory, String revision) {
    try (Repository repository = GitRepositories.open(directory)) {
      return checked(repository, revision, workspacePathOf(repository, directory));
    }
  }

  /**
   * Returns the revision {@code revision} of the repository {@code repository} (a work tree or a
   * bare repository), the workspace at {@code workspacePath} in its tree ({@code ""}: the root).
   *
   * @throws RecipeException when there is no repository there, or no such revision
   */
  public static GitRevision in(Path repository, String revision, String workspacePath) {
    try (Repository open = GitRepositories.open(repository)) {
      return checked(open, revision, workspacePath);
    }
  }

  private static GitRevision checked(Repository repository, String revision, String workspacePath) {
    GitRepositories.commit(repository, revision);
    return new GitRevision(repository.getDirectory().toPath(), revision, workspacePath);
  }

  /** Returns the revision as given: {@code HEAD}, a branch, a hash. */
  public String revision() {
    return revision;
  }

  /** Returns where the workspace is in the repository's tree, {@code /}-separated ({@code ""}: its root). */
  public String workspacePath() {
    return workspacePath;
  }

  /** Returns the commit's hash: 40 hex digits. */
  public String commit() {
    try (Repository repository = open()) {
      return GitRepositories.commit(repository, revision).getName();
    }
  }

  /**
   * Returns the recipe of the workspace in this commit, keeping only what the binaries {@code
   * bins} need (all members when empty): the same bytes as preparing a checkout of it.
   */
  public Recipe prepare(Collection<String> bins) {
    return Planner.plan(GitWorkspaceSource.find(this), bins);
  }

  /** Returns the repository's git directory (its {@code .git}, or the bare repository itself). */
  public Path gitDirectory() {
    return gitDirectory;
  }

  private Repository open() {
    return GitRepositories.open(gitDirectory);
  }

  /** The workspace root inside the repository: where {@code directory} is in its work tree, or the root. */
  private static String workspacePathOf(Repository repository, Path directory) {
    if (repository.isBare()) {
      return "";
    }
    File workTree = repository.getWorkTree();
    Path root = workTree.toPath().toAbsolutePath().normalize();
    Path place = directory.toAbsolutePath().normalize();
    if (!place.startsWith(root)) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    root.relativize(place).forEach(part -> parts.add(part.toString()));
    return String.join("/", parts);
  }
}
