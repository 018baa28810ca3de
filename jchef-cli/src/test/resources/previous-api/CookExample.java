import dev.jchef.cook.BuildProfile;
import dev.jchef.cook.CookException;
import dev.jchef.cook.CookOptions;
import dev.jchef.cook.CookResult;
import dev.jchef.cook.CookRunner;
import dev.jchef.cook.RealBuild;
import dev.jchef.recipe.Recipe;
import dev.jchef.recipe.RecipeFingerprint;
import dev.jchef.recipe.RecipePlanner;
import dev.jchef.skeleton.RecipeFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

public class CookExample {
  public static void main(String[] args) {
    Path sources = Path.of(args[0]);   // the workspace, or any directory inside it
    Path build = Path.of(args[1]);     // a directory that holds nothing but build caches

    Recipe recipe = RecipePlanner.prepare(sources);
    System.out.println("recipe " + RecipeFingerprint.of(recipe));
    Path recipeFile = build.resolve("recipe.json");
    RecipeFile.write(recipeFile, recipe);   // atomically: never half a recipe

    CookOptions options = CookOptions.defaults().withProfile(BuildProfile.RELEASE);
    PrintWriter log = new PrintWriter(System.out, true);
    try {
      CookResult cooked =
          CookRunner.in(build, options)
              .withOutput(log, log, false)   // cargo's output and the progress, not on a terminal
              .cook(recipe, Optional.of(recipeFile));
      System.out.println("cooked: " + cooked.summary());
    } catch (CookException e) {             // cargo missing or failing: its exit status
      System.err.println(e.getMessage());
      System.exit(e.exitCode());
    }
    // Copy the real sources into the build directory, then build only the workspace's crates:
    RealBuild.Report report = RealBuild.run(build, options, System.getenv(), log, log);
    System.out.println(report.workspaceCompiled());
  }
}
