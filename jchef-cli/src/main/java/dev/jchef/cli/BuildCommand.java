package dev.jchef.cli;

import com.google.common.collect.ImmutableList;
import dev.jchef.cook.CargoSubcommand;
import dev.jchef.cook.CookOptions;
import dev.jchef.cook.CookRunner;
import dev.jchef.cook.RealBuild;
import dev.jchef.recipe.LayerPlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
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
      description = "The layer plan (default: ${DEFAULT-VALUE}).")
  Path layersFile;

  @Option(names = "-Z", paramLabel = "FLAG", order = 2, description = "Unstable cargo flag; repeatable.")
  List<String> unstableFlags = new ArrayList<>();

  @Option(names = {"-v", "--verbose"}, order = 3, description = "Pass --verbose to cargo; stack traces on errors.")
  boolean verbose;

  @ArgGroup(exclusive = false, validate = false, heading = "%nPackage Selection:%n", order = 10)
  PackageFlags packages;

  @ArgGroup(exclusive = false, validate = false, heading = "%nTarget Selection:%n", order = 20)
  TargetFlags targets;

  @ArgGroup(exclusive = false, validate = false, heading = "%nFeature Selection:%n", order = 30)
  FeatureFlags features;

  @ArgGroup(exclusive = false, validate = false, heading = "%nCompilation Options:%n", order = 40)
  CompilationFlags compilation;

  @ArgGroup(exclusive = false, validate = false, heading = "%nManifest Options:%n", order = 50)
  ManifestFlags manifest;

  @ParentCommand Main main;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    LayerPlan plan = LayerPlan.read(main.workingDirectory().resolve(layersFile), layersFile.toString());
    RealBuild.Report report =
        CookRunner.in(main.workingDirectory(), options())
            .withEnvironment(main.environment())
            .withOutput(spec.commandLine().getOut(), spec.commandLine().getErr(), main.terminal())
            .build(plan);
    spec.commandLine().getErr().printf(
        Locale.ROOT, "jchef build: %s compiled, %s from the registry, %.1f s%n",
        report.workspaceCompiled().isEmpty() ? "no workspace unit" : String.join(", ", report.workspaceCompiled()),
        report.registryCompiled().size() == 1 ? "1 unit" : report.registryCompiled().size() + " units",
        report.elapsed().toMillis() / 1000.0);
    return ExitCode.OK;
  }

  private CookOptions options() {
    try {
      return new CookOptions(
          CargoSubcommand.BUILD,
          CompilationFlags.value(compilation),
          FeatureFlags.value(features),
          PackageFlags.value(packages),
          TargetFlags.value(targets),
          ManifestFlags.value(manifest),
          ImmutableList.copyOf(unstableFlags),
          verbose,
          false,
          false);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
