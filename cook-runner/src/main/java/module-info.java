/**
 * Cooking a recipe: {@link dev.jchef.Jchef} is the entry point (prepare, read and write a recipe,
 * cook, build the real sources, plan layers, share cooked states through a registry); {@link
 * dev.jchef.cook.CookRunner} is the cook it drives, with {@link dev.jchef.cook.CookOptions}, telling
 * a {@link dev.jchef.cook.CookListener} what happens.
 */
module dev.jchef.cook {
  requires com.google.common;
  requires transitive dev.jchef.skeleton;
  requires tools.jackson.core;
  requires tools.jackson.databind;

  exports dev.jchef;
  exports dev.jchef.cook;
  // How Jchef.Cook finds the registry cache: oci-cache provides it.
  exports dev.jchef.cook.spi to dev.jchef.cache;

  uses dev.jchef.cook.spi.CookCacheProvider;
}
