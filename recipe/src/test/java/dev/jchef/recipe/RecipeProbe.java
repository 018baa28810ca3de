package dev.jchef.recipe;

import dev.jchef.recipe.json.RecipeJson;
import dev.jchef.recipe.plan.Planner;
import java.nio.file.Path;

/** Prints the recipe of the workspace {@code args[0]}: run in child JVMs by {@link RecipeBytesAcrossJvmsTest}. */
public final class RecipeProbe {
  private RecipeProbe() {}

  public static void main(String[] args) {
    System.out.print(RecipeJson.write(Planner.prepare(Path.of(args[0]))));
  }
}
