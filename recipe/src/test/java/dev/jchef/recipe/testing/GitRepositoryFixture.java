package dev.jchef.recipe.testing;

import dev.jchef.model.testing.Fixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** A git repository made in a test, commit by commit, with JGit. */
/** A git repository in a test directory, with commits of fixtures. */
public final class GitRepositoryFixture implements AutoCloseable {
  private static final PersonIdent AUTHOR = new PersonIdent("Test", "test@example.com", Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC);

  public final Git git;
  public final Path directory;

  private GitRepositoryFixture(Git git, Path directory) {
    this.git = git;
    this.directory = directory;
  }

  public static GitRepositoryFixture init(Path directory) {
    try {
      return new GitRepositoryFixture(
          Git.init().setDirectory(directory.toFile()).setInitialBranch("main").call(), directory);
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the fixture's files and commits everything, deletions included. */
  public RevCommit commit(String message, Fixture files) {
    files.writeTo(directory);
    return commitAll(message);
  }

  public RevCommit delete(String message, String path) {
    try {
      Files.delete(directory.resolve(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return commitAll(message);
  }

  public RevCommit commitAll(String message) {
    try {
      git.add().addFilepattern(".").call();
      git.add().addFilepattern(".").setUpdate(true).call();
      return git.commit().setMessage(message).setAuthor(AUTHOR).setCommitter(AUTHOR).setSign(false).call();
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    git.close();
  }
}
