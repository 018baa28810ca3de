package dev.jchef.cook;

/**
 * Cook could not run or cargo failed. {@link #exitCode()} is what {@code jchef cook} exits with:
 * cargo's own status when cargo failed, 1 when cargo could not be started.
 */
public final class CookException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  public CookException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
