/**
 * The recipe: {@link dev.jchef.recipe.RecipePlanner} plans it from a workspace (or a git
 * revision, {@link dev.jchef.recipe.GitWorkspaceSource}), {@link dev.jchef.recipe.RecipeJson}
 * reads and writes cargo-chef's recipe.json, {@link dev.jchef.recipe.RecipeFingerprint} keys
 * caches by it, and {@link dev.jchef.recipe.RecipeDiff} says why two recipes differ.
 */
module dev.jchef.recipe {
  requires transitive dev.jchef.model;
  requires org.eclipse.jgit;
  requires com.google.common.jimfs;
  requires tools.jackson.core;
  requires tools.jackson.databind;

  exports dev.jchef.recipe;
}
