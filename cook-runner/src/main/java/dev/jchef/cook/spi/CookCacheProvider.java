package dev.jchef.cook.spi;

import dev.jchef.cook.CookCache;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Makes the {@link CookCache} of {@code cacheFrom}/{@code cacheTo} repositories for {@link
 * dev.jchef.Jchef.Cook}, found with {@link java.util.ServiceLoader}: {@code dev.jchef:oci-cache}
 * provides the OCI registry's, so that a caller who never uses a registry does not carry its client.
 */
public interface CookCacheProvider {
  /**
   * Returns a cache fetching from {@code cacheFrom} (in order) and storing to {@code cacheTo}.
   *
   * @param environment where credentials are found ({@code JCHEF_CACHE_USERNAME} and {@code
   *     JCHEF_CACHE_PASSWORD}, {@code DOCKER_CONFIG}, {@code REGISTRY_AUTH_FILE}, {@code HOME})
   * @throws IllegalArgumentException when a reference is not a repository
   */
  CookCache open(List<String> cacheFrom, Optional<String> cacheTo, Map<String, String> environment);
}
