package dev.jchef.recipe;

/**
 * A recipe's fingerprint, as jchef 0.2 computed it.
 *
 * @deprecated use {@link Recipe#fingerprint()}: the same 64 hex digits. This class goes in the
 *     next release.
 */
@Deprecated(forRemoval = true)
public final class RecipeFingerprint {
  private RecipeFingerprint() {}

  /**
   * Returns {@code recipe.fingerprint()}.
   *
   * @deprecated use {@link Recipe#fingerprint()}
   */
  @Deprecated(forRemoval = true)
  public static String of(Recipe recipe) {
    return recipe.fingerprint();
  }
}
