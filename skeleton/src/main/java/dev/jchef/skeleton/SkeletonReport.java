package dev.jchef.skeleton;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;

/**
 * What one skeleton write did, paths relative to the root, {@code /}-separated. Immutable; made
 * by {@link SkeletonWriter#write}.
 */
public final class SkeletonReport {
  private final ImmutableList<String> written;
  private final ImmutableList<String> unchanged;
  private final ImmutableList<String> removed;
  private final ImmutableList<String> provided;
  private final ImmutableList<String> dummySubstitutes;

  SkeletonReport(
      List<String> written, List<String> unchanged, List<String> removed, List<String> provided,
      List<String> dummySubstitutes) {
    this.written = ImmutableList.copyOf(written);
    this.unchanged = ImmutableList.copyOf(unchanged);
    this.removed = ImmutableList.copyOf(removed);
    this.provided = ImmutableList.copyOf(provided);
    this.dummySubstitutes = ImmutableList.copyOf(dummySubstitutes);
  }

  /** Returns the files created or changed. */
  public List<String> written() {
    return written;
  }

  /** Returns the files that already had the right content from an earlier cook. */
  public List<String> unchanged() {
    return unchanged;
  }

  /** Returns the files an earlier cook wrote that this recipe no longer has. */
  public List<String> removed() {
    return removed;
  }

  /**
   * Returns the directories the skeleton left to the user, sorted: {@code [patch]} and {@code
   * [replace]} path crates and directory sources of the Cargo configuration that the recipe has no
   * manifest for, the recipe's {@code [patch]} crates whose real manifest was in place, and those
   * the options named.
   */
  public List<String> provided() {
    return provided;
  }

  /**
   * Returns the recipe's {@code [patch]} and {@code [replace]} path crates, and the packages they
   * reach by path, written as dummies, sorted: a crate that depends on one compiles against the
   * dummy.
   */
  public List<String> dummySubstitutes() {
    return dummySubstitutes;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SkeletonReport that
        && written.equals(that.written) && unchanged.equals(that.unchanged) && removed.equals(that.removed)
        && provided.equals(that.provided) && dummySubstitutes.equals(that.dummySubstitutes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(written, unchanged, removed, provided, dummySubstitutes);
  }

  /**
   * Returns the report in one line, as a log shows it: {@code 12 files written, 3 unchanged, 1
   * removed; left to you: vendor/patched}.
   */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder()
        .append(written.size()).append(written.size() == 1 ? " file written, " : " files written, ")
        .append(unchanged.size()).append(" unchanged, ")
        .append(removed.size()).append(" removed");
    if (!provided.isEmpty()) {
      text.append("; left to you: ").append(String.join(", ", provided));
    }
    if (!dummySubstitutes.isEmpty()) {
      text.append("; written as dummies for [patch]/[replace]: ").append(String.join(", ", dummySubstitutes));
    }
    return text.toString();
  }
}
