package dev.jchef.recipe.git;

import com.google.common.collect.ImmutableList;
import dev.jchef.model.CargoFileException;
import dev.jchef.recipe.Recipe;
import dev.jchef.recipe.RecipeDiff;
import dev.jchef.recipe.RecipeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * How often a project's dependency layer would survive its own history: the recipe of each of
 * the newest first-parent commits, prepared from git without a checkout, compared with the recipe
 * of the commit before it. A commit whose recipe equals its parent's is a cache hit for a
 * container build of every commit; otherwise the {@link RecipeDiff} says why it missed.
 */
public final class RecipeHistory {
  private RecipeHistory() {}

  /**
   * One commit.
   *
   * @param fingerprint the recipe's, or empty when it could not be prepared
   * @param change what changed from the parent's recipe, when both could be prepared
   * @param reason why a build of this commit could not reuse its parent's dependency layer; empty
   *     for a hit
   */
  public record Entry(
      String commit, String subject, Optional<String> fingerprint, Optional<RecipeDiff> change,
      Optional<String> reason) {

    /** Whether a build of this commit would reuse its parent's dependency layer. */
    public boolean hit() {
      return reason.isEmpty();
    }
  }

  /**
   * Returns the newest {@code count} first-parent commits from {@code start}, newest first, each
   * with its recipe's fingerprint and why the dependency layer was rebuilt.
   *
   * @param bins as {@code prepare --bin} (all members when empty)
   * @throws RecipeException when the repository cannot be read
   */
  public static List<Entry> of(GitRevision start, int count, Collection<String> bins) {
    List<Entry> entries = new ArrayList<>();
    walk(start, count, bins, entries::add);
    return Collections.unmodifiableList(entries);
  }

  /**
   * As {@link #of(GitRevision, int, Collection)}, handing each entry to {@code consumer} as soon as
   * it is known (each commit's recipe is prepared once, compared with its parent's, then passed
   * on), newest first.
   *
   * @throws RecipeException when the repository cannot be read
   */
  public static void walk(GitRevision start, int count, Collection<String> bins, Consumer<Entry> consumer) {
    try (Repository repository = GitRepositories.open(start.gitDirectory())) {
      walk(repository, GitRepositories.commit(repository, start.revision()), count, start.workspacePath(), bins, consumer);
    }
  }

  /**
   * {@link #of(GitRevision, int, Collection)} in an open repository.
   *
   * @param workspacePath the workspace root inside the repository, {@code ""} for its root
   */
  public static ImmutableList<Entry> of(
      Repository repository, RevCommit start, int count, String workspacePath, Collection<String> bins) {
    ImmutableList.Builder<Entry> entries = ImmutableList.builder();
    walk(repository, start, count, workspacePath, bins, entries::add);
    return entries.build();
  }

  /**
   * As {@link #of}, handing each entry to {@code consumer} as soon as it is known (each commit's
   * recipe is prepared once, compared with its parent's, then passed on), newest first.
   */
  static void walk(
      Repository repository, RevCommit start, int count, String workspacePath, Collection<String> bins,
      Consumer<Entry> consumer) {
    List<RevCommit> commits = firstParents(repository, start, count + 1);
    Prepared current = commits.isEmpty() ? null : tryPrepare(repository, commits.get(0), workspacePath, bins);
    for (int i = 0; i < Math.min(count, commits.size()); i++) {
      RevCommit commit = commits.get(i);
      Optional<Prepared> parent =
          i + 1 < commits.size()
              ? Optional.of(tryPrepare(repository, commits.get(i + 1), workspacePath, bins))
              : Optional.empty();
      Prepared prepared = current;
      Optional<RecipeDiff> change =
          prepared.recipe().flatMap(r -> parent.flatMap(Prepared::recipe).map(p -> RecipeDiff.between(p, r)));
      consumer.accept(
          new Entry(
              commit.getName(),
              commit.getShortMessage(),
              prepared.recipe().map(Recipe::fingerprint),
              change.filter(c -> !c.isEmpty()),
              reason(prepared, parent, change)));
      current = parent.orElse(null);
    }
  }

  private static Optional<String> reason(
      Prepared current, Optional<Prepared> parent, Optional<RecipeDiff> change) {
    if (current.problem().isPresent()) {
      return Optional.of("cannot prepare: " + current.problem().get());
    }
    if (parent.isEmpty()) {
      return Optional.of("no earlier commit to reuse");
    }
    if (parent.get().recipe().isEmpty()) {
      return Optional.of("the commit before could not be prepared");
    }
    return change.filter(c -> !c.isEmpty()).map(RecipeDiff::summary);
  }

  /** The share of entries that are hits, from 0 to 1. */
  public static double hitRate(List<Entry> entries) {
    return entries.isEmpty() ? 0 : (double) entries.stream().filter(Entry::hit).count() / entries.size();
  }

  private static Prepared tryPrepare(
      Repository repository, RevCommit commit, String workspacePath, Collection<String> bins) {
    try {
      return new Prepared(
          Optional.of(GitWorkspaceSource.prepare(repository, commit, workspacePath, bins)), Optional.empty());
    } catch (CargoFileException | RecipeException e) {
      return new Prepared(Optional.empty(), Optional.of(e.getMessage()));
    }
  }

  private static List<RevCommit> firstParents(Repository repository, RevCommit start, int count) {
    List<RevCommit> commits = new ArrayList<>();
    try (RevWalk walk = new RevWalk(repository)) {
      RevCommit commit = walk.parseCommit(start);
      while (commit != null && commits.size() < count) {
        commits.add(commit);
        commit = commit.getParentCount() == 0 ? null : walk.parseCommit(commit.getParent(0));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot walk the history of " + start.name(), e);
    }
    return commits;
  }

  private record Prepared(Optional<Recipe> recipe, Optional<String> problem) {}
}
