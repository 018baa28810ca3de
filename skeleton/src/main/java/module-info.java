/**
 * Writing a recipe back as a skeleton project, safely: {@link dev.jchef.skeleton.SkeletonWriter}
 * never overwrites real work, and {@link dev.jchef.skeleton.RecipeFile} reads and writes
 * recipe.json files atomically.
 */
module dev.jchef.skeleton {
  requires com.google.common;
  requires transitive dev.jchef.recipe;
  requires tools.jackson.core;
  requires tools.jackson.databind;

  exports dev.jchef.skeleton;
}
