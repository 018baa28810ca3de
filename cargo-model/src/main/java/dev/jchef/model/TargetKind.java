package dev.jchef.model;

/**
 * The kinds of build target, declared in cargo-chef's order (lib, bin, test, bench, example,
 * build script), which is the order recipes sort targets of the same path in.
 */
public enum TargetKind {
  LIB,
  BIN,
  TEST,
  BENCH,
  EXAMPLE,
  BUILD_SCRIPT
}
