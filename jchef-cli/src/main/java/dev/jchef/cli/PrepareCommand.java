package dev.jchef.cli;

import dev.jchef.model.workspace.Workspace;
import dev.jchef.recipe.Recipe;
import dev.jchef.recipe.git.GitWorkspaceSource;
import dev.jchef.recipe.layers.ProvidedFiles;
import dev.jchef.recipe.plan.Planner;
import dev.jchef.skeleton.RecipeFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code jchef prepare}: writes the recipe of the workspace in the current directory. */
@Command(
    name = "prepare",
    mixinStandardHelpOptions = true,
    description =
        "Write the recipe of the Cargo workspace the current directory belongs to (found as cargo"
            + " finds it): the dependency build's inputs, normalised so that it changes only when"
            + " they do.")
final class PrepareCommand implements Callable<Integer> {
  @Option(
      names = "--recipe-path",
      paramLabel = "FILE",
      defaultValue = "recipe.json",
      description = "Where to write the recipe (default: ${DEFAULT-VALUE}).")
  Path recipePath;

  @Option(
      names = "--bin",
      paramLabel = "NAME",
      description =
          "Only what this member package or binary target needs; repeat for several (the union).")
  List<String> bins = new ArrayList<>();

  @Option(
      names = "--git-rev",
      paramLabel = "REV",
      description = "Prepare the workspace as it was at this git revision, read from git without a checkout.")
  String gitRevision;

  @Mixin GitLocation git;

  @Mixin VerboseOption verbose;

  @Option(names = {"-q", "--quiet"}, description = "Print nothing on success.")
  boolean quiet;

  @ParentCommand Main main;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Workspace workspace;
    String where;
    if (gitRevision != null) {
      workspace = GitWorkspaceSource.find(git.revision(main.workingDirectory(), gitRevision));
      where = " for " + gitRevision;
    } else {
      workspace = Workspace.find(main.workingDirectory());
      where =
          workspace.root().equals(main.workingDirectory().normalize())
              ? ""
              : " for the workspace at " + workspace.root();
    }
    workspace.warnings().forEach(warning -> err.println("jchef prepare: warning: " + warning));
    Recipe recipe = Planner.plan(workspace, bins);
    ProvidedFiles.of(recipe).warnings().forEach(warning -> err.println("jchef prepare: warning: " + warning));
    RecipeFile.write(main.workingDirectory().resolve(recipePath), recipe);
    if (!quiet) {
      err.printf(
          "jchef prepare: %s written%s: %s, %s, fingerprint %s%n",
          recipePath, where, Plural.count(workspace.members().size(), "member"),
          Plural.count(recipe.manifests().size(), "manifest"), recipe.fingerprint().substring(0, 12));
    }
    return ExitCode.OK;
  }
}
