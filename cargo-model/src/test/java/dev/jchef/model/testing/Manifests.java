package dev.jchef.model.testing;

/** Cargo.toml texts for fixtures. */
public final class Manifests {
  private Manifests() {}

  /** A {@code [package]} table for {@code name} at version 0.1.0, edition 2021. */
  public static String pkg(String name) {
    return pkg(name, "0.1.0");
  }

  /** A {@code [package]} table for {@code name} at {@code version}, edition 2021. */
  public static String pkg(String name, String version) {
    return "[package]\nname = \"" + name + "\"\nversion = \"" + version + "\"\nedition = \"2021\"\n";
  }
}
