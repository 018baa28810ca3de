package dev.jchef;

import dev.jchef.cook.BuildProfile;
import dev.jchef.cook.CookCache;
import dev.jchef.cook.CookEvent;
import dev.jchef.cook.CookInterrupt;
import dev.jchef.cook.CookListener;
import dev.jchef.cook.CookOptions;
import dev.jchef.cook.CookResult;
import dev.jchef.cook.CookRunner;
import dev.jchef.cook.RealBuild;
import dev.jchef.cook.spi.CookCacheProvider;
import dev.jchef.model.workspace.Workspace;
import dev.jchef.recipe.LayerPlan;
import dev.jchef.recipe.Recipe;
import dev.jchef.recipe.git.GitRevision;
import dev.jchef.recipe.layers.CompileCosts;
import dev.jchef.recipe.layers.LayerPlanner;
import dev.jchef.recipe.plan.Planner;
import dev.jchef.skeleton.RecipeFile;
import dev.jchef.skeleton.SkeletonOptions;
import dev.jchef.skeleton.SkeletonReport;
import dev.jchef.skeleton.SkeletonWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * jchef's entry point: the cargo-chef technique from Java, each step a short chain of calls.
 * Prepare a workspace's recipe, keep it in a file, cook it in a build directory (the dependencies
 * compiled, the dummies' units removed), then build the real sources there:
 *
 * <pre>{@code
 * Recipe recipe = Jchef.prepare(Path.of("my-workspace"));
 * Jchef.writeRecipe(build.resolve("recipe.json"), recipe);
 * CookResult cooked = Jchef.cook(build).release().run(recipe);
 * // copy the real sources into build, then:
 * Jchef.cook(build).release().build();
 * }</pre>
 *
 * <p>Errors are unchecked: {@link dev.jchef.model.CargoFileException} (a Cargo file cannot be
 * read, naming it and the line), {@link dev.jchef.recipe.RecipeException} (no recipe can be made or
 * read), {@link dev.jchef.skeleton.SkeletonRefusedException} (the build directory holds files the
 * skeleton would overwrite), {@link dev.jchef.cook.CookException} (cargo missing or failing, with
 * its exit status, or the cook interrupted), {@link java.io.UncheckedIOException} (a file cannot be
 * read or written, naming it), {@link IllegalArgumentException} (an argument jchef cannot use:
 * a build directory that is a file, contradicting options) and {@link IllegalStateException}
 * ({@code cacheFrom}/{@code cacheTo} without {@code dev.jchef:oci-cache}).
 *
 * <p>cargo runs with the environment given ({@link Cook#environment}, else this process's): a
 * machine without crates.io needs a {@code CARGO_HOME} whose {@code config.toml} replaces it with a
 * vendored directory or a mirror, as cargo itself does.
 */
public final class Jchef {
  private Jchef() {}

  /**
   * Returns the recipe of the workspace {@code directory} belongs to (its root, a member, or a
   * directory inside one, found as cargo finds it), with every member: the same bytes on every
   * machine for the same dependency inputs ({@code jchef prepare}).
   *
   * @throws dev.jchef.model.CargoFileException when the directory does not exist, is in no
   *     workspace, or a Cargo file cannot be read (naming it, the line and column)
   * @throws dev.jchef.recipe.RecipeException when a package cannot be placed in a skeleton
   */
  public static Recipe prepare(Path directory) {
    return Planner.prepare(directory);
  }

  /**
   * Returns the recipe of the workspace {@code directory} belongs to, keeping only the members
   * the binaries {@code bins} need ({@code jchef prepare --bin}): member package names or their
   * binary targets' names; several give the union.
   *
   * @throws dev.jchef.model.CargoFileException as {@link #prepare(Path)}
   * @throws dev.jchef.recipe.RecipeException when a name matches nothing (the message lists what
   *     exists)
   */
  public static Recipe prepare(Path directory, String... bins) {
    return Planner.plan(Workspace.find(directory), List.of(bins));
  }

  /**
   * Returns the recipe of the workspace at {@code directory} as it was at the git revision {@code
   * revision} (a hash, branch, tag, {@code HEAD~3}), read from the repository without a checkout:
   * the same bytes as preparing a checkout of it ({@code jchef prepare --git-rev}).
   *
   * @throws dev.jchef.recipe.RecipeException when there is no repository there, or no such revision
   * @throws dev.jchef.model.CargoFileException when a Cargo file of the revision cannot be read
   */
  public static Recipe prepareRevision(Path directory, String revision) {
    return GitRevision.of(directory, revision).prepare(List.of());
  }

  /**
   * Returns the recipe in {@code file} (recipe.json, jchef's or cargo-chef's); fields it does not
   * know are ignored.
   *
   * @throws dev.jchef.recipe.RecipeException naming the file: it does not exist, cannot be read, is
   *     larger than 64 MiB, or is not a recipe (naming the field)
   */
  public static Recipe readRecipe(Path file) {
    return RecipeFile.read(file);
  }

  /**
   * Writes {@code recipe} to {@code file} in one step (missing directories made): a reader never
   * finds half a recipe, and a failed write leaves the old file.
   *
   * @throws dev.jchef.recipe.RecipeException when something other than a recipe is at {@code file}
   *     (a source, a manifest, a directory): it is never replaced
   * @throws java.io.UncheckedIOException when the file cannot be written
   */
  public static void writeRecipe(Path file, Recipe recipe) {
    RecipeFile.write(file, recipe);
  }

  /** Returns the recipe's fingerprint: 64 hex digits that change exactly when its bytes do. */
  public static String fingerprint(Recipe recipe) {
    return recipe.fingerprint();
  }

  /**
   * Writes the skeleton of {@code recipe} into {@code directory}: its manifests, lockfile,
   * configuration and toolchain file, and a dummy source for every target ({@code jchef cook
   * --no-build}). Files an earlier skeleton wrote and this recipe lacks are removed; nothing jchef
   * did not write is ever overwritten.
   *
   * @return the files written, unchanged and removed
   * @throws dev.jchef.skeleton.SkeletonRefusedException when a file the skeleton would write holds
   *     real work, or a path escapes the directory; nothing is written
   */
  public static SkeletonReport writeSkeleton(Path directory, Recipe recipe) {
    return new SkeletonWriter(directory, SkeletonOptions.defaults()).write(recipe);
  }

  /**
   * Returns a plan of at most {@code maxLayers} member layers for the workspace at {@code
   * directory}, from the last 200 commits of its git history, compile times estimated from the
   * size of each package's sources ({@code jchef layers}).
   *
   * @throws dev.jchef.recipe.RecipeException when the workspace is in no git repository
   * @throws dev.jchef.model.CargoFileException when a Cargo file cannot be read
   */
  public static LayerPlan planLayers(Path directory, int maxLayers) {
    Workspace workspace = Workspace.find(directory);
    return LayerPlanner.suggest(
            workspace, GitRevision.of(workspace.root(), "HEAD"), 200, maxLayers,
            CompileCosts.standIn(workspace, CompileCosts.DEFAULT_STEP_SECONDS))
        .plan();
  }

  /** Returns a cook in the build directory {@code directory}, with the dev profile and this process's environment. */
  public static Cook cook(Path directory) {
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    return new Cook(
        directory, CookOptions.defaults(), System.getenv(), CookListener.printing(err, err, false), List.of(),
        Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * A cook in one build directory, and the real build after it: immutable, each method returns a
   * changed copy; {@link #run}, {@link #layer} and {@link #build} do the work.
   */
  public static final class Cook {
    private final Path directory;
    private final CookOptions options;
    private final Map<String, String> environment;
    private final CookListener listener;
    private final List<String> cacheFrom;
    private final Optional<String> cacheTo;
    private final Optional<CookCache> cache;
    private final Optional<CookInterrupt> interrupt;

    private Cook(
        Path directory, CookOptions options, Map<String, String> environment, CookListener listener,
        List<String> cacheFrom, Optional<String> cacheTo, Optional<CookCache> cache, Optional<CookInterrupt> interrupt) {
      this.directory = directory;
      this.options = options;
      this.environment = Map.copyOf(environment);
      this.listener = listener;
      this.cacheFrom = List.copyOf(cacheFrom);
      this.cacheTo = cacheTo;
      this.cache = cache;
      this.interrupt = interrupt;
    }

    private Cook with(CookOptions newOptions) {
      return new Cook(directory, newOptions, environment, listener, cacheFrom, cacheTo, cache, interrupt);
    }

    /** Returns this cook with the release profile ({@code --release}). */
    public Cook release() {
      return with(options.withProfile(BuildProfile.RELEASE));
    }

    /**
     * Returns this cook with the profile {@code name} ({@code --profile}: {@code dev}, {@code
     * release}, a custom one).
     *
     * @throws IllegalArgumentException when {@code name} is blank
     */
    public Cook profile(String name) {
      return with(options.withProfile(BuildProfile.named(name)));
    }

    /** Returns this cook with these features on, besides those given before ({@code --features}). */
    public Cook features(String... features) {
      return with(options.toBuilder().features(List.of(features)).build());
    }

    /** Returns this cook also building for the target triple {@code triple} ({@code --target}). */
    public Cook target(String triple) {
      return with(options.toBuilder().target(triple).build());
    }

    /** Returns this cook with cargo offline and the lockfile as it is ({@code --offline --locked}). */
    public Cook offline() {
      return with(options.toBuilder().offline(true).locked(true).build());
    }

    /**
     * Returns this cook with {@code newOptions}, every flag of {@code jchef cook} ({@link
     * CookOptions#builder()}), instead of those given so far.
     */
    public Cook options(CookOptions newOptions) {
      return with(newOptions);
    }

    /** Returns this cook running cargo with {@code newEnvironment} instead of this process's. */
    public Cook environment(Map<String, String> newEnvironment) {
      return new Cook(directory, options, newEnvironment, listener, cacheFrom, cacheTo, cache, interrupt);
    }

    /**
     * Returns this cook writing cargo's output, jchef's notes and warnings and plain progress lines
     * to {@code writer}, as the command line does in a log (the default: this process's error stream).
     */
    public Cook output(PrintWriter writer) {
      return listener(CookListener.printing(writer, writer, false));
    }

    /** Returns this cook telling {@code listener} what happens ({@link CookEvent}s) instead of printing it. */
    public Cook listener(CookListener listener) {
      return new Cook(directory, options, environment, listener, cacheFrom, cacheTo, cache, interrupt);
    }

    /**
     * Returns this cook restoring the closest cooked state from the OCI repositories {@code
     * repositories} ({@code host[:port]/path}; {@code --cache-from}), tried in order. Needs {@code
     * dev.jchef:oci-cache} on the class or module path; without it {@link #run} throws an {@link
     * IllegalStateException} saying so. A registry that is down, slow or refuses the login costs a
     * warning and a cook without the state, never the cook.
     */
    public Cook cacheFrom(String... repositories) {
      List<String> from = new ArrayList<>(cacheFrom);
      from.addAll(List.of(repositories));
      return new Cook(directory, options, environment, listener, from, cacheTo, cache, interrupt);
    }

    /** Returns this cook storing its state in the OCI repository {@code repository} ({@code --cache-to}). */
    public Cook cacheTo(String repository) {
      return new Cook(directory, options, environment, listener, cacheFrom, Optional.of(repository), cache, interrupt);
    }

    /**
     * Returns this cook stopped by {@code newInterrupt}: {@link CookInterrupt#raise()} from another
     * thread (a cancel button, a signal handler) ends cargo, removes the dummies' units, and makes
     * the cook throw a {@link dev.jchef.cook.CookException} whose {@code interrupted()} is true.
     */
    public Cook interrupt(CookInterrupt newInterrupt) {
      return new Cook(directory, options, environment, listener, cacheFrom, cacheTo, cache, Optional.of(newInterrupt));
    }

    /** Returns this cook sharing states through {@code newCache}, instead of {@link #cacheFrom}/{@link #cacheTo}. */
    public Cook cache(CookCache newCache) {
      return new Cook(directory, options, environment, listener, cacheFrom, cacheTo, Optional.of(newCache), interrupt);
    }

    /**
     * Returns the cook key of {@code recipe}: 64 hex digits that change exactly when the recipe,
     * this cook's options (not {@code --jobs}, {@code --timings} or {@code --verbose}, which change
     * how cargo works, not what it makes) or the toolchain do ({@code cargo -V} and {@code rustc
     * -vV}, run in the build directory, or where rustup would look from it when it is not made
     * yet); a cache of cooked directories is keyed by it. No cache is opened.
     *
     * @throws dev.jchef.cook.CookException when cargo or rustc cannot be found or run
     */
    public String key(Recipe recipe) {
      return runner().key(recipe);
    }

    /**
     * Cooks {@code recipe}: writes its skeleton into the build directory (made when missing) and
     * builds the dependencies ({@code jchef cook}); {@link Jchef#writeRecipe} keeps the recipe in a
     * file when you want one there too.
     *
     * @return what was compiled, found fresh and removed, and how long it took
     * @throws dev.jchef.skeleton.SkeletonRefusedException when a file the skeleton would write holds
     *     real work; nothing is written
     * @throws dev.jchef.cook.CookException when cargo is missing or fails (its exit status), or an
     *     interrupt stopped the cook ({@code interrupted()})
     * @throws IllegalStateException with {@link #cacheFrom}/{@link #cacheTo} but no {@code
     *     dev.jchef:oci-cache} on the class or module path
     * @throws IllegalArgumentException when the build directory is a file
     */
    public CookResult run(Recipe recipe) {
      return cookingRunner().cook(recipe, Optional.empty());
    }

    /**
     * Builds layer {@code k} (from 1) of {@code plan}, after that layer's packages were copied into
     * the build directory ({@code jchef cook --layer K}).
     */
    public CookResult layer(Recipe recipe, LayerPlan plan, int k) {
      return runner().cookLayer(recipe, plan, k, Optional.empty());
    }

    /**
     * Builds the real sources copied into the cooked build directory ({@code cargo build} with this
     * cook's options).
     *
     * @return what cargo compiled: after a cook, only the workspace's own packages
     * @throws dev.jchef.cook.CookException when cargo is missing or fails (its exit status), or an
     *     interrupt stopped it ({@code interrupted()})
     */
    public RealBuild.Report build() {
      return runner().build();
    }

    /** Builds the real sources of a workspace built in member layers ({@code jchef build}). */
    public RealBuild.Report build(LayerPlan plan) {
      return runner().build(plan);
    }

    /** The runner of this cook's directory, options, environment, listener and interrupt. */
    private CookRunner runner() {
      if (Files.exists(directory) && !Files.isDirectory(directory)) {
        throw new IllegalArgumentException(directory + ": not a directory: a cook needs a build directory (made when missing)");
      }
      CookRunner runner = CookRunner.in(directory, options).withEnvironment(environment).withListener(listener);
      return interrupt.isPresent() ? runner.withInterrupt(interrupt.get()) : runner;
    }

    /** {@link #runner()} with this cook's cache, if it has one. */
    private CookRunner cookingRunner() {
      CookRunner runner = runner();
      Optional<CookCache> chosen = cache.or(this::registryCache);
      return chosen.isPresent() ? runner.withCache(chosen.get()) : runner;
    }

    private Optional<CookCache> registryCache() {
      if (cacheFrom.isEmpty() && cacheTo.isEmpty()) {
        return Optional.empty();
      }
      CookCacheProvider provider =
          ServiceLoader.load(CookCacheProvider.class, Jchef.class.getClassLoader()).findFirst()
              .orElseThrow(() -> new IllegalStateException(
                  "cacheFrom/cacheTo need a registry cache: add dev.jchef:oci-cache to the class or module path"));
      try {
        return Optional.of(provider.open(cacheFrom, cacheTo, environment));
      } catch (LinkageError e) {
        // A runtime without a module the registry client needs: the cache is lost, not the cook.
        listener.on(new CookEvent.Warning("cache: not used: the registry client cannot load: " + e + "; cooking without it"));
        return Optional.empty();
      }
    }
  }
}
