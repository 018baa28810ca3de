/**
 * The recipe: {@link dev.jchef.recipe.Recipe}, what a dependency build needs from a workspace;
 * {@link dev.jchef.recipe.RecipeDiff} says why two recipes differ, {@link
 * dev.jchef.recipe.LayerPlan} which packages each member layer builds. Making one (the
 * normalisation steps), reading it from git, its JSON form and planning layers are in packages of
 * their own, for jchef's modules only; {@code dev.jchef.Jchef} is how a caller does them.
 */
module dev.jchef.recipe {
  requires transitive dev.jchef.model;
  requires com.google.common;
  requires org.eclipse.jgit;
  requires com.google.common.jimfs;
  requires tools.jackson.core;
  requires tools.jackson.databind;

  exports dev.jchef.recipe;
  // What a change to prepare touches, each apart: the normalisation steps, git, recipe.json, layers.
  exports dev.jchef.recipe.plan to dev.jchef.skeleton, dev.jchef.cook, dev.jchef.cache;
  exports dev.jchef.recipe.git to dev.jchef.skeleton, dev.jchef.cook, dev.jchef.cache;
  exports dev.jchef.recipe.json to dev.jchef.skeleton, dev.jchef.cook, dev.jchef.cache;
  exports dev.jchef.recipe.layers to dev.jchef.skeleton, dev.jchef.cook, dev.jchef.cache;
}
