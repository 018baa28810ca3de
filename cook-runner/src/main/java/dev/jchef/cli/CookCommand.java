package dev.jchef.cli;

import dev.jchef.recipe.Recipe;
import dev.jchef.skeleton.SkeletonOptions;
import dev.jchef.skeleton.SkeletonReport;
import dev.jchef.skeleton.SkeletonWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code jchef cook}: writes the recipe's skeleton into the current directory. */
@Command(
    name = "cook",
    mixinStandardHelpOptions = true,
    description =
        "Write the recipe's skeleton (manifests, lockfile, dummy sources) into the current"
            + " directory, which must be empty but for the recipe.")
final class CookCommand implements Callable<Integer> {
  @Option(
      names = "--recipe-path",
      paramLabel = "FILE",
      defaultValue = "recipe.json",
      description = "The recipe to cook (default: ${DEFAULT-VALUE}).")
  Path recipePath;

  @Option(names = "--no-build", description = "Only write the skeleton; do not run cargo.")
  boolean noBuild;

  @Option(names = "--no-std", description = "Write #![no_std] dummy sources.")
  boolean noStd;

  @Mixin VerboseOption verbose;

  @ParentCommand Main main;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (!noBuild) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "building is not available yet: use --no-build");
    }
    Path recipeFile = main.workingDirectory().resolve(recipePath);
    Recipe recipe = RecipeFiles.read(recipeFile, recipePath);
    SkeletonReport report =
        new SkeletonWriter(
                main.workingDirectory(),
                SkeletonOptions.defaults().withNoStd(noStd).withRecipeFile(recipeFile))
            .write(recipe);
    if (verbose.verbose) {
      PrintWriter err = spec.commandLine().getErr();
      err.printf(
          "jchef cook: skeleton written: %d files written, %d unchanged, %d removed%n",
          report.written().size(), report.unchanged().size(), report.removed().size());
    }
    return ExitCode.OK;
  }
}
