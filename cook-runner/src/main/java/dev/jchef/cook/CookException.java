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

  /**
   * Makes the exception of a cook that failed with {@code exitCode}: cargo's exit status, or 1
   * when cargo or rustc could not be found or run.
   */
  public CookException(int exitCode, String message) {
    this(exitCode, message, false);
  }

  private CookException(int exitCode, String message, boolean interrupted) {
    super(message);
    this.exitCode = exitCode;
    this.interrupted = interrupted;
  }

  /** A cook stopped by a {@link CookInterrupt}, after it cleaned up. */
  static CookException byInterrupt() {
    return new CookException(INTERRUPTED, "interrupted; run it again to continue", true);
  }

  /** Returns the exit status to end with: cargo's, 1 when it could not run, 130 after an interrupt. */
  public int exitCode() {
    return exitCode;
  }

  /**
   * Whether a {@link CookInterrupt} stopped the cook: cargo's messages after the request were
   * dropped, what the dummies compiled to was removed and the lock released; running the cook
   * again continues it.
   */
  public boolean interrupted() {
    return interrupted;
  }
}
