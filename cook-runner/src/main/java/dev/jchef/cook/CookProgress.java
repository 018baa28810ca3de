package dev.jchef.cook;

import java.io.PrintWriter;
import java.util.HashSet;
import java.util.Set;

/**
 * Shows how far the dependency build is: packages built out of an expected total (what the last
 * cook of the directory with the same lockfile and flags built, {@link BuiltPackages}, else the
 * packages in the lockfile, an upper bound: platform-specific packages are locked but not built). On a terminal it is one line
 * that redraws itself below cargo's own messages; in a log it is a plain line at each further
 * tenth of the way. It also counts the units compiled and found fresh, for the summary.
 */
final class CookProgress {
  private final PrintWriter err;
  private final boolean terminal;
  private final int lockedPackages;
  private final Set<String> packagesDone = new HashSet<>();
  private int compiled;
  private int fresh;
  private int lastTenth;
  private boolean lineShown;
  private String lastLine = "";
  private String lastPrinted = "";

  CookProgress(PrintWriter err, boolean terminal, int lockedPackages) {
    this.err = err;
    this.terminal = terminal;
    this.lockedPackages = lockedPackages;
  }

  /** The packages cargo reported a unit of so far, built or fresh. */
  synchronized int packagesBuilt() {
    return packagesDone.size();
  }

  synchronized void artifact(CompilerArtifact artifact) {
    if (artifact.fresh()) {
      fresh++;
    } else {
      compiled++;
    }
    packagesDone.add(artifact.packageId());
    // The noun agrees with the number next to it: "1 package built", "1 of ~4 packages built".
    int counted = lockedPackages > 0 ? lockedPackages : packagesDone.size();
    String line =
        "jchef cook: " + packagesDone.size()
            + (lockedPackages > 0 ? " of ~" + lockedPackages : "")
            + (counted == 1 ? " package built (" : " packages built (")
            + compiled + (compiled == 1 ? " unit" : " units") + " compiled, " + fresh + " fresh)";
    lastLine = line;
    if (terminal) {
      err.print("\r\033[K" + line);
      err.flush();
      lineShown = true;
    } else if (lockedPackages > 0) {
      int tenth = Math.min(10, packagesDone.size() * 10 / lockedPackages);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        err.println(line);
        lastPrinted = line;
      }
    }
  }

  /** Clears the progress line on a terminal, for a cook that ends without a summary (interrupted). */
  synchronized void clear() {
    if (terminal && lineShown) {
      err.print("\r\033[K");
      err.flush();
      lineShown = false;
    }
  }

  /** Prints one of cargo's own lines, above the progress line on a terminal. */
  synchronized void cargoLine(String line) {
    if (terminal && lineShown) {
      err.print("\r\033[K");
    }
    err.println(line);
    lineShown = false;
  }

  /**
   * Clears the progress line before the summary on a terminal; in a log, prints the last state
   * if it was not printed, so that the last progress line agrees with the summary.
   */
  synchronized void finish() {
    if (terminal && lineShown) {
      err.print("\r\033[K");
      err.flush();
    } else if (!terminal && lockedPackages > 0 && !lastLine.isEmpty() && !lastLine.equals(lastPrinted)) {
      err.println(lastLine);
      lastPrinted = lastLine;
    }
  }

  synchronized int compiled() {
    return compiled;
  }

  synchronized int fresh() {
    return fresh;
  }
}
