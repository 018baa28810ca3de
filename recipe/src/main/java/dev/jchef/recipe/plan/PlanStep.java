package dev.jchef.recipe.plan;

import dev.jchef.recipe.plan.Planner;

/** One normalisation of a recipe, applied by {@link Planner} in a fixed order. */
interface PlanStep {
  Plan apply(Plan plan);
}
