package dev.jchef.cook;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.jchef.model.CargoFileException;
import dev.jchef.model.Lockfile;
import dev.jchef.model.TargetKind;
import dev.jchef.recipe.LayerPlan;
import dev.jchef.recipe.LayerRecipe;
import dev.jchef.recipe.Recipe;
import dev.jchef.recipe.RecipeManifest;
import dev.jchef.skeleton.SkeletonOptions;
import dev.jchef.skeleton.SkeletonReport;
import dev.jchef.skeleton.SkeletonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

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
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean terminal;

  private CookRunner(
      Path root, CookOptions options, Map<String, String> environment, PrintWriter out,
      PrintWriter err, boolean terminal) {
    this.root = checkNotNull(root).toAbsolutePath().normalize();
    this.options = checkNotNull(options);
    this.environment = ImmutableMap.copyOf(environment);
    this.out = checkNotNull(out);
    this.err = checkNotNull(err);
    this.terminal = terminal;
  }

  /** A runner for the directory {@code root}, with this process's environment and output. */
  public static CookRunner in(Path root, CookOptions options) {
    return new CookRunner(
        root, options, System.getenv(),
        new PrintWriter(System.out, true, StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, StandardCharsets.UTF_8),
        System.console() != null);
  }

  /** This runner with another environment for cargo. */
  public CookRunner withEnvironment(Map<String, String> newEnvironment) {
    return new CookRunner(root, options, newEnvironment, out, err, terminal);
  }

  /**
   * This runner printing to other writers: {@code out} gets whatever tools print on cargo's
   * standard output, {@code err} cargo's messages, progress and the summary.
   */
  public CookRunner withOutput(PrintWriter newOut, PrintWriter newErr, boolean isTerminal) {
    return new CookRunner(root, options, environment, newOut, newErr, isTerminal);
  }

  /**
   * Cooks {@code recipe}.
   *
   * @param recipeFile the recipe's file, if it lies in the directory (the writer leaves it be)
   * @throws CookException when cargo is missing or fails (with cargo's exit status)
   */
  public CookResult cook(Recipe recipe, Optional<Path> recipeFile) {
    return run(recipe, recipeFile, options, ImmutableSet.of());
  }

  /**
   * Builds layer {@code layer} of {@code plan} in a directory cooked from {@code recipe}, after
   * the real files of that layer's packages were copied in (those of earlier layers are there
   * from their steps): writes the skeleton with those packages real ({@link LayerRecipe}; the real
   * root manifest is taken from {@code .jchef/workspace.toml} when present), gives their files
   * one fixed time ({@link SourceTimes}), builds with cargo, and removes what the dummies compiled
   * to. The real packages' units stay, for the final build to find fresh. {@code --locked} and
   * {@code --frozen} are not passed: cargo updates the lockfile entries of the workspace's own
   * packages to their real versions (no registry entry changes).
   *
   * @param layer counted from 1
   * @throws CookException when cargo fails, or a package of the layer has no {@code Cargo.toml}
   *     here (its files were not copied in)
   * @throws dev.jchef.recipe.RecipeException when the plan does not fit the recipe
   */
  public CookResult cookLayer(Recipe recipe, LayerPlan plan, int layer, Optional<Path> recipeFile) {
    ImmutableSet<String> real = plan.membersThrough(layer);
    SkeletonWriter skeleton = new SkeletonWriter(root, SkeletonOptions.defaults());
    for (String directory : plan.members(layer)) {
      Path manifest = root.resolve(directory).resolve("Cargo.toml");
      if (!Files.isRegularFile(manifest) || skeleton.wrote(directory + "/Cargo.toml")) {
        throw new CookException(
            1, "layer " + layer + ": " + directory + "/Cargo.toml is the skeleton's, not the real one: copy the layer's packages in"
                + " before building it (COPY " + directory + " " + directory + ")");
      }
    }
    Optional<String> workspaceManifest =
        Files.isRegularFile(root.resolve(WORKSPACE_MANIFEST)) ? Optional.of(read(WORKSPACE_MANIFEST)) : Optional.empty();
    Map<String, String> realManifests = new LinkedHashMap<>();
    real.forEach(directory -> realManifests.put(directory, read(directory + "/Cargo.toml")));
    Recipe layerRecipe = LayerRecipe.of(recipe, realManifests, workspaceManifest);
    SourceTimes.fix(root, real);
    ManifestOptions manifest = options.manifest();
    if (manifest.locked() || manifest.frozen()) {
      err.println("jchef cook: layer " + layer + ": building without --locked/--frozen, so that cargo records"
          + " the real versions of the workspace's packages in the lockfile");
    }
    CookOptions layerOptions =
        options.withManifest(new ManifestOptions(manifest.manifestPath(), false, manifest.offline() || manifest.frozen(), false));
    return run(layerRecipe, recipeFile, layerOptions, real);
  }

  private String read(String relative) {
    try {
      return Files.readString(root.resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + root.resolve(relative), e);
    }
  }

  /** Where a layer step finds the real root manifest, copied in from the workspace's Cargo.toml. */
  public static final String WORKSPACE_MANIFEST = ".jchef/workspace.toml";

  @SuppressWarnings("try") // the lock is held, not used
  private CookResult run(Recipe recipe, Optional<Path> recipeFile, CookOptions options, ImmutableSet<String> provided) {
    try (CookLock lock = CookLock.acquire(root, err)) {
      return runLocked(recipe, recipeFile, options, provided);
    }
  }

  private CookResult runLocked(
      Recipe recipe, Optional<Path> recipeFile, CookOptions options, ImmutableSet<String> provided) {
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

    Map<String, String> cargoEnvironment = new HashMap<>(environment);
    if (recipe.toolchainFile().isPresent()) {
      cargoEnvironment.remove("RUSTUP_TOOLCHAIN");
    }
    CargoProcess cargo = new CargoProcess(Executables.cargo(environment), cargoEnvironment);
    CookOptions cargoOptions = withStandInsFor(recipe, options);
    Optional<Sccache> sccache = options.sccache() ? Optional.of(Sccache.find(cargoEnvironment)) : Optional.empty();
    sccache.ifPresent(s -> cargoEnvironment.put("RUSTC_WRAPPER", s.executable().toString()));
    CookProgress progress = new CookProgress(err, terminal, lockedPackages(recipe));
    CargoMessages messages = new CargoMessages();
    Optional<SccacheStats> sccacheStats = Optional.empty();
    ImmutableList<Path> removed;
    sccache.ifPresent(Sccache::start);
    // cargo may write the lockfile (in its own format, or anew): it stays jchef's, even if this
    // cook is killed before it is adopted below.
    writer.allowRewrite("Cargo.lock");
    try {
      cargo.run(root, cargoOptions, progress, messages, out, terminal);
      sccacheStats = sccache.map(Sccache::stats);
    } catch (CookException e) {
      throw withSourcesToProvide(e, skeleton);
    } finally {
      sccache.ifPresent(Sccache::stop);
      // cargo writes the lockfile back in its own format; it is still the skeleton's.
      writer.adoptRewrittenFile("Cargo.lock");
      // Even when cargo failed, what the dummies compiled so far must not reach a real build.
      removed = new DummyArtifactCleaner(root.getFileSystem(), dummyPackages(recipe, skeleton)).clean(messages);
    }
    return new CookResult(
        skeleton, true, progress.compiled(), progress.fresh(), removed.size(), sccacheStats,
        elapsedSince(start));
  }

  /**
   * A failed cargo run's error, naming what the user may have to copy in: directories the recipe
   * leaves to the user that are not here ({@link SkeletonReport#provided}: cargo cannot load the
   * workspace without them), and {@code [patch]} path crates cooked as dummies ({@link
   * SkeletonReport#dummySubstitutes}: a registry crate that compiles against one fails).
   */
  private CookException withSourcesToProvide(CookException e, SkeletonReport skeleton) {
    List<String> missing = skeleton.provided().stream().filter(d -> !Files.isDirectory(root.resolve(d))).toList();
    if (missing.isEmpty() && skeleton.dummySubstitutes().isEmpty()) {
      return e;
    }
    StringBuilder message = new StringBuilder(e.getMessage());
    if (!missing.isEmpty()) {
      message.append("; not here: ").append(String.join(", ", missing))
          .append(", which the recipe leaves to you (dependency sources such as [patch] path crates);")
          .append(" copy ").append(missing.size() == 1 ? "it" : "them").append(" in before cook, as you would a vendor directory");
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
      err.println(
          "jchef cook: the recipe has no " + target + " (it leaves out tests, benches and examples"
              + " that only their files declare); building all of its kind, which needs the same"
              + " dependencies");
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
