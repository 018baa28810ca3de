package dev.jchef.recipe;

import dev.jchef.recipe.plan.Planner;
import java.nio.file.Path;

/**
 * {@code prepare}, as jchef 0.2 called it.
 *
 * @deprecated use {@code dev.jchef.Jchef.prepare(Path)}: the same recipe, from jchef's one entry
 *     point. This class goes in the next release.
 */
@Deprecated(forRemoval = true)
public final class RecipePlanner {
  private RecipePlanner() {}

  /**
   * Returns the recipe of the workspace {@code directory} belongs to (its root, a member, or a
   * directory inside one, found as cargo finds it), with every member.
   *
   * @throws dev.jchef.model.CargoFileException when the workspace cannot be read, naming the file and line
   * @throws RecipeException when a package cannot be placed in a skeleton
   * @deprecated use {@code dev.jchef.Jchef.prepare(Path)}
   */
  @Deprecated(forRemoval = true)
  public static Recipe prepare(Path directory) {
    return Planner.prepare(directory);
  }
}
