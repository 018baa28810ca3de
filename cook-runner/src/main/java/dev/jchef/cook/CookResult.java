package dev.jchef.cook;

import dev.jchef.skeleton.SkeletonReport;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * What one cook did.
 *
 * @param compiledUnits units cargo compiled ({@code compiler-artifact} messages, not fresh)
 * @param freshUnits units cargo found up to date
 * @param removedArtifacts files and directories of the dummies removed after the build
 * @param sccache what sccache did, with {@code --sccache}
 */
public record CookResult(
    SkeletonReport skeleton,
    boolean built,
    int compiledUnits,
    int freshUnits,
    int removedArtifacts,
    Optional<SccacheStats> sccache,
    Duration elapsed) {

  private static String count(long n, String noun) {
    return count(n, noun, noun + "s");
  }

  private static String count(long n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }

  /**
   * What the cook did, in one line: {@code 57 units compiled, 0 fresh, 21 dummy artifacts removed,
   * 41.3 s} (the command line prints it after {@code jchef cook: }).
   */
  public String summary() {
    String time = String.format(Locale.ROOT, "%.1f s", elapsed.toMillis() / 1000.0);
    if (!built) {
      return "skeleton written (" + count(skeleton.written().size(), "file") + " written, "
          + skeleton.unchanged().size() + " unchanged, " + skeleton.removed().size()
          + " removed), no build, " + time;
    }
    return count(compiledUnits, "unit") + " compiled, " + freshUnits + " fresh, "
        + count(removedArtifacts, "dummy artifact") + " removed, "
        + sccache.map(s -> "sccache " + count(s.hits(), "hit") + " and " + count(s.misses(), "miss", "misses") + ", ").orElse("")
        + time;
  }
}
