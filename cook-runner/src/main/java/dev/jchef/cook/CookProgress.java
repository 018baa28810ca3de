package dev.jchef.cook;

import java.util.HashSet;
import java.util.Set;

/**
 * How far the dependency build is: packages built out of an expected total (what the last cook of
 * the directory with the same lockfile and flags built, {@link BuiltPackages}, else the packages
 * in the lockfile, an upper bound: platform-specific packages are locked but not built), told to
 * the {@link CookListener} as a {@link CookEvent.Progress} after each unit, with cargo's own lines
 * and tools' lines between them. It also counts the units compiled and found fresh, for the
 * summary.
 */
final class CookProgress {
  private final CookListener listener;
  private final int lockedPackages;
  private final Set<String> packagesDone = new HashSet<>();
  private int compiled;
  private int fresh;

  CookProgress(CookListener listener, int lockedPackages) {
    this.listener = listener;
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
    listener.on(new CookEvent.Progress(packagesDone.size(), lockedPackages, compiled, fresh));
  }

  /** cargo was stopped by an interrupt: its progress ends without a last line. */
  synchronized void clear() {
    listener.on(new CookEvent.Finished(true));
  }

  /** One of cargo's own lines (its error stream). */
  synchronized void cargoLine(String line) {
    listener.on(new CookEvent.CargoLine(line));
  }

  /** A line a tool printed on cargo's standard output. */
  synchronized void toolLine(String line) {
    listener.on(new CookEvent.ToolLine(line));
  }

  /** cargo ended. */
  synchronized void finish() {
    listener.on(new CookEvent.Finished(false));
  }

  synchronized int compiled() {
    return compiled;
  }

  synchronized int fresh() {
    return fresh;
  }
}
