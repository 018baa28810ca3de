/**
 * Cooked states in an OCI registry: {@link dev.jchef.cache.OciCookCache}, the {@link
 * dev.jchef.cook.CookCache} of {@code jchef cook --cache-from} and {@code --cache-to}, on the ORAS
 * Java SDK.
 */
module dev.jchef.cache {
  requires transitive dev.jchef.cook;
  requires oras.java.sdk;
  // The ORAS SDK is an automatic module: it declares no requires, so on the module path nothing
  // would resolve what it loads at run time. These are its dependencies (its pom's), named here.
  requires com.github.benmanes.caffeine;
  requires micrometer.core;
  requires micrometer.commons;
  requires micrometer.observation;
  requires org.bouncycastle.provider;
  requires org.slf4j;
  requires tools.jackson.dataformat.yaml;
  requires tools.jackson.dataformat.toml;
  requires org.apache.commons.compress;
  requires java.net.http;

  exports dev.jchef.cache;

  provides dev.jchef.cook.spi.CookCacheProvider with dev.jchef.cache.provider.OciCookCacheProvider;
}
