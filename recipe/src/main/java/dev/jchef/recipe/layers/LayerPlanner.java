package dev.jchef.recipe.layers;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import dev.jchef.model.workspace.Member;
import dev.jchef.model.workspace.Workspace;
import dev.jchef.recipe.LayerPlan;
import dev.jchef.recipe.RecipeException;
import dev.jchef.recipe.git.GitRepositories;
import dev.jchef.recipe.git.GitRevision;
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
 * layers and a final step so that the expected <b>seconds</b> of the build steps per commit are
 * fewest, the number of layers chosen too (none when layers cannot pay).
 *
 * <p>The cost follows a container build with the layer cache: a commit that changes a package in
 * layer {@code k} re-runs that layer's step and every later one, each costing its packages'
 * compile times ({@link CompileCosts#seconds}) plus the fixed cost of a step ({@link
 * CompileCosts#stepSeconds}: starting jchef and cargo, recompiling the dummies of later layers);
 * the final step always runs and compiles its packages and the root package. A commit that changes
 * no package still runs the final step. Without layers every commit compiles every package
 * (cargo-chef's floor). Why seconds and not crates: the steps run one after another, each with its
 * fixed cost, so a plan that saves crates can cost time when early packages change often
 * (BENCHMARKS.md, "Member layers").
 */
public final class LayerPlanner {
  private LayerPlanner() {}

  /**
   * A suggested plan and what it is expected to save.
   *
   * @param commits the commits read (first-parent, newest first; root commits have no change)
   * @param expectedWithPlan workspace crates compiled per commit, averaged over {@code commits}
   * @param expectedToday every local package, every commit: what a build without layers compiles
   * @param secondsWithPlan expected seconds of the build steps after cook per commit, with the plan
   * @param secondsToday the same without layers: every package compiled in the one final step
   * @param changes how many of the commits changed each package
   * @param packages how many packages could go in a layer (every package but the root package and
   *     those outside the root)
   */
  public record Suggestion(
      LayerPlan plan, int commits, double expectedWithPlan, double expectedToday, double secondsWithPlan,
      double secondsToday, Map<String, Integer> changes, int packages) {}

  /**
   * Suggests at most {@code maxLayers} layers for {@code workspace} from the {@code history}
   * newest first-parent commits from {@code start}, weighed by {@code costs}.
   *
   * @throws RecipeException when the repository cannot be read
   */
  public static Suggestion suggest(Workspace workspace, GitRevision start, int history, int maxLayers, CompileCosts costs) {
    try (Repository repository = GitRepositories.open(start.gitDirectory())) {
      return suggest(
          workspace, repository, GitRepositories.commit(repository, start.revision()), start.workspacePath(), history,
          maxLayers, costs);
    }
  }

  /**
   * {@link #suggest(Workspace, GitRevision, int, int, CompileCosts)} in an open repository.
   *
   * @param workspacePath where the workspace is in the repository ({@code ""}: its root)
   */
  static Suggestion suggest(
      Workspace workspace, Repository repository, RevCommit start, String workspacePath, int history, int maxLayers,
      CompileCosts costs) {
    checkArgument(maxLayers >= 1, "at least one layer, not %s", maxLayers);
    checkArgument(history >= 1, "at least one commit, not %s", history);
    Map<String, Member> packages = new TreeMap<>();
    workspace.members().stream()
        .filter(m -> !m.directory().equals(Member.ROOT))
        .forEach(m -> packages.put(m.directory(), m));
    workspace.nonMemberPathDependencies().stream()
        .filter(m -> !m.directory().startsWith(".."))
        .forEach(m -> packages.put(m.directory(), m));
    // The root package, and packages outside the root, are compiled by the final step every time.
    List<String> always =
        java.util.stream.Stream.concat(workspace.members().stream(), workspace.nonMemberPathDependencies().stream())
            .map(Member::directory)
            .filter(d -> !packages.containsKey(d))
            .toList();
    List<Set<String>> changedPerCommit = changedPackages(repository, start, workspacePath, history, packages.keySet());
    Map<String, Integer> changes = new TreeMap<>();
    packages.keySet().forEach(p -> changes.put(p, 0));
    changedPerCommit.forEach(changed -> changed.forEach(p -> changes.merge(p, 1, Integer::sum)));

    List<String> order = order(packages, changes);
    double[] weights = order.stream().mapToDouble(costs::of).toArray();
    Cut cut = bestCut(firstChanges(order, changedPerCommit), weights, costs.stepSeconds(), Math.min(maxLayers, order.size()));
    List<ImmutableList<String>> layers = new ArrayList<>();
    int from = 0;
    for (int boundary : cut.boundaries()) {
      layers.add(ImmutableList.copyOf(order.subList(from, boundary)));
      from = boundary;
    }
    LayerPlan plan = LayerPlan.of(ImmutableList.copyOf(layers), ImmutableList.copyOf(order.subList(from, order.size())));
    double commits = Math.max(1, changedPerCommit.size());
    double alwaysSeconds = costs.stepSeconds() + always.stream().mapToDouble(costs::of).sum();
    double crates = cost(firstChanges(order, changedPerCommit), cut.boundaries(), new double[order.size()], 1.0, 0);
    return new Suggestion(
        plan, changedPerCommit.size(), crates / commits + always.size(), packages.size() + always.size(),
        cut.seconds() / commits + alwaysSeconds, Arrays.stream(weights).sum() + alwaysSeconds, changes, packages.size());
  }

  /** For each commit, the position in {@code order} of its earliest changed package; the size when none. */
  private static int[] firstChanges(List<String> order, List<Set<String>> changedPerCommit) {
    int[] first = new int[changedPerCommit.size()];
    for (int c = 0; c < first.length; c++) {
      first[c] = order.size();
      for (int i = 0; i < order.size(); i++) {
        if (changedPerCommit.get(c).contains(order.get(i))) {
          first[c] = i;
          break;
        }
      }
    }
    return first;
  }

  /**
   * The total over all commits of what a plan compiles: {@code weights} per package (each 1.0
   * with {@code unitWeight} 1 and {@code step} 0 counts crates), {@code step} per step run.
   */
  static double cost(int[] first, List<Integer> boundaries, double[] weights, double unitWeight, double step) {
    int n = weights.length;
    double total = 0;
    for (int f : first) {
      int layerStart = 0;
      int layersFrom = -1;
      for (int k = 0; k < boundaries.size(); k++) {
        if (f >= layerStart && f < boundaries.get(k)) {
          layersFrom = k;
          break;
        }
        layerStart = boundaries.get(k);
      }
      int from = layersFrom >= 0 ? layerStart : boundaries.isEmpty() ? 0 : boundaries.get(boundaries.size() - 1);
      for (int i = from; i < n; i++) {
        total += weights[i] + unitWeight;
      }
      if (layersFrom >= 0) {
        total += step * (boundaries.size() - layersFrom);
      }
    }
    return total;
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

  /**
   * Layer boundaries (exclusive ends, increasing; empty for no layers) and the total seconds over
   * all commits, without the final step's fixed cost and the root package (the same for every plan).
   */
  record Cut(List<Integer> boundaries, double seconds) {}

  /**
   * The boundaries of at most {@code maxLayers} contiguous, non-empty layers over the packages in
   * order (the rest is the final step) with the smallest total seconds, by dynamic programming from
   * the right: {@code g[k][s]} is the cheapest total of the commits whose first change is at or
   * after position {@code s}, when {@code k} layers start at {@code s}; with {@code W(s)} the
   * weights from {@code s} on, {@code g[0][s] = count(first >= s) * W(s)} (the final step starts at
   * {@code s}) and {@code g[k][s] = min over e > s of count(s <= first < e) * (W(s) + k * step) +
   * g[k-1][e]}: a change in the layer {@code [s, e)} re-runs it and the {@code k - 1} after it. The
   * answer is the best {@code g[k][0]} over {@code k} in {@code 0..maxLayers}; ties keep fewer layers.
   *
   * @param first for each commit, the position of its earliest changed package, {@code n} for none
   */
  static Cut bestCut(int[] first, double[] weights, double step, int maxLayers) {
    int n = weights.length;
    double[] fromHere = new double[n + 1];
    for (int i = n - 1; i >= 0; i--) {
      fromHere[i] = fromHere[i + 1] + weights[i];
    }
    int[] atOrAfter = new int[n + 2];
    for (int f : first) {
      atOrAfter[f]++;
    }
    for (int i = n - 1; i >= 0; i--) {
      atOrAfter[i] += atOrAfter[i + 1];
    }
    double[][] g = new double[maxLayers + 1][n + 1];
    int[][] end = new int[maxLayers + 1][n + 1];
    for (int s = 0; s <= n; s++) {
      g[0][s] = atOrAfter[s] * fromHere[s];
    }
    for (int k = 1; k <= maxLayers; k++) {
      for (int s = 0; s <= n; s++) {
        g[k][s] = Double.POSITIVE_INFINITY;
        for (int e = s + 1; e <= n; e++) {
          double cost = (atOrAfter[s] - atOrAfter[e]) * (fromHere[s] + k * step) + g[k - 1][e];
          if (cost < g[k][s] - 1e-9) {
            g[k][s] = cost;
            end[k][s] = e;
          }
        }
      }
    }
    int best = 0;
    for (int k = 1; k <= maxLayers; k++) {
      if (g[k][0] < g[best][0] - 1e-9) {
        best = k;
      }
    }
    List<Integer> boundaries = new ArrayList<>();
    for (int k = best, s = 0; k >= 1; k--) {
      s = end[k][s];
      boundaries.add(s);
    }
    return new Cut(boundaries, g[best][0]);
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
