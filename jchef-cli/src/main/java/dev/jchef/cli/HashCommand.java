package dev.jchef.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code jchef hash [RECIPE]}: prints the fingerprint of the recipe ({@code recipe.json} by
 * default, as for cook), a cache key for CI.
 */
@Command(
    name = "hash",
    mixinStandardHelpOptions = true,
    description =
        "Print the SHA-256 fingerprint of a recipe, for use as the cache key of the dependency"
            + " layer in CI.")
final class HashCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RECIPE", arity = "0..1", defaultValue = "recipe.json",
      description = "The recipe file (default: ${DEFAULT-VALUE}, as for cook).")
  Path recipe;

  @Mixin VerboseOption verbose;

  @ParentCommand Main main;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine()
        .getOut()
        .println(RecipeFiles.read(main.workingDirectory().resolve(recipe), recipe, spec).fingerprint());
    return ExitCode.OK;
  }
}
