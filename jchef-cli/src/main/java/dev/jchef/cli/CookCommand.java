package dev.jchef.cli;

import dev.jchef.cache.OciCookCache;
import dev.jchef.cache.RegistryLogin;
import dev.jchef.cook.CookCache;
import dev.jchef.cook.CookException;
import dev.jchef.cook.CookInterrupt;
import dev.jchef.cook.CookOptions;
import dev.jchef.cook.CookResult;
import dev.jchef.cook.CookRunner;
import dev.jchef.recipe.LayerPlan;
import dev.jchef.recipe.Recipe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code jchef cook}: writes the recipe's skeleton into the current directory and builds it, with
 * cargo-chef's flags.
 */
@Command(
    name = "cook",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "Write the recipe's skeleton (manifests, lockfile, dummy sources) into the current"
            + " directory, which must hold nothing but the recipe and build caches, and build it"
            + " with cargo, so that the dependencies are compiled; then remove what the dummies"
            + " compiled to.")
final class CookCommand implements Callable<Integer> {
  @Option(names = "--recipe-path", paramLabel = "FILE", defaultValue = "recipe.json",
      description = "The recipe to cook (default: ${DEFAULT-VALUE}).")
  Path recipePath;

  @ArgGroup(exclusive = true, multiplicity = "0..1", order = 1)
  SubcommandChoice subcommand;

  @Option(names = "--no-std", order = 2, description = "Write #![no_std] dummy sources (not for proc-macros).")
  boolean noStd;

  @Option(names = "--sccache", order = 3,
      description = "Compile through sccache (RUSTC_WRAPPER), honouring SCCACHE_* settings; its hits and misses join the summary.")
  boolean sccache;

  @Option(names = "--cache-from", paramLabel = "REF", order = 4,
      description = "Before cargo runs, restore the closest cooked state stored in the OCI repository REF"
          + " (host[:port]/path; repeatable, tried in order): this recipe's, else the newest with the same flags,"
          + " toolchain and paths, so that cargo compiles only what changed. Plain HTTP for a loopback registry"
          + " or one registries.conf marks insecure.")
  List<String> cacheFrom = new ArrayList<>();

  @Option(names = "--cache-to", paramLabel = "REF", order = 4,
      description = "After a successful cook, store its state (the dependency units it used, never a dummy's)"
          + " in the OCI repository REF, for --cache-from. Credentials: JCHEF_CACHE_USERNAME and"
          + " JCHEF_CACHE_PASSWORD, else Docker's config.json (DOCKER_CONFIG, REGISTRY_AUTH_FILE).")
  String cacheTo;

  @Option(names = "--cache-timeout", paramLabel = "SECONDS", order = 5, defaultValue = "60",
      description = "Give up on a registry that makes no progress for SECONDS (default: ${DEFAULT-VALUE});"
          + " the cook goes on without it.")
  long cacheTimeout;

  @Option(names = "--layer", paramLabel = "K", order = 6,
      description = "Build layer K of the layer plan (jchef layers) for real, after its packages' files were copied in.")
  Integer layer;

  @Option(names = "--layers", paramLabel = "FILE", order = 7, defaultValue = LayerPlan.FILE_NAME,
      description = "The layer plan, with --layer (default: ${DEFAULT-VALUE}).")
  Path layersFile;

  @Mixin CargoFlags cargo;

  @ParentCommand Main main;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    CookOptions options = options();
    Path recipeFile = main.workingDirectory().resolve(recipePath);
    Recipe recipe = RecipeFiles.read(recipeFile, recipePath, spec);
    CookRunner runner =
        CookRunner.in(main.workingDirectory(), options)
            .withEnvironment(main.environment())
            .withOutput(spec.commandLine().getOut(), spec.commandLine().getErr(), main.terminal());
    Optional<CookCache> cache = cache();
    if (cache.isPresent()) {
      runner = runner.withCache(cache.get());
    }
    Optional<LayerPlan> plan = Optional.empty();
    if (layer != null) {
      plan = Optional.of(LayerPlan.read(main.workingDirectory().resolve(layersFile), layersFile.toString()));
      if (layer < 1 || layer > plan.get().layers().size()) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--layer " + layer + ": " + layersFile + " has layers 1 to " + plan.get().layers().size());
      }
    }
    CookInterrupt interrupt = new CookInterrupt();
    CookResult result;
    try (CookSignals signals = CookSignals.install(interrupt)) {
      try {
        result = cook(runner.withInterrupt(interrupt), recipe, plan, Optional.of(recipeFile));
      } catch (CookException e) {
        if (!e.interrupted()) {
          throw e;
        }
        // Cleaned up as after a failed build; cargo's messages after the signal were dropped.
        spec.commandLine().getErr().println("jchef cook: " + e.getMessage());
        return signals.exitCode();
      }
    }
    spec.commandLine().getErr().println("jchef cook: " + result.summary());
    return ExitCode.OK;
  }

  private CookResult cook(CookRunner runner, Recipe recipe, Optional<LayerPlan> plan, Optional<Path> recipeFile) {
    return plan.isEmpty()
        ? runner.cook(recipe, recipeFile)
        : runner.cookLayer(recipe, plan.get(), layer, recipeFile);
  }

  /** The registry cache of --cache-from and --cache-to, if either is given. */
  private Optional<CookCache> cache() {
    if (cacheFrom.isEmpty() && cacheTo == null) {
      return Optional.empty();
    }
    if (layer != null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--cache-from and --cache-to cook the dependencies; a --layer step does not use them");
    }
    if (cacheTimeout <= 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--cache-timeout must be a positive number of seconds");
    }
    OciCookCache cache;
    try {
      cache = OciCookCache.of(cacheFrom, Optional.ofNullable(cacheTo));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    cache = cache.withEnvironment(main.environment()).withTimeout(Duration.ofSeconds(cacheTimeout));
    String username = main.environment().get("JCHEF_CACHE_USERNAME");
    String password = main.environment().get("JCHEF_CACHE_PASSWORD");
    if ((username == null) != (password == null)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "JCHEF_CACHE_USERNAME and JCHEF_CACHE_PASSWORD go together: set both, or neither");
    }
    return Optional.of(username == null ? cache : cache.withLogin(new RegistryLogin(username, password)));
  }

  CookOptions options() {
    return cargo.options(subcommand, noStd, sccache, spec);
  }

}
