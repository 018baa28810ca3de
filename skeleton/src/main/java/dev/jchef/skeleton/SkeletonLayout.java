package dev.jchef.skeleton;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.jchef.model.CargoFileException;
import dev.jchef.model.TargetKind;
import dev.jchef.model.internal.RelativePaths;
import dev.jchef.model.internal.TomlReader;
import dev.jchef.model.internal.TomlWriter;
import dev.jchef.model.workspace.DependencyKind;
import dev.jchef.model.workspace.TomlTable;
import dev.jchef.recipe.Recipe;
import dev.jchef.recipe.RecipeManifest;
import dev.jchef.recipe.RecipeTarget;
import dev.jchef.recipe.layers.ProvidedFiles;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The files a recipe becomes: {@code Cargo.lock}, the toolchain file, {@code
 * .cargo/config.toml}, every manifest, and a dummy source per target; and the directories the
 * user provides ({@code [patch]} and {@code [replace]} path crates that are not in the recipe or
 * whose real manifest is in place, {@code directory} sources of the Cargo configuration), which
 * the skeleton must leave alone.
 *
 * @param dummySubstitutes the {@code [patch]} and {@code [replace]} path crates of the recipe,
 *     and the recipe's packages they reach by path, written as dummies: registry crates that
 *     depend on them compile against the dummy
 */
record SkeletonLayout(
    ImmutableList<PlannedFile> files,
    ImmutableSet<String> providedDirectories,
    ImmutableSet<String> dummySubstitutes) {
  static final String LOCKFILE = "Cargo.lock";
  static final String CONFIG = ".cargo/config.toml";

  /**
   * The layout of {@code recipe}. A package of the recipe that a {@code [patch]} or {@code
   * [replace]} path of the root manifest substitutes for a registry crate (or that such a package
   * reaches by path) is a dummy, unless its real manifest is already in place ({@code userFile} says so of its {@code Cargo.toml}): then
   * the user copied it in, registry crates compile against its real code, and its directory is
   * provided.
   *
   * @param userFile whether a file (relative path) exists and is not one jchef wrote
   */
  static SkeletonLayout of(Recipe recipe, boolean noStd, Predicate<String> userFile) {
    Map<String, PlannedFile> files = new LinkedHashMap<>();
    recipe.lockFile().ifPresent(text -> add(files, new PlannedFile(LOCKFILE, text)));
    recipe
        .toolchainFile()
        .ifPresent(t -> add(files, new PlannedFile(t.kind().fileName(), t.text())));
    recipe.configFile().ifPresent(text -> add(files, new PlannedFile(CONFIG, text)));
    Set<String> manifestDirectories = new TreeSet<>();
    Set<String> programs = new HashSet<>();
    Set<String> substitutes = rootDocument(recipe).map(root -> substitutes(recipe, root)).orElse(Set.of());
    Set<String> dummySubstitutes = new TreeSet<>();
    for (int i = 0; i < recipe.manifests().size(); i++) {
      RecipeManifest manifest = recipe.manifests().get(i);
      String field = "manifests[" + i + "].relative_path";
      String path = RecipePaths.checked(manifest.relativePath(), field);
      if (!path.equals("Cargo.toml") && !path.endsWith("/Cargo.toml")) {
        throw new SkeletonRefusedException(
            SkeletonRefusedException.Reason.UNSAFE_PATH,
            "refusing the recipe: " + field + " `" + path + "` is not a Cargo.toml");
      }
      String directory = RecipeManifest.directoryOf(path);
      if (!directory.isEmpty() && substitutes.contains(directory)) {
        if (userFile.test(path)) {
          continue;
        }
        dummySubstitutes.add(directory);
      }
      manifestDirectories.add(directory);
      TomlTable document = parse(manifest, path);
      add(files, new PlannedFile(path, dummyManifest(document, manifest.contents())));
      for (int j = 0; j < manifest.targets().size(); j++) {
        RecipeTarget target = manifest.targets().get(j);
        String targetPath =
            RecipePaths.checkedWithin(directory, target.path(), "manifests[" + i + "].targets[" + j + "].path");
        boolean harness = harness(document, target);
        PlannedFile dummy =
            new PlannedFile(targetPath, DummySources.of(target.kind(), target.procMacro(), harness, noStd));
        // Two targets may share a file (a lib and a bin at one path): a program's dummy serves
        // both, where a library's would not build the bin.
        if (DummySources.isProgram(target.kind(), harness) && programs.add(targetPath)) {
          files.remove(targetPath);
        }
        add(files, dummy);
      }
    }
    return new SkeletonLayout(
        ImmutableList.copyOf(files.values()),
        providedDirectories(recipe, substitutes, manifestDirectories),
        ImmutableSet.copyOf(dummySubstitutes));
  }

  /** Adds a file unless one is planned at its path already. */
  private static void add(Map<String, PlannedFile> files, PlannedFile file) {
    files.putIfAbsent(file.path(), file);
  }

  /**
   * A package's manifest as the skeleton writes it: with {@link DummySources#DESCRIPTION}, so that
   * the real build compiles its dummy units again; a manifest without a package as it is.
   */
  private static String dummyManifest(TomlTable document, String contents) {
    Optional<TomlTable> pkg = document.getTable("package");
    if (pkg.isEmpty()) {
      return contents;
    }
    return TomlWriter.write(document.with("package", pkg.get().with("description", DummySources.DESCRIPTION)));
  }

  private static TomlTable parse(RecipeManifest manifest, String path) {
    try {
      return TomlReader.parse(manifest.contents(), path);
    } catch (CargoFileException e) {
      throw new SkeletonRefusedException(
          SkeletonRefusedException.Reason.UNSAFE_PATH,
          "refusing the recipe: the contents of " + path + " are not a manifest: " + e.getMessage());
    }
  }

  /** A test or bench uses the libtest harness unless its table says {@code harness = false}. */
  private static boolean harness(TomlTable document, RecipeTarget target) {
    String section =
        target.kind() == TargetKind.TEST ? "test" : target.kind() == TargetKind.BENCH ? "bench" : null;
    if (section == null) {
      return true;
    }
    for (Object entry : document.getArray(section).orElse(ImmutableList.of())) {
      if (entry instanceof TomlTable table
          && table.getString("name").equals(Optional.of(target.name()))) {
        return table.getBoolean("harness").orElse(true);
      }
    }
    return true;
  }

  /** This layout with more directories whose files are provided. */
  SkeletonLayout withProvided(Set<String> directories) {
    if (directories.isEmpty()) {
      return this;
    }
    return new SkeletonLayout(
        files,
        ImmutableSet.<String>builder().addAll(providedDirectories).addAll(directories).build(),
        dummySubstitutes);
  }

  /** Whether {@code path} lies in a provided directory. */
  boolean isProvided(String path) {
    return providedDirectories.stream().anyMatch(directory -> path.startsWith(directory + "/"));
  }

  private static ImmutableSet<String> providedDirectories(
      Recipe recipe, Set<String> substitutes, Set<String> manifestDirectories) {
    Set<String> provided = new TreeSet<>(substitutes);
    recipe.configFile().ifPresent(config -> provided.addAll(ProvidedFiles.directorySources(config).keySet()));
    provided.removeAll(manifestDirectories);
    return ImmutableSet.copyOf(provided);
  }

  private static Optional<TomlTable> rootDocument(Recipe recipe) {
    return recipe.manifests().stream()
        .filter(m -> m.relativePath().equals("Cargo.toml"))
        .findFirst()
        .map(root -> parse(root, "Cargo.toml"));
  }

  /**
   * The directories of the crates that registry crates may compile against: those {@code
   * [patch.*]} and {@code [replace]} paths name, and the recipe's packages they reach through
   * path dependencies (normal and build, on any platform, inherited from {@code
   * [workspace.dependencies]} too), since a real crate does not compile against a dummy.
   */
  private static Set<String> substitutes(Recipe recipe, TomlTable root) {
    Map<String, RecipeManifest> byDirectory = new HashMap<>();
    for (RecipeManifest manifest : recipe.manifests()) {
      byDirectory.put(manifest.directory(), manifest);
    }
    Deque<String> toVisit = new ArrayDeque<>(ProvidedFiles.substitutePaths(root).keySet());
    Set<String> reached = new TreeSet<>();
    while (!toVisit.isEmpty()) {
      String directory = toVisit.pop();
      RecipeManifest manifest = byDirectory.get(directory);
      if (reached.add(directory) && manifest != null) {
        toVisit.addAll(pathDependencies(parse(manifest, manifest.relativePath()), directory, root));
      }
    }
    return reached;
  }

  private static List<String> pathDependencies(TomlTable document, String directory, TomlTable root) {
    List<TomlTable> tables = new ArrayList<>(dependencyTables(document));
    document.getTable("target").ifPresent(
        platforms -> platforms.asMap().values().stream()
            .filter(TomlTable.class::isInstance)
            .forEach(platform -> tables.addAll(dependencyTables((TomlTable) platform))));
    Optional<TomlTable> inheritable = root.getTable("workspace").flatMap(w -> w.getTable("dependencies"));
    List<String> directories = new ArrayList<>();
    for (TomlTable table : tables) {
      table.asMap().forEach(
          (key, value) -> {
            if (value instanceof TomlTable entry) {
              Optional<String> path =
                  entry.getBoolean("workspace").orElse(false)
                      ? inheritable.flatMap(d -> d.getTable(key)).flatMap(d -> d.getString("path"))
                      : entry.getString("path").map(p -> RelativePaths.join(directory, p));
              path.flatMap(RelativePaths::insideRoot).ifPresent(directories::add);
            }
          });
    }
    return directories;
  }

  /** The tables of the dependencies a crate is built with: normal and build, not dev. */
  private static List<TomlTable> dependencyTables(TomlTable table) {
    return Stream.of(DependencyKind.NORMAL, DependencyKind.BUILD)
        .flatMap(kind -> kind.tableNames().stream())
        .map(table::getTable)
        .flatMap(Optional::stream)
        .toList();
  }
}
