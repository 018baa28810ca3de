package dev.jchef.cli;

import dev.jchef.recipe.RecipeDiff;
import dev.jchef.recipe.RecipeException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code jchef diff OLD NEW}: why two recipes differ, grouped per file. Exits like {@code diff}:
 * 0 when equal, 1 when different, 2 on error.
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
    RecipeDiff diff;
    try {
      diff =
          RecipeDiff.between(
              RecipeFiles.read(main.workingDirectory().resolve(before), before, spec),
              RecipeFiles.read(main.workingDirectory().resolve(after), after, spec));
    } catch (RecipeException e) {
      spec.commandLine().getErr().println("jchef diff: " + e.getMessage());
      return ExitCode.USAGE; // as diff: 2 for trouble
    }
    spec.commandLine().getOut().print(diff.render());
    spec.commandLine().getOut().flush();
    return diff.isEmpty() ? ExitCode.OK : ExitCode.DIFFERENT;
  }
}
