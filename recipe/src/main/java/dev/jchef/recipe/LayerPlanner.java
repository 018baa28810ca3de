package dev.jchef.recipe;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import dev.jchef.model.Member;
import dev.jchef.model.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * Suggests a {@link LayerPlan} from a repository's history: which packages each of the newest
 * first-parent commits changed (by the paths it touched), then the packages in an order that puts
 * rarely changed ones first while keeping every package after its path dependencies, cut into
 * layers and a final step so that the expected number of workspace crates compiled per commit is
 * smallest.
 *
 * <p>The count follows a container build with the layer cache: a commit that changes a package in
 * layer {@code k} re-runs that layer's step and every later one (each compiles its packages), and
 * the final step always compiles its packages (they are dummies until then). A commit that
 * changes no package still runs the final step. Without layers every commit compiles every member
 * (cargo-chef's floor).
 */
public final class LayerPlanner {
  private LayerPlanner() {}

  /**
   * A suggested plan and what it is expected to save.
   *
   * @param commits the commits read (first-parent, newest first; root commits have no change)
   * @param expectedWithPlan workspace crates compiled per commit, averaged over {@code commits}
   * @param expectedToday every local package, every commit: what a build without layers compiles
   * @param changes how many of the commits changed each package
   */
  public record Suggestion(
      LayerPlan plan, int commits, double expectedWithPlan, double expectedToday, Map<String, Integer> changes) {}

  /**
   * Suggests at most {@code layerCount} layers for {@code workspace} from the {@code history}
   * newest first-parent commits from {@code start}.
   *
   * @param workspacePath where the workspace is in the repository ({@code ""}: its root)
   */
  public static Suggestion suggest(
      Workspace workspace, Repository repository, RevCommit start, String workspacePath, int history, int layerCount) {
    checkArgument(layerCount >= 1, "at least one layer, not %s", layerCount);
    checkArgument(history >= 1, "at least one commit, not %s", history);
    Map<String, Member> packages = new TreeMap<>();
    workspace.members().stream()
        .filter(m -> !m.directory().equals(Member.ROOT))
        .forEach(m -> packages.put(m.directory(), m));
    workspace.nonMemberPathDependencies().stream()
        .filter(m -> !m.directory().startsWith(".."))
        .forEach(m -> packages.put(m.directory(), m));
    // The root package, and packages outside the root, are compiled by the final step every time.
    int alwaysCompiled = workspace.members().size() + workspace.nonMemberPathDependencies().size() - packages.size();
    List<Set<String>> changedPerCommit = changedPackages(repository, start, workspacePath, history, packages.keySet());
    Map<String, Integer> changes = new TreeMap<>();
    packages.keySet().forEach(p -> changes.put(p, 0));
    changedPerCommit.forEach(changed -> changed.forEach(p -> changes.merge(p, 1, Integer::sum)));

    List<String> order = order(packages, changes);
    Cut cut = bestCut(order, changedPerCommit, Math.min(layerCount, order.size()));
    List<ImmutableList<String>> layers = new ArrayList<>();
    int from = 0;
    for (int boundary : cut.boundaries()) {
      if (boundary > from) {
        layers.add(ImmutableList.copyOf(order.subList(from, boundary)));
      }
      from = boundary;
    }
    LayerPlan plan = new LayerPlan(ImmutableList.copyOf(layers), ImmutableList.copyOf(order.subList(from, order.size())));
    double commits = Math.max(1, changedPerCommit.size());
    return new Suggestion(
        plan, changedPerCommit.size(), cut.cost() / commits + alwaysCompiled,
        packages.size() + alwaysCompiled, changes);
  }

  /**
   * Packages in dependency order (each after the packages it is built from, {@link
   * Member#buildPathDependencies()}: dev-dependencies, which may point back, do not order), and among those
   * ready at each point the least often changed first, then by directory.
   */
  static List<String> order(Map<String, Member> packages, Map<String, Integer> changes) {
    Map<String, Set<String>> waitingFor = new HashMap<>();
    packages.forEach(
        (directory, member) ->
            waitingFor.put(
                directory,
                member.buildPathDependencies().stream().filter(packages::containsKey).collect(Collectors.toCollection(HashSet::new))));
    List<String> order = new ArrayList<>();
    Comparator<String> rareFirst = Comparator.<String>comparingInt(changes::get).thenComparing(Comparator.naturalOrder());
    while (order.size() < packages.size()) {
      String next =
          waitingFor.entrySet().stream()
              .filter(e -> !order.contains(e.getKey()) && e.getValue().isEmpty())
              .map(Map.Entry::getKey)
              .min(rareFirst)
              .orElseThrow(() -> new RecipeException("the packages " + waitingFor.keySet().stream()
                  .filter(d -> !order.contains(d)).sorted().collect(Collectors.joining(", "))
                  + " depend on each other through [dependencies] or [build-dependencies], which cargo refuses too"));
      order.add(next);
      waitingFor.values().forEach(waiting -> waiting.remove(next));
    }
    return order;
  }

  /** Layer boundaries (exclusive ends, increasing) and the total compiled over all commits. */
  record Cut(List<Integer> boundaries, long cost) {}

  /**
   * The boundaries of at most {@code layerCount} contiguous layers over {@code order} (the rest is
   * the final step) with the smallest total cost, by dynamic programming over the cut points.
   */
  static Cut bestCut(List<String> order, List<Set<String>> changedPerCommit, int layerCount) {
    int n = order.size();
    // first[c]: position of the earliest changed package of commit c, n when it changed none.
    int[] first = new int[changedPerCommit.size()];
    for (int c = 0; c < first.length; c++) {
      first[c] = n;
      for (int i = 0; i < n; i++) {
        if (changedPerCommit.get(c).contains(order.get(i))) {
          first[c] = i;
          break;
        }
      }
    }
    // Cost of a plan = sum over commits of (n - start of the layer holding first[c]) when first[c]
    // is in a layer, else (n - end of the layers). best[k][e]: cheapest cost of the commits whose
    // first change lies before e, with k layers covering [0, e).
    long[][] best = new long[layerCount + 1][n + 1];
    int[][] previous = new int[layerCount + 1][n + 1];
    for (long[] row : best) {
      Arrays.fill(row, Long.MAX_VALUE);
    }
    best[0][0] = 0;
    for (int k = 1; k <= layerCount; k++) {
      for (int end = 0; end <= n; end++) {
        for (int start = 0; start <= end; start++) {
          if (best[k - 1][start] == Long.MAX_VALUE) {
            continue;
          }
          long cost = best[k - 1][start];
          for (int f : first) {
            if (f >= start && f < end) {
              cost += n - start;
            }
          }
          if (cost < best[k][end]) {
            best[k][end] = cost;
            previous[k][end] = start;
          }
        }
      }
    }
    long bestTotal = Long.MAX_VALUE;
    int bestEnd = 0;
    for (int end = 0; end <= n; end++) {
      if (best[layerCount][end] == Long.MAX_VALUE) {
        continue;
      }
      long total = best[layerCount][end];
      for (int f : first) {
        if (f >= end) {
          total += n - end;
        }
      }
      if (total < bestTotal) {
        bestTotal = total;
        bestEnd = end;
      }
    }
    List<Integer> boundaries = new ArrayList<>();
    for (int k = layerCount, end = bestEnd; k >= 1; k--) {
      boundaries.add(0, end);
      end = previous[k][end];
    }
    return new Cut(boundaries, bestTotal);
  }

  /** For each commit, the packages whose directories it changed files in. */
  private static List<Set<String>> changedPackages(
      Repository repository, RevCommit start, String workspacePath, int history, Set<String> directories) {
    String prefix = workspacePath.isEmpty() ? "" : workspacePath + "/";
    List<String> byLength = new ArrayList<>(directories);
    byLength.sort(Comparator.comparingInt(String::length).reversed());
    List<Set<String>> result = new ArrayList<>();
    try (RevWalk walk = new RevWalk(repository);
        DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
      diff.setRepository(repository);
      diff.setDetectRenames(false);
      RevCommit commit = walk.parseCommit(start);
      while (commit != null && result.size() < history) {
        RevCommit parent = commit.getParentCount() == 0 ? null : walk.parseCommit(commit.getParent(0));
        Set<String> changed = new HashSet<>();
        if (parent != null) {
          for (DiffEntry entry : diff.scan(parent.getTree(), commit.getTree())) {
            for (String path : List.of(entry.getOldPath(), entry.getNewPath())) {
              if (path.startsWith(prefix)) {
                owner(path.substring(prefix.length()), byLength).ifPresent(changed::add);
              }
            }
          }
        }
        result.add(changed);
        commit = parent;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the history of " + start.name(), e);
    }
    return result;
  }

  private static Optional<String> owner(String path, List<String> directoriesLongestFirst) {
    for (String directory : directoriesLongestFirst) {
      if (path.startsWith(directory + "/")) {
        return Optional.of(directory);
      }
    }
    return Optional.empty();
  }
}
