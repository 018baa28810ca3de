/**
 * Cooked states in an OCI registry ({@code jchef cook --cache-from/--cache-to}): {@link
 * dev.jchef.cache.OciCookCache}, a {@link dev.jchef.cook.CookCache}.
 *
 * <pre>{@code
 * OciCookCache cache = OciCookCache.of(List.of("ghcr.io/org/app-cook"), Optional.of("ghcr.io/org/app-cook"))
 *     .withLogin(new RegistryLogin("octocat", System.getenv("GITHUB_TOKEN")))
 *     .withTimeout(Duration.ofSeconds(30));
 * CookResult cooked = CookRunner.in(build, CookOptions.defaults()).withCache(cache).cook(recipe, Optional.empty());
 * }</pre>
 */
package dev.jchef.cache;
