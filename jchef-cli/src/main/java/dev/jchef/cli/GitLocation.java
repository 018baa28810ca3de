package dev.jchef.cli;

import dev.jchef.recipe.GitRepositories;
import dev.jchef.recipe.RecipeException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.Repository;
import picocli.CommandLine.Option;

/**
 * {@code --repo DIR}: the git repository to read, by default the one the working directory is in.
 * The workspace is the working directory's place in that repository's work tree, or its root.
 */
final class GitLocation {
  @Option(names = "--repo", paramLabel = "DIR", description = "The git repository (default: the one around the working directory).")
  Path repository;

  Repository open(Path workingDirectory) {
    try {
      return GitRepositories.open(repository == null ? workingDirectory : workingDirectory.resolve(repository));
    } catch (RecipeException e) {
      if (repository == null && e.getMessage().endsWith("not in a git repository")) {
        throw new RecipeException(e.getMessage() + "; give one with --repo", e);
      }
      throw e;
    }
  }

  /** The workspace root inside the repository: where the working directory is, or the root. */
  String workspacePath(Repository open, Path workingDirectory) {
    if (repository != null || open.isBare()) {
      return "";
    }
    Path workTree = open.getWorkTree().toPath().toAbsolutePath().normalize();
    if (!workingDirectory.normalize().startsWith(workTree)) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    workTree.relativize(workingDirectory.normalize()).forEach(part -> parts.add(part.toString()));
    return String.join("/", parts);
  }
}
