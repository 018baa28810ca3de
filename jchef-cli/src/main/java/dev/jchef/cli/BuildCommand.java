package dev.jchef.cli;

import dev.jchef.cook.CookOptions;
import dev.jchef.cook.CookRunner;
import dev.jchef.cook.RealBuild;
import dev.jchef.recipe.LayerPlan;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code jchef build}: the final step of a build in member layers: {@code cargo build} on the real
 * workspace, with the layer packages' units kept exactly when their content is what they were
 * built from, and that content recorded afterwards.
 */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "The final step of a build in member layers (jchef layers): run cargo build on the real"
            + " workspace, reusing a layer package's compiled units only while its files are the ones"
            + " they were built from, and record what this build compiled them from, in the target"
            + " directory, for the next build. Takes cargo build's flags.")
final class BuildCommand implements Callable<Integer> {
  @Option(names = "--layers", paramLabel = "FILE", defaultValue = LayerPlan.FILE_NAME, order = 1,
      description = "The layer plan (default: ${DEFAULT-VALUE}, beside the manifest of --manifest-path when given).")
  Path layersFile;

  @Mixin CargoFlags cargo;

  @ParentCommand Main main;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    // With --manifest-path the workspace is that manifest's directory, and the plan is found there.
    CookOptions options = options();
    Optional<Path> manifestPath = options.manifestPath().map(main.workingDirectory()::resolve);
    Path root = manifestPath.map(Path::getParent).orElse(main.workingDirectory());
    if (manifestPath.isPresent()) {
      options = options.toBuilder().manifestPath(manifestPath.get()).build();
    }
    Path planFile = manifestPath.isPresent() && !layersFile.isAbsolute() ? root.resolve(layersFile) : main.workingDirectory().resolve(layersFile);
    LayerPlan plan = LayerPlan.read(planFile, layersFile.toString());
    RealBuild.Report report =
        CookRunner.in(root, options)
            .withEnvironment(main.environment())
            .withOutput(spec.commandLine().getOut(), spec.commandLine().getErr(), main.terminal())
            .build(plan);
    spec.commandLine().getErr().printf(
        Locale.ROOT, "jchef build: %s compiled, %s from the registry, %.1f s%n",
        report.workspaceCompiled().isEmpty()
            ? "no workspace unit"
            : report.workspaceCompiled().stream().map(RealBuild::unitName).collect(Collectors.joining(", ")),
        report.registryCompiled().size() == 1 ? "1 unit" : report.registryCompiled().size() + " units",
        report.elapsed().toMillis() / 1000.0);
    return ExitCode.OK;
  }

  CookOptions options() {
    return cargo.options(null, false, false, spec);
  }
}
