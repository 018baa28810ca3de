package dev.jchef.cook;

import java.util.Objects;

/**
 * What {@link CookRunner#fixLayerTimes} did to the layer packages before a build that cargo runs
 * on its own. Immutable.
 */
public final class LayerCheck {
  private final int packages;
  private final int removedUnits;
  private final int fixedFiles;
  private final int renewedFiles;

  LayerCheck(int packages, int removedUnits, int fixedFiles, int renewedFiles) {
    this.packages = packages;
    this.removedUnits = removedUnits;
    this.fixedFiles = fixedFiles;
    this.renewedFiles = renewedFiles;
  }

  /** Returns the layer packages checked. */
  public int packages() {
    return packages;
  }

  /**
   * Returns their units whose fingerprints were removed, since the target directory's records do
   * not vouch for them (built from other content, or by another build): cargo builds them again.
   */
  public int removedUnits() {
    return removedUnits;
  }

  /** Returns the files given the fixed time: content the units left were built from. */
  public int fixedFiles() {
    return fixedFiles;
  }

  /** Returns the files given the current time: content no unit here was built from. */
  public int renewedFiles() {
    return renewedFiles;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LayerCheck that
        && packages == that.packages && removedUnits == that.removedUnits && fixedFiles == that.fixedFiles
        && renewedFiles == that.renewedFiles;
  }

  @Override
  public int hashCode() {
    return Objects.hash(packages, removedUnits, fixedFiles, renewedFiles);
  }

  /** Returns {@link #summary()}. */
  @Override
  public String toString() {
    return summary();
  }

  /**
   * Returns one line: {@code 3 layer packages: 41 files kept their units (fixed time), 2 to
   * compile, 4 units to build again}.
   */
  public String summary() {
    return packages + " layer package" + (packages == 1 ? "" : "s") + ": " + fixedFiles + " file"
        + (fixedFiles == 1 ? "" : "s") + " kept their units (fixed time), " + renewedFiles + " to compile, "
        + removedUnits + " unit" + (removedUnits == 1 ? "" : "s") + " to build again";
  }
}
