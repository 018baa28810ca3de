package dev.jchef.cook;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A store of cooked states shared between machines ({@code jchef cook --cache-from/--cache-to}).
 * {@link CookRunner#withCache} fetches the closest state before cargo runs and stores the cook's
 * state after it succeeds. A state is a set of files below one directory: the dependency units of
 * the cook (in {@code deps/}, {@code build/} and {@code .fingerprint/} of each profile directory)
 * and the record jchef needs to restore them ({@code jchef-state.json}); jchef never puts a
 * dummy's unit in it.
 *
 * <p>Implementations report every failure (registry down, slow or refusing the credentials; a
 * corrupt, truncated or foreign state) as a {@link CookCacheException}; the cook then goes on
 * without the state. jchef's registry implementation is {@code dev.jchef.cache.OciCookCache}.
 */
public interface CookCache {
  /**
   * Fetches the state stored under {@code key.exact()}, else the one under {@code key.scope()},
   * and unpacks it into {@code directory} (empty). What is unpacked is untrusted: an
   * implementation writes only regular files and directories below {@code directory}, and jchef
   * checks them again before it uses them.
   *
   * @return what was fetched, or empty when no state is stored under either key
   * @throws CookCacheException when a state could not be fetched or unpacked
   */
  Optional<CacheTransfer> fetch(CookCacheKey key, Path directory);

  /** Whether this cache stores states at all: without, a cook does not gather one. */
  boolean stores();

  /**
   * Makes the state stored under {@code key.exact()} the newest of {@code key.scope()} too, for a
   * cook that found its recipe's whole state and so stores nothing new.
   *
   * @throws CookCacheException when the registry cannot be told
   */
  void promote(CookCacheKey key);

  /**
   * Stores {@code files} (paths relative to {@code base}, each a regular file) as one state under
   * both keys, so that the exact key finds it and the scope's newest state is this one. A reader
   * sees the earlier state or this one, never part of it.
   *
   * @return what was stored, or empty when this cache only fetches
   * @throws CookCacheException when the state could not be stored
   */
  Optional<CacheTransfer> store(CookCacheKey key, Path base, List<String> files);
}
