package dev.jchef.skeleton;

import com.google.common.collect.ImmutableList;

/**
 * What one skeleton write did, paths relative to the root.
 *
 * @param written files created or changed
 * @param unchanged files that already had the right content from an earlier cook
 * @param removed files an earlier cook wrote that this recipe no longer has
 */
public record SkeletonReport(
    ImmutableList<String> written, ImmutableList<String> unchanged, ImmutableList<String> removed) {}
