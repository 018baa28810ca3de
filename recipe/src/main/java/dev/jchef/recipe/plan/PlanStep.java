package dev.jchef.recipe.plan;


/** One normalisation of a recipe, applied by {@link Planner} in a fixed order. */
interface PlanStep {
  Plan apply(Plan plan);
}
