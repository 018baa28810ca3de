package dev.jchef.cache.provider;

import dev.jchef.cache.OciCookCache;
import dev.jchef.cache.RegistryLogin;
import dev.jchef.cook.CookCache;
import dev.jchef.cook.spi.CookCacheProvider;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The OCI registry's {@link CookCacheProvider}, as {@code jchef cook --cache-from/--cache-to} makes
 * it: credentials from {@code JCHEF_CACHE_USERNAME} and {@code JCHEF_CACHE_PASSWORD} when both are
 * set, else Docker's stored ones. Public for {@link java.util.ServiceLoader} only; its package is
 * not exported.
 */
public final class OciCookCacheProvider implements CookCacheProvider {
  /** For {@link java.util.ServiceLoader}. */
  public OciCookCacheProvider() {}

  @Override
  public CookCache open(List<String> cacheFrom, Optional<String> cacheTo, Map<String, String> environment) {
    OciCookCache cache = OciCookCache.of(cacheFrom, cacheTo).withEnvironment(environment);
    String username = environment.get("JCHEF_CACHE_USERNAME");
    String password = environment.get("JCHEF_CACHE_PASSWORD");
    return username != null && password != null ? cache.withLogin(new RegistryLogin(username, password)) : cache;
  }
}
