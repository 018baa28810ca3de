package dev.jchef.cook;

/**
 * A {@link CookCache} could not fetch or store a state: the registry is down, slow or refused the
 * credentials, or the state is corrupt, foreign or made at other paths. A cook never fails for it:
 * it says so in one line and cooks without the state (or without storing it).
 */
public final class CookCacheException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message what went wrong, in one line, without credentials */
  public CookCacheException(String message) {
    super(message);
  }

  /** @param message what went wrong, in one line, without credentials */
  public CookCacheException(String message, Throwable cause) {
    super(message, cause);
  }
}
