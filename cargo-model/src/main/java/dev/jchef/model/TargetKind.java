package dev.jchef.model;

/**
 * The kinds of build target, declared in cargo-chef's order (lib, bin, test, bench, example,
 * build script), which is the order recipes sort targets of the same path in.
 */
public enum TargetKind {
  /** A library: {@code [lib]}, {@code src/lib.rs}; a procedural macro too. */
  LIB,
  /** A binary: {@code [[bin]]}, {@code src/main.rs}, {@code src/bin/*.rs}. */
  BIN,
  /** An integration test: {@code [[test]]}, {@code tests/*.rs}. */
  TEST,
  /** A benchmark: {@code [[bench]]}, {@code benches/*.rs}. */
  BENCH,
  /** An example: {@code [[example]]}, {@code examples/*.rs}. */
  EXAMPLE,
  /** A build script: {@code package.build}, {@code build.rs}. */
  BUILD_SCRIPT
}
