/**
 * The recipe: what a dependency build needs from a workspace, normalised so that it changes only
 * when those inputs do. {@link dev.jchef.recipe.RecipePlanner} makes it, {@link
 * dev.jchef.recipe.RecipeJson} reads and writes cargo-chef's recipe.json, {@link
 * dev.jchef.recipe.RecipeFingerprint} names it, {@link dev.jchef.recipe.RecipeDiff} says why two
 * differ.
 *
 * <pre>{@code
 * Recipe before = RecipePlanner.prepare(workspace);
 * Recipe after = RecipeJson.read(Files.readString(build.resolve("recipe.json")), "recipe.json");
 * if (!RecipeFingerprint.of(before).equals(RecipeFingerprint.of(after))) {
 *   RecipeDiff.between(before, after).files().forEach(f -> System.out.println(f.file() + ": " + f.changes()));
 * }
 * }</pre>
 */
package dev.jchef.recipe;
