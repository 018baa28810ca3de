/**
 * Cooking a recipe: {@link dev.jchef.cook.CookOptions} (every flag of {@code jchef cook}, built
 * with a builder), what a cook did ({@link dev.jchef.cook.CookResult}), what it tells a {@link
 * dev.jchef.cook.CookListener} ({@link dev.jchef.cook.CookEvent}s), how it fails ({@link
 * dev.jchef.cook.CookException}) or is stopped ({@link dev.jchef.cook.CookInterrupt}), and the
 * {@link dev.jchef.cook.CookCache} that shares cooked states between machines. {@code
 * dev.jchef.Jchef.cook} drives a {@link dev.jchef.cook.CookRunner} with them.
 *
 * <pre>{@code
 * CookOptions options = CookOptions.builder().release().features(List.of("tls")).locked(true).build();
 * CookResult cooked = Jchef.cook(build).options(options)
 *     .listener(event -> {
 *       if (event instanceof CookEvent.Warning warning) {
 *         System.err.println("warning: " + warning.text());
 *       } else if (event instanceof CookEvent.Progress progress) {
 *         System.err.println(progress.packagesBuilt() + "/" + progress.packagesExpected() + " packages");
 *       }
 *     })
 *     .run(recipe);
 * }</pre>
 */
package dev.jchef.cook;
