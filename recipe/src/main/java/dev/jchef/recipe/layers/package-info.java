/**
 * Member layers: planning them from a workspace's history ({@link
 * dev.jchef.recipe.layers.LayerPlanner}), a layer's recipe and the files its packages read. For
 * jchef's modules only.
 */
package dev.jchef.recipe.layers;
