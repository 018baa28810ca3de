package dev.jchef.skeleton;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableList;
import org.junit.jupiter.api.Test;

class SkeletonReportTest {
  @Test
  void printsAsOneLineALogCanShow() {
    assertEquals(
        "1 file written, 2 unchanged, 0 removed; left to you: vendor/patched",
        new SkeletonReport(ImmutableList.of("Cargo.toml"), ImmutableList.of("a/Cargo.toml", "b/Cargo.toml"),
            ImmutableList.of(), ImmutableList.of("vendor/patched"), ImmutableList.of()).toString());
    assertEquals(
        "3 files written, 0 unchanged, 1 removed; written as dummies for [patch]/[replace]: patched",
        new SkeletonReport(ImmutableList.of("a", "b", "c"), ImmutableList.of(), ImmutableList.of("old"),
            ImmutableList.of(), ImmutableList.of("patched")).toString());
  }
}
