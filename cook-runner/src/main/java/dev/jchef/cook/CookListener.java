package dev.jchef.cook;

import java.io.PrintWriter;

/**
 * Receives a cook's {@link CookEvent}s as they happen, on the threads that read cargo's output
 * (one at a time: calls never overlap). {@link CookRunner#withListener} registers one.
 */
@FunctionalInterface
public interface CookListener {
  /** Handles one event; it should return quickly, cargo waits meanwhile. */
  void on(CookEvent event);

  /**
   * Returns the command line's rendering: tools' lines on {@code out}; cargo's lines, jchef's
   * notes and warnings ({@code jchef cook: ...}) and the progress on {@code err}. On a terminal
   * the progress is one line redrawn below cargo's (ANSI {@code \r\033[K}); in a log it is a plain
   * line at each further tenth of the expected packages, and the last state once more at the end
   * if it was not printed.
   */
  static CookListener printing(PrintWriter out, PrintWriter err, boolean terminal) {
    return new PrintingListener(out, err, terminal);
  }
}
