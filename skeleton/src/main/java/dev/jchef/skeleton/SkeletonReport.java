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
    ImmutableList<String> dummySubstitutes) {}
