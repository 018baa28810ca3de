package dev.jchef.cook;

import java.io.PrintWriter;

/** {@link CookListener#printing}: the command line's rendering of a cook's events. */
final class PrintingListener implements CookListener {
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean terminal;
  private int lastTenth;
  private boolean lineShown;
  private String lastLine = "";
  private String lastPrinted = "";
  private int lastExpected;

  PrintingListener(PrintWriter out, PrintWriter err, boolean terminal) {
    this.out = out;
    this.err = err;
    this.terminal = terminal;
  }

  @Override
  public synchronized void on(CookEvent event) {
    if (event instanceof CookEvent.Progress progress) {
      progress(progress);
    } else if (event instanceof CookEvent.CargoLine line) {
      line(line.text());
    } else if (event instanceof CookEvent.ToolLine line) {
      out.println(line.text());
    } else if (event instanceof CookEvent.Note note) {
      line("jchef cook: " + note.text());
    } else if (event instanceof CookEvent.Warning warning) {
      line("jchef cook: " + warning.text());
    } else if (event instanceof CookEvent.Finished finished) {
      finish(finished.interrupted());
    }
  }

  private void progress(CookEvent.Progress progress) {
    int expected = progress.packagesExpected();
    lastExpected = expected;
    // The noun agrees with the number next to it: "1 package built", "1 of ~4 packages built".
    int counted = expected > 0 ? expected : progress.packagesBuilt();
    String line =
        "jchef cook: " + progress.packagesBuilt()
            + (expected > 0 ? " of ~" + expected : "")
            + (counted == 1 ? " package built (" : " packages built (")
            + progress.unitsCompiled() + (progress.unitsCompiled() == 1 ? " unit" : " units") + " compiled, "
            + progress.unitsFresh() + " fresh)";
    lastLine = line;
    if (terminal) {
      err.print("\r\033[K" + line);
      err.flush();
      lineShown = true;
    } else if (expected > 0) {
      int tenth = Math.min(10, progress.packagesBuilt() * 10 / expected);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        err.println(line);
        lastPrinted = line;
      }
    }
  }

  /** One of cargo's or jchef's lines, above the progress line on a terminal. */
  private void line(String text) {
    if (terminal && lineShown) {
      err.print("\r\033[K");
    }
    err.println(text);
    lineShown = false;
  }

  /**
   * Clears the progress line on a terminal; in a log, prints the last state if it was not
   * printed (unless interrupted), so that the last progress line agrees with the summary.
   */
  private void finish(boolean interrupted) {
    if (terminal && lineShown) {
      err.print("\r\033[K");
      err.flush();
      lineShown = false;
    } else if (!terminal && !interrupted && lastExpected > 0 && !lastLine.isEmpty() && !lastLine.equals(lastPrinted)) {
      err.println(lastLine);
      lastPrinted = lastLine;
    }
  }
}
