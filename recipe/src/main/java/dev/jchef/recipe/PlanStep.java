package dev.jchef.recipe;

/** One normalisation of a recipe, applied by {@link RecipePlanner} in a fixed order. */
interface PlanStep {
  Plan apply(Plan plan);
}
