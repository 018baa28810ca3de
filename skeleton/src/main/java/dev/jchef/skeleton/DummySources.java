package dev.jchef.skeleton;

import dev.jchef.model.TargetKind;

/**
 * The dummy source cook writes for each target (RECIPE-SPEC Part A): enough for Cargo to build
 * the target, and so its dependencies, and nothing of the real code.
 */
final class DummySources {
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
