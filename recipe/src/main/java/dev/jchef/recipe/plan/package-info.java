/**
 * {@code prepare}'s normalisation: {@link dev.jchef.recipe.plan.Planner} applies the steps, each a
 * small class with the reason it exists, to a workspace's manifests and lockfile. For jchef's
 * modules only.
 */
package dev.jchef.recipe.plan;
