package dev.jchef.cli;

import dev.jchef.recipe.Recipe;
import dev.jchef.recipe.RecipeDiff;
import dev.jchef.recipe.RecipeException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code jchef diff OLD NEW}: why two recipes differ, grouped per file, or one line saying they
 * are equal. Exits like {@code diff}: 0 when equal, 1 when different, 2 on error.
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description =
        "Show why two recipes differ, grouped per file: manifests added or removed, keys changed,"
            + " targets, lockfile packages, config and toolchain files. Exit 0 when equal, 1 when"
            + " different, 2 on error.")
final class DiffCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "OLD", description = "The earlier recipe.")
  Path before;

  @Parameters(index = "1", paramLabel = "NEW", description = "The later recipe.")
  Path after;

  @Mixin VerboseOption verbose;

  @ParentCommand Main main;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Recipe oldRecipe;
    Recipe newRecipe;
    try {
      oldRecipe = RecipeFiles.read(main.workingDirectory().resolve(before), before, spec);
      newRecipe = RecipeFiles.read(main.workingDirectory().resolve(after), after, spec);
    } catch (RecipeException e) {
      spec.commandLine().getErr().println("jchef diff: " + e.getMessage());
      return ExitCode.USAGE; // as diff: 2 for trouble
    }
    RecipeDiff diff = RecipeDiff.between(oldRecipe, newRecipe);
    PrintWriter out = spec.commandLine().getOut();
    if (diff.isEmpty()) {
      out.println(equal(oldRecipe, newRecipe));
    } else {
      out.print(diff.render());
    }
    out.flush();
    return diff.isEmpty() ? ExitCode.OK : ExitCode.DIFFERENT;
  }

  /**
   * The line for recipes without a difference: equal, or (recipes of another tool, written with
   * other spacing or key order) equal in content while their fingerprints, the cache keys, differ.
   */
  private String equal(Recipe oldRecipe, Recipe newRecipe) {
    String oldFingerprint = oldRecipe.fingerprint();
    String newFingerprint = newRecipe.fingerprint();
    if (oldFingerprint.equals(newFingerprint)) {
      return before + " and " + after + " are equal (fingerprint " + oldFingerprint.substring(0, 12) + ")";
    }
    return before + " and " + after + " say the same, written differently; their fingerprints differ ("
        + oldFingerprint.substring(0, 12) + ", " + newFingerprint.substring(0, 12)
        + "): prepare both with one tool to compare cache keys";
  }
}
