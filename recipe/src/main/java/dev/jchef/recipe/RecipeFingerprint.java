package dev.jchef.recipe;

import dev.jchef.recipe.json.RecipeJson;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;

/**
 * The SHA-256 of a recipe's canonical JSON ({@link RecipeJson#write}), in lower-case hex: a cache
 * key for the dependency layer ({@code jchef hash}). A recipe read from a file and written again
 * has the same fingerprint whatever spacing the file used.
 */
public final class RecipeFingerprint {
  private RecipeFingerprint() {}

  public static String of(Recipe recipe) {
    return Hashing.sha256().hashString(RecipeJson.write(recipe), StandardCharsets.UTF_8).toString();
  }
}
