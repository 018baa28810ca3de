/**
 * Cooking a recipe: {@link dev.jchef.cook.CookRunner} writes its skeleton, runs cargo on it with
 * {@link dev.jchef.cook.CookOptions}, and removes what the dummies compiled to.
 */
module dev.jchef.cook {
  requires com.google.common;
  requires transitive dev.jchef.skeleton;
  requires tools.jackson.core;
  requires tools.jackson.databind;

  exports dev.jchef;
  exports dev.jchef.cook;

  uses dev.jchef.cook.CookCacheProvider;
}
