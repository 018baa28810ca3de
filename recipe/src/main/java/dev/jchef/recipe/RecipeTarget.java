package dev.jchef.recipe;

import static java.util.Objects.requireNonNull;

import dev.jchef.model.TargetKind;
import java.util.Comparator;

/**
 * A build target in a recipe: what cook writes a dummy source for. cargo-chef's target: a path
 * relative to the manifest's directory, a kind, and a name; a lib's kind says whether it is a
 * procedural macro.
 */
public record RecipeTarget(String path, TargetKind kind, boolean procMacro, String name) {

  /** cargo-chef's order: path, then kind (lib before proc-macro lib, then bin ...), then name. */
  public static final Comparator<RecipeTarget> ORDER =
      Comparator.comparing(RecipeTarget::path)
          .thenComparing(RecipeTarget::kind)
          .thenComparing(RecipeTarget::procMacro)
          .thenComparing(RecipeTarget::name);

  /**
   * @throws IllegalArgumentException when a target that is not a lib is a proc-macro
   */
  public RecipeTarget {
    requireNonNull(path);
    requireNonNull(kind);
    requireNonNull(name);
    if (procMacro && kind != TargetKind.LIB) {
      throw new IllegalArgumentException("only a lib can be a proc-macro");
    }
  }
}
