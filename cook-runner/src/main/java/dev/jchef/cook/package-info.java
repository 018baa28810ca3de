/**
 * Cooking a recipe: {@link dev.jchef.cook.CookRunner} writes its skeleton, runs cargo on it with
 * {@link dev.jchef.cook.CookOptions} and removes what the dummies compiled to; {@link
 * dev.jchef.cook.CookListener} receives what happens as {@link dev.jchef.cook.CookEvent}s; a
 * {@link dev.jchef.cook.CookCache} shares cooked states between machines.
 *
 * <pre>{@code
 * CookOptions options = CookOptions.defaults().withProfile(BuildProfile.RELEASE);
 * CookResult cooked = CookRunner.in(build, options)
 *     .withListener(event -> {
 *       if (event instanceof CookEvent.Warning warning) {
 *         System.err.println("warning: " + warning.text());
 *       }
 *     })
 *     .cook(recipe, Optional.empty());
 * }</pre>
 */
package dev.jchef.cook;
