package dev.jchef.maven;

import java.util.Locale;

/** The name of the platform Maven runs on, for the directory native files go to. */
final class Platforms {
  private Platforms() {}

  /** {@code native/<os>-<arch>}: {@code linux}, {@code macos} or {@code windows}; {@code x86_64} or {@code aarch64}. */
  static String current() {
    return "native/" + os(System.getProperty("os.name")) + "-" + arch(System.getProperty("os.arch"));
  }

  static String os(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.startsWith("mac") || lower.startsWith("darwin")) {
      return "macos";
    }
    if (lower.startsWith("windows")) {
      return "windows";
    }
    return lower.replaceAll("[^a-z0-9]+", "");
  }

  static String arch(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "amd64", "x86_64", "x86-64" -> "x86_64";
      case "aarch64", "arm64" -> "aarch64";
      default -> name.toLowerCase(Locale.ROOT);
    };
  }
}
