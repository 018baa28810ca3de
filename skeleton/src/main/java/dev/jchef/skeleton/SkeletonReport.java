package dev.jchef.skeleton;

import com.google.common.collect.ImmutableList;

/**
 * What one skeleton write did, paths relative to the root.
 *
 * @param written files created or changed
 * @param unchanged files that already had the right content from an earlier cook
 * @param removed files an earlier cook wrote that this recipe no longer has
 * @param provided directories the skeleton left to the user, sorted: {@code [patch]} and {@code
 *     [replace]} path crates and directory sources of the Cargo configuration that the recipe has
 *     no manifest for, the recipe's {@code [patch]} crates whose real manifest was in place, and
 *     those the options named
 * @param dummySubstitutes the recipe's {@code [patch]} and {@code [replace]} path crates, and the
 *     packages they reach by path, written as dummies, sorted: a crate that depends on one
 *     compiles against the dummy
 */
public record SkeletonReport(
    ImmutableList<String> written,
    ImmutableList<String> unchanged,
    ImmutableList<String> removed,
    ImmutableList<String> provided,
    ImmutableList<String> dummySubstitutes) {

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
