package dev.jchef.recipe.layers;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.jchef.model.CargoFileException;
import dev.jchef.model.internal.RelativePaths;
import dev.jchef.model.internal.TomlReader;
import dev.jchef.model.internal.TomlWriter;
import dev.jchef.model.workspace.CargoConfig;
import dev.jchef.model.workspace.DependencyOverride;
import dev.jchef.model.workspace.TomlTable;
import dev.jchef.recipe.Recipe;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a cook of a recipe needs from the workspace that the recipe does not carry, for the user
 * to copy into the build directory before cook, as a Dockerfile copies a vendor directory.
 *
 * <p>Why the recipe leaves them out: a {@code [patch]} or {@code [replace]} path crate that is not
 * in the workspace, and a directory source of the Cargo configuration, hold real code that
 * registry crates compile against (a dummy would break them, and prepare never reads {@code .rs}
 * contents); a file the configuration names ({@link CargoConfig#localFiles}: a linker script, a
 * {@code rustc-wrapper}) is any file, which the recipe's cargo-chef schema has no field for.
 * Naming them at prepare tells the user before cook fails without them.
 *
 * @param directories the directories inside the root, sorted by path, with the key that names
 *     each: {@code [patch.*]} and {@code [replace]} paths the recipe has no manifest for, and the
 *     configuration's {@code directory} sources
 * @param configFiles the local files the recipe's Cargo configuration names
 */
public record ProvidedFiles(ImmutableSortedMap<String, String> directories, ImmutableList<CargoConfig.LocalFile> configFiles) {
  /** Where cook writes the configuration, whatever its name in the workspace. */
  private static final String CONFIG = ".cargo/config.toml";

  public ProvidedFiles {
    checkNotNull(directories);
    checkNotNull(configFiles);
  }

  /**
   * What {@code recipe} leaves to the user. A root manifest or configuration that is not TOML
   * names nothing here (cargo reports it when it reads the skeleton).
   */
  public static ProvidedFiles of(Recipe recipe) {
    Map<String, String> directories = new TreeMap<>();
    recipe.manifests().stream()
        .filter(manifest -> manifest.relativePath().equals("Cargo.toml"))
        .findFirst()
        .flatMap(root -> parse(root.contents(), "Cargo.toml"))
        .ifPresent(root -> substitutePaths(root).forEach(directories::putIfAbsent));
    recipe.configFile().ifPresent(config -> directorySources(config).forEach(directories::putIfAbsent));
    recipe.manifests().forEach(manifest -> directories.remove(manifest.directory()));
    ImmutableList<CargoConfig.LocalFile> configFiles =
        recipe.configFile()
            .filter(config -> parse(config, CONFIG).isPresent())
            .map(config -> new CargoConfig(CONFIG, config).localFiles())
            .orElse(ImmutableList.of());
    return new ProvidedFiles(ImmutableSortedMap.copyOf(directories), configFiles);
  }

  /**
   * The lines prepare prints: one naming the directories, one naming the configuration's files;
   * none when the recipe leaves nothing to the user.
   */
  public ImmutableList<String> warnings() {
    List<String> warnings = new ArrayList<>();
    if (!directories.isEmpty()) {
      warnings.add(
          (directories.size() == 1 ? "a dependency source" : "dependency sources")
              + " the recipe leaves to you (it has no manifest for " + (directories.size() == 1 ? "it" : "them")
              + "): " + named(directories)
              + "; copy " + (directories.size() == 1 ? "it" : "them")
              + " into the build directory before cook, as you would a vendor directory");
    }
    if (!configFiles.isEmpty()) {
      Map<String, String> files = new LinkedHashMap<>();
      configFiles.forEach(file -> files.merge(file.path(), file.key(), (a, b) -> a + ", " + b));
      warnings.add(
          "the Cargo config names " + (files.size() == 1 ? "a local file" : "local files")
              + " the recipe does not carry: " + named(files) + "; copy "
              + (files.size() == 1 ? "it" : "them") + " into the build directory before cook, at the same path");
    }
    return ImmutableList.copyOf(warnings);
  }

  private static String named(Map<String, String> pathsWithKeys) {
    return pathsWithKeys.entrySet().stream()
        .map(entry -> entry.getKey() + " (" + entry.getValue() + ")")
        .collect(Collectors.joining(", "));
  }

  /**
   * The directories inside the root that the {@code [patch.*]} and {@code [replace]} paths of a
   * root manifest name, each with its key ({@code [patch.crates-io] serde}), sorted.
   */
  public static ImmutableSortedMap<String, String> substitutePaths(TomlTable root) {
    Map<String, String> into = new TreeMap<>();
    for (DependencyOverride override : DependencyOverride.of(root)) {
      override.path().flatMap(RelativePaths::insideRoot).ifPresent(path -> into.putIfAbsent(path, override.shown()));
    }
    return ImmutableSortedMap.copyOf(into);
  }

  /**
   * The directories inside the root that a Cargo configuration's {@code [source.*]} tables serve
   * as {@code directory} sources (a vendor directory), each with its key, sorted; none when the
   * text is not TOML.
   */
  public static ImmutableSortedMap<String, String> directorySources(String config) {
    Map<String, String> into = new TreeMap<>();
    parse(config, CONFIG)
        .flatMap(table -> table.getTable("source"))
        .ifPresent(sources -> sources.asMap().forEach((name, source) -> {
          if (source instanceof TomlTable table) {
            table.getString("directory")
                .flatMap(RelativePaths::insideRoot)
                .ifPresent(path -> into.putIfAbsent(path, "[source." + TomlWriter.key(name) + "] directory"));
          }
        }));
    return ImmutableSortedMap.copyOf(into);
  }

  private static Optional<TomlTable> parse(String text, String name) {
    try {
      return Optional.of(TomlReader.parse(text, name));
    } catch (CargoFileException e) {
      return Optional.empty();
    }
  }
}
