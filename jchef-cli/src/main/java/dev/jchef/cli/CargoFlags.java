package dev.jchef.cli;

import dev.jchef.cook.CookOptions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The cargo flags {@code jchef cook} and {@code jchef build} share, a picocli mixin: {@code -Z},
 * {@code -v}, and the groups of {@code cargo help build} (package, target and feature selection,
 * compilation and manifest options).
 */
final class CargoFlags {
  @Option(names = "-Z", paramLabel = "FLAG", order = 4, description = "Unstable cargo flag; repeatable.")
  List<String> unstableFlags = new ArrayList<>();

  @Option(names = {"-v", "--verbose"}, order = 5, description = "Pass --verbose to cargo; stack traces on errors.")
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

  /**
   * The options these flags give, with a command's own choices.
   *
   * @throws CommandLine.ParameterException for flags that contradict each other, as a wrong command line
   */
  CookOptions options(SubcommandChoice subcommand, boolean noStd, boolean sccache, CommandSpec spec) {
    try {
      CookOptions.Builder options = CookOptions.builder();
      SubcommandChoice.apply(subcommand, options);
      CompilationFlags.apply(compilation, options);
      FeatureFlags.apply(features, options);
      PackageFlags.apply(packages, options);
      TargetFlags.apply(targets, options);
      ManifestFlags.apply(manifest, options);
      return options.unstableFlags(unstableFlags).verbose(verbose).noStd(noStd).sccache(sccache).build();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
