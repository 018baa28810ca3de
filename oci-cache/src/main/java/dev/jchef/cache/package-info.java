/**
 * Cooked states in an OCI registry ({@code jchef cook --cache-from/--cache-to}): {@link
 * dev.jchef.cache.OciCookCache}, a {@link dev.jchef.cook.CookCache}. {@code
 * Jchef.cook(build).cacheFrom(ref).cacheTo(ref)} finds it by itself; make one to give it a login
 * or a timeout:
 *
 * <pre>{@code
 * OciCookCache cache = OciCookCache.of(List.of("ghcr.io/org/app-cook"), Optional.of("ghcr.io/org/app-cook"))
 *     .withLogin(new RegistryLogin("octocat", System.getenv("GITHUB_TOKEN")))
 *     .withTimeout(Duration.ofSeconds(30));
 * CookResult cooked = Jchef.cook(build).cache(cache).run(recipe);
 * }</pre>
 */
package dev.jchef.cache;
