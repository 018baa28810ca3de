package dev.jchef.cook;

/**
 * What a cook, a layer step or a real build reports while it runs, to its {@link CookListener}:
 * how far the build is, cargo's own lines, jchef's notes and warnings. The command line draws
 * them ({@link CookListener#printing}); a build tool maps them to its log levels.
 */
public sealed interface CookEvent {
  /**
   * How far the build is, after each unit cargo reported.
   *
   * @param packagesBuilt packages with at least one unit built or found fresh so far
   * @param packagesExpected what the last cook of the directory with the same lockfile and flags
   *     built, else the lockfile's package count (an upper bound); 0 when unknown
   * @param unitsCompiled units cargo compiled so far
   * @param unitsFresh units cargo found up to date so far
   */
  record Progress(int packagesBuilt, int packagesExpected, int unitsCompiled, int unitsFresh) implements CookEvent {}

  /**
   * A line cargo printed on its error stream: a status line ({@code Compiling serde v1.0.152}), a
   * rendered diagnostic, an error.
   */
  record CargoLine(String text) implements CookEvent {}

  /** A line a build script or tool printed on cargo's standard output. */
  record ToolLine(String text) implements CookEvent {}

  /** Something jchef did that is worth a line: a cache state restored or stored, a wait. */
  record Note(String text) implements CookEvent {}

  /**
   * Something that did not go as asked but did not stop the work: a registry that did not
   * answer, a target the recipe does not have.
   */
  record Warning(String text) implements CookEvent {}

  /**
   * cargo ended: a progress line drawn on a terminal goes. Not the end of the cook: notes on
   * storing its state may follow, and a cook that restores its recipe's whole state runs no cargo
   * and tells no {@code Finished}; the cook has ended when {@link CookRunner#cook} returns.
   *
   * @param interrupted whether a {@link CookInterrupt} stopped it (its last messages were dropped)
   */
  record Finished(boolean interrupted) implements CookEvent {}
}
