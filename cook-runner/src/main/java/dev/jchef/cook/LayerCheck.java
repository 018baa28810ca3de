package dev.jchef.cook;

/**
 * What {@link CookRunner#fixLayerTimes} did to the layer packages before a build that cargo runs
 * on its own.
 *
 * @param packages layer packages checked
 * @param removedUnits their units whose fingerprints were removed, since the target directory's
 *     records do not vouch for them (built from other content, or by another build): cargo
 *     builds them again
 * @param fixedFiles files given the fixed time: content the units left were built from
 * @param renewedFiles files given the current time: content no unit here was built from
 */
public record LayerCheck(int packages, int removedUnits, int fixedFiles, int renewedFiles) {
  /**
   * One line: {@code 3 layer packages: 41 files kept their units (fixed time), 2 changed, 4 units
   * to build again}.
   */
  public String summary() {
    return packages + " layer package" + (packages == 1 ? "" : "s") + ": " + fixedFiles + " file"
        + (fixedFiles == 1 ? "" : "s") + " kept their units (fixed time), " + renewedFiles + " to compile, "
        + removedUnits + " unit" + (removedUnits == 1 ? "" : "s") + " to build again";
  }
}
