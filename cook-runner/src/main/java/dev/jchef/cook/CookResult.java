package dev.jchef.cook;

import static java.util.Objects.requireNonNull;

import dev.jchef.skeleton.SkeletonReport;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** What one cook did: the skeleton written, the units cargo compiled and found fresh, what was removed, the time. Immutable. */
public final class CookResult {
  private final SkeletonReport skeleton;
  private final boolean built;
  private final int compiledUnits;
  private final int freshUnits;
  private final int removedArtifacts;
  private final Optional<SccacheStats> sccache;
  private final Duration elapsed;

  CookResult(
      SkeletonReport skeleton, boolean built, int compiledUnits, int freshUnits, int removedArtifacts,
      Optional<SccacheStats> sccache, Duration elapsed) {
    this.skeleton = requireNonNull(skeleton);
    this.built = built;
    this.compiledUnits = compiledUnits;
    this.freshUnits = freshUnits;
    this.removedArtifacts = removedArtifacts;
    this.sccache = requireNonNull(sccache);
    this.elapsed = requireNonNull(elapsed);
  }

  /** Returns what writing the skeleton did: files written, unchanged, removed. */
  public SkeletonReport skeleton() {
    return skeleton;
  }

  /** Returns whether cargo ran: false with {@code --no-build}, and when a registry cache's exact state made it needless. */
  public boolean built() {
    return built;
  }

  /** Returns the units cargo compiled ({@code compiler-artifact} messages that were not fresh). */
  public int compiledUnits() {
    return compiledUnits;
  }

  /** Returns the units cargo found up to date. */
  public int freshUnits() {
    return freshUnits;
  }

  /** Returns the files and directories the dummies compiled to, removed after the build. */
  public int removedArtifacts() {
    return removedArtifacts;
  }

  /** Returns the compilations sccache answered from its cache, with {@code --sccache}; empty without it. */
  public OptionalLong sccacheHits() {
    return sccache.map(s -> OptionalLong.of(s.hits())).orElse(OptionalLong.empty());
  }

  /** Returns the compilations sccache had to run (and then stored), with {@code --sccache}; empty without it. */
  public OptionalLong sccacheMisses() {
    return sccache.map(s -> OptionalLong.of(s.misses())).orElse(OptionalLong.empty());
  }

  Optional<SccacheStats> sccache() {
    return sccache;
  }

  /** Returns how long the cook took, from writing the skeleton to the last removal. */
  public Duration elapsed() {
    return elapsed;
  }

  private static String count(long n, String noun) {
    return count(n, noun, noun + "s");
  }

  private static String count(long n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }

  /**
   * Returns what the cook did, in one line: {@code 57 units compiled, 0 fresh, 21 dummy artifacts
   * removed, 41.3 s} (the command line prints it after {@code jchef cook: }).
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

  @Override
  public boolean equals(Object other) {
    return other instanceof CookResult that
        && skeleton.equals(that.skeleton) && built == that.built && compiledUnits == that.compiledUnits
        && freshUnits == that.freshUnits && removedArtifacts == that.removedArtifacts
        && sccache.equals(that.sccache) && elapsed.equals(that.elapsed);
  }

  @Override
  public int hashCode() {
    return Objects.hash(skeleton, built, compiledUnits, freshUnits, removedArtifacts, sccache, elapsed);
  }

  /** Returns {@link #summary()}. */
  @Override
  public String toString() {
    return summary();
  }
}
