/**
 * How {@code dev.jchef.Jchef.Cook} finds the registry cache of {@code cacheFrom}/{@code cacheTo}
 * with {@link java.util.ServiceLoader}: {@link dev.jchef.cook.spi.CookCacheProvider}, provided by
 * {@code dev.jchef:oci-cache}. For jchef's modules only.
 */
package dev.jchef.cook.spi;
