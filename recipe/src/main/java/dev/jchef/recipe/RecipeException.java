package dev.jchef.recipe;

import dev.jchef.recipe.plan.Planner;

/**
 * A recipe that cannot be made or read: a binary name given to {@link Planner#plan} that
 * matches nothing (the message
 * lists what exists), a workspace jchef cannot turn into a skeleton, or a recipe file that is not
 * valid JSON or not a recipe (the message names the file and the field).
 */
public final class RecipeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Makes the exception, {@code message} naming the file or field and what to do. */
  public RecipeException(String message) {
    super(message);
  }

  /** Makes the exception, {@code message} naming the file or field, with its {@code cause}. */
  public RecipeException(String message, Throwable cause) {
    super(message, cause);
  }
}
