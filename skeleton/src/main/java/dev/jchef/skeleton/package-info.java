/**
 * Writing a recipe back as a project of dummy sources, safely: {@link
 * dev.jchef.skeleton.SkeletonWriter} never overwrites a file it did not write; {@link
 * dev.jchef.skeleton.RecipeFile} reads and writes recipe.json in one step. {@code
 * dev.jchef.Jchef.writeSkeleton} and {@code Jchef.writeRecipe} are the same with their defaults.
 *
 * <pre>{@code
 * RecipeFile.write(build.resolve("recipe.json"), recipe);
 * SkeletonReport skeleton = new SkeletonWriter(build, SkeletonOptions.defaults()).write(recipe);
 * System.out.println(skeleton.written().size() + " files written");
 * }</pre>
 */
package dev.jchef.skeleton;
