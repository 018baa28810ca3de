package dev.jchef.skeleton;

import dev.jchef.model.TargetKind;

/**
 * The dummy source cook writes for each target, as cargo-chef writes them (the README's "Cook
 * never destroys real work" lists them, with and without std): enough for Cargo to build
 * the target, and so its dependencies, and nothing of the real code; and {@link #REAL_BUILD_REBUILDS},
 * which makes any real build compile the unit again, whoever built the dummy.
 */
final class DummySources {
  /**
   * What the skeleton's manifest of a dummy package says in {@code package.description}, which
   * no real package says.
   */
  static final String DESCRIPTION = "jchef dummy: the real build compiles this package again";

  /**
   * Begins every dummy: what a workspace's own lints may demand of a crate that a dummy cannot
   * give, when they come from {@code RUSTFLAGS} or the Cargo configuration's {@code rustflags}
   * ({@code -D missing_docs}, {@code -D unused_crate_dependencies}: a dummy uses none of its
   * dependencies), which the recipe carries as they are. A crate-level {@code allow} overrides a
   * command line's {@code -D} (not its {@code -F}). {@code [lints]} tables are removed at prepare
   * instead.
   */
  static final String LINT_FREE =
      "//! A jchef dummy: it compiles the dependencies; the real build compiles the real code.\n"
          + "#![allow(missing_docs, unused_crate_dependencies, unused_extern_crates)]\n";

  /**
   * Ends every dummy: rustc records the package description the unit was compiled with in its
   * dep-info ({@code # env-dep:CARGO_PKG_DESCRIPTION=...}), and cargo compiles a unit again when
   * that differs from the package's ({@code StaleItem::ChangedEnv}; cargo before 1.85 had the
   * description in the unit's fingerprint itself). The real manifest never has {@link
   * #DESCRIPTION}, so a dummy's unit is never fresh for the real build, even where its hash is
   * the real one's (a package at version 0.0.1, the masked version) and the real sources are
   * older than its outputs (Docker's {@code COPY}): after {@code cook --no-build} and the user's
   * own {@code cargo build}, where jchef removes nothing, as after a full cook.
   */
  static final String REAL_BUILD_REBUILDS =
      "const _: Option<&str> = option_env!(\"CARGO_PKG_DESCRIPTION\");\n";

  static final String MAIN = "fn main() {}";
  static final String EMPTY = "";
  static final String NO_STD_LIB = "#![no_std]";
  static final String NO_STD_MAIN =
      """
      #![no_std]
      #![no_main]

      #[panic_handler]
      fn panic(_: &core::panic::PanicInfo) -> ! {
          loop {}
      }
      """;
  /** A test harness without std: nightly's custom test frameworks with an empty runner. */
  static final String NO_STD_HARNESS =
      """
      #![no_std]
      #![no_main]
      #![feature(custom_test_frameworks)]
      #![test_runner(test_runner)]

      #[unsafe(no_mangle)]
      pub extern "C" fn _init() {}

      fn test_runner(_: &[&dyn Fn()]) {}

      #[panic_handler]
      fn panic(_: &core::panic::PanicInfo) -> ! {
          loop {}
      }
      """;

  private DummySources() {}

  /**
   * The dummy for a target.
   *
   * @param harness for tests and benches: whether they use the libtest harness
   */
  static String of(TargetKind kind, boolean procMacro, boolean harness, boolean noStd) {
    String body = body(kind, procMacro, harness, noStd);
    return LINT_FREE + (body.isEmpty() || body.endsWith("\n") ? body : body + "\n") + REAL_BUILD_REBUILDS;
  }

  /** Whether the dummy of a target defines the program's entry point (a binary's). */
  static boolean isProgram(TargetKind kind, boolean harness) {
    return switch (kind) {
      case BUILD_SCRIPT, BIN, EXAMPLE -> true;
      case LIB -> false;
      case TEST, BENCH -> !harness;
    };
  }

  private static String body(TargetKind kind, boolean procMacro, boolean harness, boolean noStd) {
    return switch (kind) {
      case BUILD_SCRIPT -> MAIN;
      case BIN, EXAMPLE -> noStd ? NO_STD_MAIN : MAIN;
      case LIB -> noStd && !procMacro ? NO_STD_LIB : EMPTY;
      case TEST, BENCH -> {
        if (harness) {
          yield noStd ? NO_STD_HARNESS : EMPTY;
        }
        yield noStd ? NO_STD_MAIN : MAIN;
      }
    };
  }
}
