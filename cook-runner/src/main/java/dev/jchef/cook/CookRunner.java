package dev.jchef.cook;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.jchef.model.CargoFileException;
import dev.jchef.model.TargetKind;
import dev.jchef.model.internal.JchefFiles;
import dev.jchef.model.workspace.CargoConfig;
import dev.jchef.model.workspace.Lockfile;
import dev.jchef.model.workspace.Manifest;
import dev.jchef.recipe.LayerPlan;
import dev.jchef.recipe.Recipe;
import dev.jchef.recipe.RecipeManifest;
import dev.jchef.recipe.layers.LayerRecipe;
import dev.jchef.recipe.layers.ProvidedFiles;
import dev.jchef.skeleton.SkeletonOptions;
import dev.jchef.skeleton.SkeletonReport;
import dev.jchef.skeleton.SkeletonWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * {@code cook}: writes a recipe's skeleton into a directory ({@link SkeletonWriter}), builds it
 * with cargo so that the dependencies are compiled in the target directory, then removes what the
 * dummy sources compiled to ({@link DummyArtifactCleaner}). The directory is then ready for the
 * real sources, whose build compiles only the workspace's own crates.
 *
 * <p>cargo is {@code $CARGO} or {@code cargo} on the {@code PATH}, run with the given environment
 * (by default this process's). When the recipe carries a toolchain file, {@code RUSTUP_TOOLCHAIN}
 * is removed from cargo's environment: rustup would otherwise ignore the file. With {@code
 * --sccache}, cargo compiles through an sccache server started for this cook with the caller's
 * {@code SCCACHE_*} settings, and stopped after it; its hits and misses join the summary.
 */
public final class CookRunner {
  private final Path root;
  private final CookOptions options;
  private final Map<String, String> environment;
  private final CookListener listener;
  private final boolean terminal;
  private final CookInterrupt interrupt;
  private final Optional<CookCache> cache;

  private CookRunner(
      Path root, CookOptions options, Map<String, String> environment, CookListener listener,
      boolean terminal, CookInterrupt interrupt, Optional<CookCache> cache) {
    this.root = checkNotNull(root).toAbsolutePath().normalize();
    this.options = checkNotNull(options);
    this.environment = ImmutableMap.copyOf(environment);
    this.listener = checkNotNull(listener);
    this.terminal = terminal;
    this.interrupt = checkNotNull(interrupt);
    this.cache = checkNotNull(cache);
  }

  /** Returns a runner for the directory {@code root}, with this process's environment and output. */
  public static CookRunner in(Path root, CookOptions options) {
    return new CookRunner(
        root, options, System.getenv(),
        CookListener.printing(
            new PrintWriter(System.out, true, StandardCharsets.UTF_8),
            new PrintWriter(System.err, true, StandardCharsets.UTF_8),
            System.console() != null),
        System.console() != null,
        new CookInterrupt(),
        Optional.empty());
  }

  /** Returns this runner with another environment for cargo. */
  public CookRunner withEnvironment(Map<String, String> newEnvironment) {
    return new CookRunner(root, options, newEnvironment, listener, terminal, interrupt, cache);
  }

  /**
   * Returns this runner printing to other writers, as the command line does ({@link
   * CookListener#printing}): {@code out} gets whatever tools print on cargo's standard output,
   * {@code err} cargo's messages, jchef's notes and warnings and the progress, drawn for a
   * terminal when {@code isTerminal} (cargo's colours too).
   */
  public CookRunner withOutput(PrintWriter newOut, PrintWriter newErr, boolean isTerminal) {
    return new CookRunner(
        root, options, environment, CookListener.printing(newOut, newErr, isTerminal), isTerminal, interrupt, cache);
  }

  /**
   * Returns this runner telling {@code newListener} what happens ({@link CookEvent}s: progress, cargo's
   * lines, notes, warnings) instead of printing it; cargo's lines come without colours.
   */
  public CookRunner withListener(CookListener newListener) {
    return new CookRunner(root, options, environment, newListener, false, interrupt, cache);
  }

  /**
   * Returns this runner stopping its cook when {@code newInterrupt} is raised (from a signal handler, on
   * Ctrl-C or a cancelled job): cargo and the processes it started are ended, what the dummies
   * compiled to is removed and the lock released, and the cook throws a {@link CookException}
   * whose {@link CookException#interrupted()} is true. Every cargo run heeds it ({@link #cook},
   * {@link #cookLayer}, {@link #build()}, {@link #build(LayerPlan)}, {@link
   * #measureCompileSeconds}); an interrupt of the thread running one stops it the same way.
   */
  public CookRunner withInterrupt(CookInterrupt newInterrupt) {
    return new CookRunner(root, options, environment, listener, terminal, newInterrupt, cache);
  }

  /**
   * Returns this runner sharing cooked states through {@code newCache} ({@code --cache-from}, {@code
   * --cache-to}). Before cargo runs, a {@link #cook} fetches the state stored for its exact key,
   * else the newest of its scope ({@link CookCacheKey}), runs {@code cargo fetch}, and restores the
   * state's units into cargo's unit directory ({@link CookState}: checked as untrusted input; units
   * whose inputs changed are compiled again); after cargo succeeded, it stores the units cargo
   * reported, never a dummy's. A cache that fails is one line on the error writer: the cook goes
   * on without it. Layer steps do not use the cache.
   */
  public CookRunner withCache(CookCache newCache) {
    return new CookRunner(root, options, environment, listener, terminal, interrupt, Optional.of(newCache));
  }

  /**
   * Cooks {@code recipe}.
   *
   * @param recipeFile the recipe's file, if it lies in the directory (the writer leaves it be)
   * @throws CookException when cargo is missing or fails (with cargo's exit status)
   */
  public CookResult cook(Recipe recipe, Optional<Path> recipeFile) {
    try {
      return run(recipe, recipeFile, options, ImmutableSet.of(), Optional.empty());
    } catch (CookException e) {
      throw e.restoringThreadInterrupt();
    }
  }

  /**
   * Builds layer {@code layer} of {@code plan} in a directory cooked from {@code recipe}, after
   * the real files of that layer's packages were copied in (those of earlier layers are there
   * from their steps), with the real root manifest at {@code .jchef/workspace.toml}: writes the
   * skeleton with those packages real ({@link LayerRecipe}), keeps their units in the target
   * directory fresh exactly when their content is what the units were built from ({@link
   * LayerFreshness}: units built from other content are removed, file times set), builds with
   * cargo, records the content the units were built from, and removes what the dummies compiled
   * to. {@code --locked} and {@code --frozen} are not passed: cargo updates the lockfile entries
   * of the workspace's own packages to their real versions (no registry entry changes). A refusal
   * changes nothing, file times included.
   *
   * @param layer counted from 1
   * @throws CookException when cargo fails, or when a package of this layer or an earlier one, or
   *     the real root manifest, is not here: the message gives the Dockerfile line that is missing
   * @throws dev.jchef.recipe.RecipeException when the plan does not fit the recipe
   */
  public CookResult cookLayer(Recipe recipe, LayerPlan plan, int layer, Optional<Path> recipeFile) {
    ImmutableSet<String> real = ImmutableSet.copyOf(plan.membersThrough(layer));
    SkeletonWriter skeleton = new SkeletonWriter(root, SkeletonOptions.defaults());
    for (int earlier = 1; earlier <= layer; earlier++) {
      for (String directory : plan.members(earlier)) {
        checkCopiedIn(directory, earlier, layer, skeleton);
      }
    }
    for (int later = layer + 1; later <= plan.layers().size() + 1; later++) {
      List<String> packages = later <= plan.layers().size() ? plan.members(later) : plan.finalStep();
      for (String directory : packages) {
        checkNotYetCopied(directory, later, layer, plan.layers().size(), skeleton);
      }
    }
    if (!Files.isRegularFile(root.resolve(JchefFiles.WORKSPACE_MANIFEST))) {
      throw new CookException(
          1, "layer " + layer + ": the real root manifest is not here: add `COPY Cargo.toml " + JchefFiles.WORKSPACE_MANIFEST
              + "` before the first layer step (the layer packages inherit from it; without it they would be"
              + " built at the recipe's masked versions, and the final build would compile them all again)");
    }
    Optional<String> workspaceManifest = Optional.of(read(JchefFiles.WORKSPACE_MANIFEST));
    Map<String, String> realManifests = new LinkedHashMap<>();
    real.forEach(directory -> realManifests.put(directory, read(directory + "/Cargo.toml")));
    Recipe layerRecipe = LayerRecipe.of(recipe, realManifests, workspaceManifest);
    ManifestOptions manifest = options.manifest();
    if (manifest.locked() || manifest.frozen()) {
      listener.on(new CookEvent.Note("layer " + layer + ": building without --locked/--frozen, so that cargo records"
          + " the real versions of the workspace's packages in the lockfile"));
    }
    CookOptions layerOptions =
        options.withManifest(new ManifestOptions(manifest.manifestPath(), false, manifest.offline() || manifest.frozen(), false));
    try {
      return run(layerRecipe, recipeFile, layerOptions, real, Optional.of(packageNames(real)));
    } catch (CookException e) {
      if (e.interrupted()) {
        throw e.restoringThreadInterrupt();
      }
      // The step has only its packages' directories: a file they read from outside (a README a
      // crate's documentation includes, a file a build script reads) is not here unless copied.
      throw new CookException(
          e.exitCode(),
          e.getMessage() + "; if a package of layer " + layer + " reads a file outside its directory (an"
              + " include_str! of ../README.md, a file its build script reads), copy that file in before `RUN"
              + " jchef cook --layer " + layer + "` too");
    }
  }

  /**
   * Refuses a layer step whose package {@code directory} (of layer {@code of}) was not copied in,
   * naming the Dockerfile lines that are missing.
   */
  private void checkCopiedIn(String directory, int of, int layer, SkeletonWriter skeleton) {
    Path manifest = root.resolve(directory).resolve("Cargo.toml");
    String copy = "COPY " + directory + " " + directory;
    if (!Files.isRegularFile(manifest)) {
      throw new CookException(
          1, of == layer
              ? "layer " + layer + ": " + directory + " is not here: add `" + copy + "` before `RUN jchef cook --layer " + layer + "`"
              : "layer " + layer + ": " + directory + ", of layer " + of + ", is not here: its step comes first (`" + copy
                  + "`, then `RUN jchef cook --layer " + of + "`)");
    }
    if (skeleton.wrote(directory + "/Cargo.toml")) {
      throw new CookException(
          1, "layer " + layer + ": " + directory + "/Cargo.toml is still the skeleton's dummy: add `" + copy
              + "` before `RUN jchef cook --layer " + of + "`");
    }
  }

  /**
   * Refuses a layer step that finds the real files of a package of a later step ({@code later}; the
   * final step when past the last layer) already copied in: the step would build it from the
   * skeleton's dummy, and the writer would refuse its real files.
   */
  private void checkNotYetCopied(String directory, int later, int layer, int layers, SkeletonWriter skeleton) {
    String manifest = directory + "/Cargo.toml";
    if (!Files.isRegularFile(root.resolve(manifest)) || skeleton.wrote(manifest)) {
      return;
    }
    String copy = "`COPY " + directory + " " + directory + "`";
    throw new CookException(
        1, "layer " + layer + ": " + directory + ", of " + (later <= layers ? "layer " + later : "the final step")
            + ", is already here: copy it after `RUN jchef cook --layer " + layer + "` ("
            + (later <= layers ? copy + ", then `RUN jchef cook --layer " + later + "`" : "`COPY . .` before the final build")
            + ")");
  }

  /**
   * Builds the real sources in this runner's directory ({@code cargo build} with its options and
   * environment), after a cook there and the real sources copied in.
   *
   * @return what cargo compiled: after a cook, only the workspace's own packages
   * @throws CookException when cargo is missing or fails (its exit status), or this runner's
   *     interrupt stopped it
   */
  public RealBuild.Report build() {
    return RealBuild.run(root, options, environment, listener, interrupt);
  }

  /**
   * Builds a workspace built in member layers, its final step: keeps the layer
   * packages' units fresh exactly when their content is what the units were built from ({@link
   * LayerFreshness}), runs {@code cargo build} with this runner's options, and, when it succeeds,
   * records the content the layer packages' units were built from, so that the next build (in
   * any setting that keeps the target directory) reuses them only while that content stays. The
   * directory holds the real workspace; nothing is written but the target directory and file
   * times of the layer packages.
   *
   * @throws CookException when cargo fails (its exit status) or a layer package is not here
   * @throws dev.jchef.model.CargoFileException when a layer package's manifest is not TOML
   */
  public RealBuild.Report build(LayerPlan plan) {
    Map<String, String> cargoEnvironment = cargoEnvironment(Optional.empty());
    LayerFreshness freshness = freshness(packageNames(plan.layerMembers()), cargoEnvironment, options);
    LayerFreshness.Prepared prepared = freshness.prepare();
    RealBuild.Report report = RealBuild.run(root, options, cargoEnvironment, listener, interrupt);
    freshness.record(prepared);
    return report;
  }

  /**
   * Only the first half of {@link #build}, for a build that runs cargo itself after it ({@code
   * jchef layers --fix-times && cargo build}): removes the units the records do not vouch for
   * and sets the file times. Nothing is recorded afterwards, so a layer package that this cargo
   * build compiles is compiled again by the next build; {@link #build} avoids that.
   *
   * @return what was done, for one line of output
   * @throws CookException when cargo metadata fails or a layer package is not here
   */
  public LayerCheck fixLayerTimes(LayerPlan plan) {
    Map<String, String> names = packageNames(plan.layerMembers());
    LayerFreshness.Prepared prepared = freshness(names, cargoEnvironment(Optional.empty()), options).prepare();
    return new LayerCheck(names.size(), prepared.removedUnits(), prepared.fixed(), prepared.renewed());
  }

  /**
   * Returns the cook key of {@code recipe}: 64 hex digits that change exactly when the recipe,
   * these options or the toolchain ({@code cargo -V} and {@code rustc -vV}, run in this runner's
   * directory, where a toolchain file can choose them) do. A cache of cooked directories is keyed
   * by it, as the Maven plugin's is.
   *
   * @throws CookException when cargo or rustc cannot be found or run
   */
  public String key(Recipe recipe) {
    return CookKey.of(recipe, options, root, environment);
  }

  /**
   * Measures how long each workspace package takes to compile with this runner's options: {@code
   * cargo build --timings} into {@code jchef-measure/} inside the target directory (the user's
   * own units are left alone; dependencies are compiled there the first time only), after removing
   * the workspace packages' fingerprints there so that every one of them compiles.
   *
   * @return seconds per workspace package, by package name (every unit of the package summed)
   * @throws CookException when cargo fails (its exit status) or writes no timing report
   */
  public Map<String, Double> measureCompileSeconds() {
    Map<String, String> cargoEnvironment = cargoEnvironment(Optional.empty());
    CargoMetadata metadata = metadata(cargoEnvironment, options);
    Path measure = unitDirectory(metadata, options).resolve("jchef-measure");
    LayerFreshness members = new LayerFreshness(root, measure, metadata.members(), Map.of());
    members.forgetUnits();
    cargoEnvironment.put("CARGO_TARGET_DIR", measure.toString());
    cargoEnvironment.put("CARGO_BUILD_BUILD_DIR", measure.toString());
    CookOptions measuring =
        options.withCompilation(options.compilation().withTimings(true).withoutTargetDirectory());
    try {
      new CargoProcess(Executables.cargo(environment), cargoEnvironment, interrupt)
          .run(root, measuring, new CookProgress(listener, 0), new CargoMessages(), terminal);
    } catch (CookException e) {
      throw e.restoringThreadInterrupt();
    }
    Map<String, Double> seconds = new HashMap<>(CompileTimes.read(measure.resolve("cargo-timings/cargo-timing.html")));
    seconds.keySet().retainAll(metadata.members().keySet());
    return seconds;
  }

  private LayerFreshness freshness(Map<String, String> layerPackages, Map<String, String> cargoEnvironment, CookOptions options) {
    CargoMetadata metadata = metadata(cargoEnvironment, options);
    Map<String, String> others = new HashMap<>(metadata.members());
    others.keySet().removeAll(layerPackages.keySet());
    return new LayerFreshness(root, unitDirectory(metadata, options), layerPackages, others);
  }

  /** {@code cargo metadata} of this directory, with {@code options}' manifest flags. */
  private CargoMetadata metadata(Map<String, String> cargoEnvironment, CookOptions options) {
    return CargoMetadata.of(root, Executables.cargo(environment), cargoEnvironment, options.manifest());
  }

  /**
   * Where cargo keeps the units of a build with {@code options}: the build directory when one is
   * configured apart from the target directory, else {@code --target-dir}, else cargo's target
   * directory.
   */
  private Path unitDirectory(CargoMetadata metadata, CookOptions options) {
    if (!metadata.buildDirectory().equals(metadata.targetDirectory())) {
      return metadata.buildDirectory();
    }
    return options.compilation().targetDirectory().map(root::resolve).orElse(metadata.targetDirectory());
  }

  /** The package names of layer package directories, from their manifests here. */
  private Map<String, String> packageNames(Set<String> directories) {
    Map<String, String> names = new LinkedHashMap<>();
    for (String directory : directories) {
      String shown = directory + "/Cargo.toml";
      if (!Files.isRegularFile(root.resolve(shown))) {
        throw new CookException(
            1, directory + ", a package of the layer plan, is not here (no " + shown + "): copy the workspace in, or"
                + " plan the layers again (jchef layers --write)");
      }
      String name =
          Manifest.read(root.resolve(shown), shown).document().getTable("package")
              .flatMap(pkg -> pkg.getString("name"))
              .orElseThrow(() -> CargoFileException.atField(shown, "package.name", "missing: a layer package needs a name"));
      names.put(name, directory);
    }
    return names;
  }

  private Map<String, String> cargoEnvironment(Optional<Recipe> recipe) {
    Map<String, String> cargoEnvironment = new HashMap<>(environment);
    if (recipe.map(r -> r.toolchainFile().isPresent()).orElse(false)) {
      cargoEnvironment.remove("RUSTUP_TOOLCHAIN");
    }
    return cargoEnvironment;
  }

  private String read(String relative) {
    try {
      return Files.readString(root.resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + root.resolve(relative), e);
    }
  }

  @SuppressWarnings("try") // the lock is held, not used
  private CookResult run(
      Recipe recipe, Optional<Path> recipeFile, CookOptions options, ImmutableSet<String> provided,
      Optional<Map<String, String>> layerPackages) {
    try (CookLock lock = CookLock.acquire(root, listener, interrupt)) {
      return runLocked(recipe, recipeFile, options, provided, layerPackages);
    }
  }

  /**
   * Writes the skeleton, then (for a layer step, with {@code layerPackages} the real packages'
   * directories by name) prepares their units' freshness, builds, and records it.
   */
  private CookResult runLocked(
      Recipe recipe, Optional<Path> recipeFile, CookOptions options, ImmutableSet<String> provided,
      Optional<Map<String, String>> layerPackages) {
    long start = System.nanoTime();
    Optional<Path> targetDirectory = targetDirectory();
    SkeletonOptions skeletonOptions =
        SkeletonOptions.defaults().withNoStd(options.noStd()).withProvidedDirectories(provided);
    skeletonOptions = recipeFile.map(skeletonOptions::withRecipeFile).orElse(skeletonOptions);
    skeletonOptions = targetDirectory.map(skeletonOptions::withTargetDirectory).orElse(skeletonOptions);
    SkeletonWriter writer = new SkeletonWriter(root, skeletonOptions);
    SkeletonReport skeleton = writer.write(recipe);
    if (options.subcommand() == CargoSubcommand.NO_BUILD) {
      return new CookResult(skeleton, false, 0, 0, 0, Optional.empty(), elapsedSince(start));
    }

    Map<String, String> cargoEnvironment = cargoEnvironment(Optional.of(recipe));
    // After the writer's checks and writes: a refused step changes no file time.
    Optional<LayerFreshness> freshness = layerPackages.map(real -> freshness(real, cargoEnvironment, options));
    Optional<LayerFreshness.Prepared> prepared = freshness.map(LayerFreshness::prepare);
    CookOptions cargoOptions = withStandInsFor(recipe, options);
    Predicate<String> isDummy = dummyPackages(recipe, skeleton);
    Optional<CachedCook> cached =
        cache.filter(c -> layerPackages.isEmpty()).map(c -> cachedCook(c, recipe, options, cargoEnvironment));
    OptionalInt restoredWhole =
        cached.map(c -> c.restore(() -> fetchSources(options, cargoEnvironment), memberNames(recipe)))
            .orElse(OptionalInt.empty());
    if (restoredWhole.isPresent()) {
      // This recipe's whole state, every input checked: cargo would find every dependency fresh,
      // and the dummies' units are not wanted. The real build compiles the members.
      listener.on(new CookEvent.Note("cache: every dependency unit of this recipe is restored and fresh; cargo is not run"));
      return new CookResult(skeleton, true, 0, restoredWhole.getAsInt(), 0, Optional.empty(), elapsedSince(start));
    }
    CargoProcess cargo = new CargoProcess(Executables.cargo(environment), cargoEnvironment, interrupt);
    Optional<Sccache> sccache = options.sccache() ? Optional.of(Sccache.find(cargoEnvironment)) : Optional.empty();
    sccache.ifPresent(s -> cargoEnvironment.put("RUSTC_WRAPPER", s.executable().toString()));
    // The progress line's total: what the last cook of this directory with this lockfile and
    // these flags built (a layer step's cook step), else the lockfile's count, an upper bound.
    String builtKey = BuiltPackages.key(recipe.lockFile(), options);
    CookProgress progress = new CookProgress(listener, BuiltPackages.read(root, builtKey).orElse(lockedPackages(recipe)));
    CargoMessages messages = new CargoMessages();
    Optional<SccacheStats> sccacheStats = Optional.empty();
    ImmutableList<Path> removed;
    sccache.ifPresent(Sccache::start);
    // cargo may write the lockfile (in its own format, or anew): it stays jchef's, even if this
    // cook is killed before it is adopted below.
    writer.allowRewrite("Cargo.lock");
    Instant cargoStarted = Instant.now();
    boolean built = false;
    try {
      cargo.run(root, cargoOptions, progress, messages, terminal);
      built = true;
      sccacheStats = sccache.map(Sccache::stats);
      BuiltPackages.write(root, builtKey, progress.packagesBuilt());
    } catch (CookException e) {
      throw e.interrupted() ? e : withSourcesToProvide(e, recipe, skeleton);
    } finally {
      sccache.ifPresent(Sccache::stop);
      // cargo writes the lockfile back in its own format; it is still the skeleton's.
      writer.adoptRewrittenFile("Cargo.lock");
      // Even when cargo failed, what the dummies compiled so far must not reach a real build.
      DummyArtifactCleaner cleaner = new DummyArtifactCleaner(root.getFileSystem(), isDummy);
      removed = cleaner.clean(messages);
      if (!built) {
        // Nor what they were compiling when it stopped, which cargo never reported.
        removed = ImmutableList.<Path>builder().addAll(removed)
            .addAll(unfinishedUnits(cleaner, cargoEnvironment, options, dummyNames(recipe, skeleton), cargoStarted, messages))
            .build();
      }
    }
    freshness.ifPresent(f -> f.record(prepared.orElseThrow()));
    cached.ifPresent(c -> c.store(messages, isDummy));
    return new CookResult(
        skeleton, true, progress.compiled(), progress.fresh(), removed.size(), sccacheStats,
        elapsedSince(start));
  }

  private CachedCook cachedCook(CookCache cache, Recipe recipe, CookOptions options, Map<String, String> cargoEnvironment) {
    CargoMetadata metadata = metadata(cargoEnvironment, options);
    return CachedCook.of(cache, recipe, options, root, unitDirectory(metadata, options), cargoEnvironment, listener, interrupt);
  }

  /**
   * {@code cargo fetch} with the cook's manifest options and targets, so that the sources a
   * restored state's units read are in place before their times are set.
   *
   * @return whether it succeeded; its output is printed when it did not
   */
  private boolean fetchSources(CookOptions options, Map<String, String> cargoEnvironment) {
    List<String> args = new java.util.ArrayList<>(List.of("fetch"));
    args.addAll(options.manifest().cargoArguments());
    CargoArguments.each(args, "--target", options.compilation().targets());
    ToolRun run = ToolRun.of(Executables.cargo(environment), args, Optional.of(root), cargoEnvironment);
    if (run.exitCode() != 0) {
      run.output().lines().forEach(line -> listener.on(new CookEvent.CargoLine(line)));
    }
    return run.exitCode() == 0;
  }

  /** The package names of the recipe's manifests: the workspace members and their dummies. */
  private static Set<String> memberNames(Recipe recipe) {
    return packageNames(recipe.manifests());
  }

  /** The package names of the dummies: the recipe's manifests but those the user provides. */
  private static Set<String> dummyNames(Recipe recipe, SkeletonReport skeleton) {
    return packageNames(
        recipe.manifests().stream().filter(m -> !skeleton.provided().contains(m.directory())).toList());
  }

  private static Set<String> packageNames(List<RecipeManifest> manifests) {
    Set<String> names = new HashSet<>();
    for (RecipeManifest manifest : manifests) {
      Manifest.parse(manifest.contents(), manifest.relativePath()).document().getTable("package")
          .flatMap(pkg -> pkg.getString("name")).ifPresent(names::add);
    }
    return names;
  }

  /**
   * Removes the dummies' units that a failed or interrupted cargo run started and never reported
   * ({@link DummyArtifactCleaner#cleanUnfinished}), in the unit directory {@code cargo metadata}
   * names; none when cargo cannot read the workspace, as it then compiled nothing.
   */
  private ImmutableList<Path> unfinishedUnits(
      DummyArtifactCleaner cleaner, Map<String, String> cargoEnvironment, CookOptions options, Set<String> dummyNames,
      Instant started, CargoMessages messages) {
    CargoMetadata metadata;
    try {
      metadata = metadata(cargoEnvironment, options);
    } catch (CookException e) {
      return ImmutableList.of();
    }
    return cleaner.cleanUnfinished(unitDirectory(metadata, options), dummyNames, started, messages);
  }

  /**
   * A failed cargo run's error, naming what the user may have to copy in: directories the recipe
   * leaves to the user that are not here ({@link SkeletonReport#provided}: cargo cannot load the
   * workspace without them), local files the Cargo configuration names that are not here ({@link
   * ProvidedFiles#configFiles}: a linker script, a wrapper), and {@code [patch]} path crates cooked
   * as dummies ({@link SkeletonReport#dummySubstitutes}: a registry crate that compiles against one
   * fails).
   */
  private CookException withSourcesToProvide(CookException e, Recipe recipe, SkeletonReport skeleton) {
    List<String> missing = skeleton.provided().stream().filter(d -> !Files.isDirectory(root.resolve(d))).toList();
    List<CargoConfig.LocalFile> missingFiles =
        ProvidedFiles.of(recipe).configFiles().stream().filter(f -> !Files.exists(root.resolve(f.path()))).toList();
    if (missing.isEmpty() && missingFiles.isEmpty() && skeleton.dummySubstitutes().isEmpty()) {
      return e;
    }
    StringBuilder message = new StringBuilder(e.getMessage());
    if (!missing.isEmpty()) {
      message.append("; not here: ").append(String.join(", ", missing))
          .append(", which the recipe leaves to you (dependency sources such as [patch] path crates);")
          .append(" copy ").append(missing.size() == 1 ? "it" : "them").append(" in before cook, as you would a vendor directory");
    }
    if (!missingFiles.isEmpty()) {
      message.append("; not here: ")
          .append(missingFiles.stream().map(f -> f.path() + " (" + f.key() + ")").collect(Collectors.joining(", ")))
          .append(", which the Cargo config names and the recipe does not carry; copy ")
          .append(missingFiles.size() == 1 ? "it" : "them").append(" in before cook, at the same path");
    }
    if (!skeleton.dummySubstitutes().isEmpty()) {
      message.append("; cooked as dummies: ").append(String.join(", ", skeleton.dummySubstitutes()))
          .append(", which [patch] or [replace] substitutes for registry crates (or which those depend on by path):")
          .append(" if a crate failed to compile against one, copy it in before cook, and cook builds it from its real code");
    }
    return new CookException(e.exitCode(), message.toString());
  }

  /**
   * Whether a package id is one of the skeleton's dummy packages: a path package in a directory
   * the recipe has a manifest for. Not dummies: registry crates, and the path crates the user
   * provides ({@code [patch]} crates, which hold real code).
   */
  private Predicate<String> dummyPackages(Recipe recipe, SkeletonReport skeleton) {
    // cargo names packages by the real path of its working directory, symbolic links resolved.
    Path realRoot;
    try {
      realRoot = root.toRealPath();
    } catch (IOException e) {
      realRoot = root;
    }
    Set<Path> directories = new HashSet<>();
    for (RecipeManifest manifest : recipe.manifests()) {
      String path = manifest.relativePath();
      if (skeleton.provided().contains(manifest.directory())) {
        continue; // a [patch] crate the user copied in: real code
      }
      directories.add(root.resolve(path).normalize().getParent());
      directories.add(realRoot.resolve(path).normalize().getParent());
    }
    return packageId ->
        PackageIds.directory(packageId)
            .map(directory -> directories.contains(root.getFileSystem().getPath(directory).normalize()))
            .orElse(false);
  }

  /**
   * The options with each named test, bench or example that the recipe does not have replaced by
   * all of its kind, saying so: the recipe leaves out those that only their files declare, and
   * keeps a stand-in target where the package needs one ({@link TargetSelection#replacingUnknown}).
   */
  private CookOptions withStandInsFor(Recipe recipe, CookOptions options) {
    BiPredicate<TargetKind, String> known =
        (kind, name) ->
            recipe.manifests().stream()
                .flatMap(manifest -> manifest.targets().stream())
                .anyMatch(target -> target.kind() == kind && target.name().equals(name));
    for (String target : options.targets().unknown(known)) {
      listener.on(new CookEvent.Warning(
          "the recipe has no " + target + " (it leaves out tests, benches and examples"
              + " that only their files declare); building all of its kind, which needs the same"
              + " dependencies"));
    }
    return options.withTargets(options.targets().replacingUnknown(known));
  }

  /**
   * {@code --target-dir}, else {@code CARGO_TARGET_DIR}, else {@code CARGO_BUILD_TARGET_DIR},
   * resolved against the root: a place the skeleton writer leaves alone. (A target directory a
   * Cargo config sets is known by the {@code CACHEDIR.TAG} cargo writes into it.)
   */
  private Optional<Path> targetDirectory() {
    Optional<Path> configured =
        options.compilation().targetDirectory()
            .or(() -> Optional.ofNullable(environment.get("CARGO_TARGET_DIR")).map(Path::of))
            .or(() -> Optional.ofNullable(environment.get("CARGO_BUILD_TARGET_DIR")).map(Path::of));
    return configured.map(root::resolve).map(Path::normalize);
  }

  private static int lockedPackages(Recipe recipe) {
    try {
      return recipe.lockFile().map(text -> Lockfile.parse(text, "Cargo.lock").packages().size()).orElse(0);
    } catch (CargoFileException e) {
      return 0;
    }
  }

  private static Duration elapsedSince(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
