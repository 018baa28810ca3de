package dev.jchef.recipe.git;

import dev.jchef.recipe.RecipeException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** Opening a repository and resolving revisions, with errors a user can act on. */
public final class GitRepositories {
  private GitRepositories() {}

  /**
   * The repository at or above {@code directory}: a work tree (with {@code .git}) or a bare
   * repository.
   */
  public static Repository open(Path directory) {
    try {
      FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
      File dir = directory.toFile();
      if (new File(dir, "HEAD").isFile() && new File(dir, "objects").isDirectory()) {
        builder.setGitDir(dir);
      } else {
        builder.findGitDir(dir);
        if (builder.getGitDir() == null) {
          throw new RecipeException(directory + ": not in a git repository");
        }
      }
      return builder.build();
    } catch (IOException e) {
      throw new RecipeException(directory + ": cannot open the git repository: " + e.getMessage(), e);
    }
  }

  /** The commit {@code revision} names (a hash, branch, tag, {@code HEAD~3} ...). */
  public static RevCommit commit(Repository repository, String revision) {
    try (RevWalk walk = new RevWalk(repository)) {
      ObjectId id = repository.resolve(revision);
      if (id == null) {
        throw new RecipeException("git revision `" + revision + "` not found in " + repository.getDirectory());
      }
      return walk.parseCommit(id);
    } catch (IOException e) {
      throw new RecipeException("git revision `" + revision + "`: " + e.getMessage(), e);
    }
  }
}
