package dev.jchef.cli;

/** A count with its noun in agreement: {@code 1 member}, {@code 2 members}, {@code 0 misses}. */
final class Plural {
  private Plural() {}

  /** {@code n} and {@code noun}, with an {@code s} unless {@code n} is 1. */
  static String count(long n, String noun) {
    return count(n, noun, noun + "s");
  }

  /** {@code n} and {@code singular} when {@code n} is 1, else {@code plural}. */
  static String count(long n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }
}
