package dev.jchef.cook;

import java.util.List;

/** Small helpers for the option values that turn into cargo's argument list. */
final class CargoArguments {
  private CargoArguments() {}

  /** Adds {@code flag} when {@code set}. */
  static void flag(List<String> arguments, boolean set, String flag) {
    if (set) {
      arguments.add(flag);
    }
  }

  /** Adds {@code option value} for each value: {@code --package a --package b}. */
  static void each(List<String> arguments, String option, List<String> values) {
    for (String value : values) {
      arguments.add(option);
      arguments.add(value);
    }
  }
}
