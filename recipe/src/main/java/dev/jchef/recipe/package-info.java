/**
 * The recipe: what a dependency build needs from a workspace, normalised so that it changes only
 * when those inputs do. {@code dev.jchef.Jchef.prepare} makes one and {@code Jchef.readRecipe}
 * reads one; {@link dev.jchef.recipe.RecipeDiff} says why two differ, which is why a cache keyed
 * by the recipe missed.
 *
 * <pre>{@code
 * Recipe before = Jchef.readRecipe(build.resolve("recipe.json"));
 * Recipe after = Jchef.prepare(workspace);
 * RecipeDiff diff = RecipeDiff.between(before, after);
 * if (!diff.isEmpty()) {
 *   diff.files().forEach(f -> System.out.println(f.file() + ": " + f.changes()));
 * }
 * for (RecipeManifest manifest : after.manifests()) {
 *   System.out.println(manifest.relativePath() + ": " + manifest.targets().size() + " targets");
 * }
 * }</pre>
 */
package dev.jchef.recipe;
