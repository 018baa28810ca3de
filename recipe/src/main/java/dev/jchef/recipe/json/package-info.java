/** cargo-chef's recipe.json: {@link dev.jchef.recipe.json.RecipeJson} reads and writes it. For jchef's modules only. */
package dev.jchef.recipe.json;
