package dev.jchef.skeleton;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * The skeleton writer would put someone's work at risk, so it wrote nothing. The message says
 * why and what to do instead.
 */
public final class SkeletonRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the writer refused. */
  public enum Reason {
    /** The directory, or one below it, is a git repository: it holds real work. */
    GIT_REPOSITORY,
    /**
     * Rust sources or Cargo files jchef did not write (or that were changed since it wrote them)
     * are present: a real project lives here.
     */
    REAL_PROJECT,
    /**
     * A file the recipe would write exists with other content, and jchef did not write it (or it
     * was changed since).
     */
    FOREIGN_FILE,
    /** A path in the recipe is absolute, empty, climbs with {@code ..}, or leads outside. */
    UNSAFE_PATH
  }

  private final Reason reason;

  SkeletonRefusedException(Reason reason, String message) {
    super(message);
    this.reason = checkNotNull(reason);
  }

  /** Returns why the skeleton was refused, for a caller that reacts to one reason. */
  public Reason reason() {
    return reason;
  }
}
