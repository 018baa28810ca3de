package dev.jchef.cook;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Objects;

/**
 * One state a {@link CookCache} fetched or stored: where, whether it was the exact key's, its size
 * and what crossed the network. Immutable; {@link #fetched} and {@link #stored} make one.
 */
public final class CacheTransfer {
  private final String reference;
  private final boolean exact;
  private final long bytes;
  private final long transferred;
  private final Duration time;

  private CacheTransfer(String reference, boolean exact, long bytes, long transferred, Duration time) {
    this.reference = requireNonNull(reference);
    this.exact = exact;
    this.bytes = bytes;
    this.transferred = transferred;
    this.time = requireNonNull(time);
  }

  /**
   * Returns a fetch: the whole state crossed the network.
   *
   * @param reference where it was: {@code registry/repository:tag}
   * @param exact whether it is the state of the exact key (every dependency fresh), not the newest
   *     state of the key's scope
   * @param bytes the state's compressed size
   * @param time how long the fetch took, with unpacking into the directory
   */
  public static CacheTransfer fetched(String reference, boolean exact, long bytes, Duration time) {
    return new CacheTransfer(reference, exact, bytes, bytes, time);
  }

  /**
   * Returns a store of the exact key's state.
   *
   * @param reference where it went: {@code registry/repository:tag}
   * @param bytes the state's compressed size
   * @param transferred the compressed bytes that crossed the network: only the parts the cache did
   *     not have already
   * @param time how long the store took
   */
  public static CacheTransfer stored(String reference, long bytes, long transferred, Duration time) {
    return new CacheTransfer(reference, true, bytes, transferred, time);
  }

  /** Returns where the state was or went: {@code registry/repository:tag}. */
  public String reference() {
    return reference;
  }

  /** Returns whether it is the state of the exact key, not the newest state of the key's scope. */
  public boolean exact() {
    return exact;
  }

  /** Returns the state's compressed size, in bytes. */
  public long bytes() {
    return bytes;
  }

  /** Returns the compressed bytes that crossed the network. */
  public long transferred() {
    return transferred;
  }

  /** Returns how long the transfer took. */
  public Duration time() {
    return time;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CacheTransfer that
        && reference.equals(that.reference) && exact == that.exact && bytes == that.bytes
        && transferred == that.transferred && time.equals(that.time);
  }

  @Override
  public int hashCode() {
    return Objects.hash(reference, exact, bytes, transferred, time);
  }

  @Override
  public String toString() {
    return reference + " (" + bytes + " bytes, " + transferred + " transferred, " + time + ")";
  }
}
