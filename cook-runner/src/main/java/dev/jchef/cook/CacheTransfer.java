package dev.jchef.cook;

import java.time.Duration;

/**
 * One state a {@link CookCache} fetched or stored.
 *
 * @param reference where: {@code registry/repository:tag}
 * @param exact whether it is the state of the exact key (every dependency fresh), not the newest
 *     state of the key's scope
 * @param bytes the state's compressed size
 * @param transferred the compressed bytes that crossed the network: for a store, only the layers
 *     the registry did not have already
 * @param time how long the transfer took (for a fetch: with unpacking into the directory)
 */
public record CacheTransfer(String reference, boolean exact, long bytes, long transferred, Duration time) {}
