package dev.jchef.model.internal;

/**
 * The files jchef keeps in a cooked directory's {@code .jchef/}, named in one place for the
 * modules that write, read or protect them (the skeleton writer refuses a recipe that names one).
 */
public final class JchefFiles {
  /** jchef's directory in a cooked directory. */
  public static final String DIRECTORY = ".jchef";
  /** The skeleton writer's record of the files it wrote. */
  public static final String WRITE_RECORD = DIRECTORY + "/written-files.json";
  /** The lock that serialises cooks of one directory. */
  public static final String COOK_LOCK = DIRECTORY + "/cook.lock";
  /** Where a member-layer step finds the real root manifest, copied in from the workspace's Cargo.toml. */
  public static final String WORKSPACE_MANIFEST = DIRECTORY + "/workspace.toml";
  /** What the last cook with a lockfile and flags built, for the progress line's total. */
  public static final String BUILT_PACKAGES = DIRECTORY + "/built-packages";
  /** Where the recipe puts path packages that lie outside the workspace root. */
  public static final String OUTSIDE_PACKAGES = DIRECTORY + "/outside";

  private JchefFiles() {}
}
