package dev.jchef.cli;

import dev.jchef.recipe.RecipeException;
import dev.jchef.recipe.git.GitRevision;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --repo DIR}: the git repository to read, by default the one the working directory is in.
 * The workspace is the working directory's place in that repository's work tree, or its root.
 */
final class GitLocation {
  @Option(names = "--repo", paramLabel = "DIR", description = "The git repository (default: the one around the working directory).")
  Path repository;

  /**
   * The revision {@code revision} of the repository, the workspace where the working directory
   * is in its work tree (with {@code --repo}: the repository's root).
   */
  GitRevision revision(Path workingDirectory, String revision) {
    return revision(workingDirectory, workingDirectory, revision);
  }

  /** As {@link #revision(Path, String)}, the workspace where {@code place} is in the work tree. */
  GitRevision revision(Path workingDirectory, Path place, String revision) {
    try {
      return repository == null
          ? GitRevision.of(place, revision)
          : GitRevision.in(workingDirectory.resolve(repository), revision, "");
    } catch (RecipeException e) {
      if (repository == null && e.getMessage().endsWith("not in a git repository")) {
        throw new RecipeException(e.getMessage() + "; give one with --repo", e);
      }
      throw e;
    }
  }
}
