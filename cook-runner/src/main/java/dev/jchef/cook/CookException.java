package dev.jchef.cook;

/**
 * Cook could not run, cargo failed, or the cook was stopped. {@link #exitCode()} is what {@code
 * jchef cook} exits with: cargo's own status when cargo failed, 1 when cargo could not be started,
 * 130 (SIGINT's) when a {@link CookInterrupt} stopped it, which a front end that knows the signal
 * may replace.
 */
public final class CookException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The status of a cook stopped by a {@link CookInterrupt}: 128 + SIGINT, as a shell reports it. */
  static final int INTERRUPTED = 130;

  private final int exitCode;
  private final boolean interrupted;
  private final boolean threadInterrupted;

  /**
   * Makes the exception of a cook that failed with {@code exitCode}: cargo's exit status, or 1
   * when cargo or rustc could not be found or run.
   */
  public CookException(int exitCode, String message) {
    this(exitCode, message, false, false);
  }

  private CookException(int exitCode, String message, boolean interrupted, boolean threadInterrupted) {
    super(message);
    this.exitCode = exitCode;
    this.interrupted = interrupted;
    this.threadInterrupted = threadInterrupted;
  }

  /** A cook stopped by a {@link CookInterrupt}, after it cleaned up. */
  static CookException byInterrupt() {
    return new CookException(INTERRUPTED, "interrupted; run it again to continue", true, false);
  }

  /** A cook stopped because its thread was interrupted, after it cleaned up. */
  static CookException byThreadInterrupt() {
    return new CookException(INTERRUPTED, "interrupted (its thread was); run it again to continue", true, true);
  }

  /**
   * Sets the current thread's interrupt flag again when this exception says its interrupt stopped
   * the cook, and returns this exception, for the public method that ends the cook to throw.
   */
  CookException restoringThreadInterrupt() {
    if (threadInterrupted) {
      Thread.currentThread().interrupt();
    }
    return this;
  }

  /** Returns the exit status to end with: cargo's, 1 when it could not run, 130 after an interrupt. */
  public int exitCode() {
    return exitCode;
  }

  /**
   * Returns whether a {@link CookInterrupt}, or an interrupt of the thread running the cook,
   * stopped it: cargo and what it started were ended, their messages after the request dropped,
   * what the dummies compiled to removed and the lock released; running the cook again continues
   * it. After a thread interrupt, the thread's interrupt flag is set again when this is thrown.
   */
  public boolean interrupted() {
    return interrupted;
  }
}
