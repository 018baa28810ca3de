/**
 * Cooked states in an OCI registry: {@link dev.jchef.cache.OciCookCache}, the {@link
 * dev.jchef.cook.CookCache} of {@code jchef cook --cache-from} and {@code --cache-to}, on the ORAS
 * Java SDK.
 */
module dev.jchef.cache {
  requires transitive dev.jchef.cook;
  requires oras.java.sdk;
  requires org.apache.commons.compress;
  requires java.net.http;

  exports dev.jchef.cache;

  provides dev.jchef.cook.spi.CookCacheProvider with dev.jchef.cache.provider.OciCookCacheProvider;
}
