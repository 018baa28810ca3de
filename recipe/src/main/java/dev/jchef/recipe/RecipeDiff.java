package dev.jchef.recipe;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.jchef.model.CargoFileException;
import dev.jchef.model.ToolchainFile;
import dev.jchef.model.internal.TomlReader;
import dev.jchef.model.internal.TomlWriter;
import dev.jchef.model.workspace.LockedPackage;
import dev.jchef.model.workspace.Lockfile;
import dev.jchef.model.workspace.TomlTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Why two recipes differ, file by file: manifests added or removed; keys changed, as dotted paths
 * with old and new values; targets added or removed; lockfile packages added, removed, or changed
 * in version, source or checksum; the config or toolchain file changed. This answers "why did my
 * dependency layer rebuild?" ({@code jchef diff}, {@code jchef history}).
 */
public final class RecipeDiff {
  /** How an empty table's value is written. */
  private static final String EMPTY_TABLE = TomlWriter.inline(TomlTable.empty());

  private static final String LOCKFILE = "Cargo.lock";

  /**
   * The lists of paths of a {@code [workspace]} table. Their change is entries added or removed,
   * shown one entry a line ({@code workspace.members: + crates/index}): both whole lists on one
   * line would hide the entry in a workspace of a hundred members.
   */
  private static final Set<String> PATH_LISTS =
      Set.of("workspace.members", "workspace.default-members", "workspace.exclude");

  private final ImmutableList<FileChanges> files;

  private RecipeDiff(ImmutableList<FileChanges> files) {
    this.files = files;
  }

  /** The changes in one file of the recipe, each a line such as {@code + dependencies.rand = "0.8"}. */
  public record FileChanges(String file, List<String> changes) {
    /** @throws NullPointerException when {@code file} or a change is null */
    public FileChanges {
      Objects.requireNonNull(file);
      changes = List.copyOf(changes);
    }
  }

  /** What changed from {@code before} to {@code after}. */
  public static RecipeDiff between(Recipe before, Recipe after) {
    checkNotNull(before);
    checkNotNull(after);
    List<FileChanges> files = new ArrayList<>();
    Map<String, RecipeManifest> oldManifests = byPath(before);
    Map<String, RecipeManifest> newManifests = byPath(after);
    Set<String> paths = new TreeSet<>(oldManifests.keySet());
    paths.addAll(newManifests.keySet());
    for (String path : paths) {
      RecipeManifest oldManifest = oldManifests.get(path);
      RecipeManifest newManifest = newManifests.get(path);
      if (oldManifest == null) {
        files.add(new FileChanges(path, ImmutableList.of("added")));
      } else if (newManifest == null) {
        files.add(new FileChanges(path, ImmutableList.of("removed")));
      } else {
        List<String> changes = new ArrayList<>(tomlChanges(oldManifest.contents(), newManifest.contents(), path));
        changes.addAll(targetChanges(oldManifest, newManifest));
        if (!changes.isEmpty()) {
          files.add(new FileChanges(path, ImmutableList.copyOf(changes)));
        }
      }
    }
    List<String> lockChanges = lockfileChanges(before.lockFile(), after.lockFile());
    if (!lockChanges.isEmpty()) {
      files.add(new FileChanges(LOCKFILE, ImmutableList.copyOf(lockChanges)));
    }
    tomlFile(".cargo/config.toml", before.configFile(), after.configFile()).ifPresent(files::add);
    toolchainChanges(before.toolchainFile(), after.toolchainFile()).ifPresent(files::add);
    return new RecipeDiff(ImmutableList.copyOf(files));
  }

  /** Returns whether the recipes are equal in every part a diff looks at. */
  public boolean isEmpty() {
    return files.isEmpty();
  }

  /** Returns the files that changed, in the recipe's order, each with its changes. */
  public List<FileChanges> files() {
    return files;
  }

  /** Returns one line: the first change, and how many more there are. */
  public String summary() {
    if (files.isEmpty()) {
      return "no change";
    }
    FileChanges first = files.get(0);
    int total = files.stream().mapToInt(f -> f.changes().size()).sum();
    String line = first.file() + ": " + first.changes().get(0);
    return total > 1 ? line + " (+" + (total - 1) + " more)" : line;
  }

  /** Returns every change, grouped under its file, one per line. */
  public String render() {
    StringBuilder out = new StringBuilder();
    for (FileChanges file : files) {
      out.append(file.file()).append('\n');
      file.changes().forEach(change -> out.append("  ").append(change).append('\n'));
    }
    return out.toString();
  }

  private static Map<String, RecipeManifest> byPath(Recipe recipe) {
    Map<String, RecipeManifest> manifests = new LinkedHashMap<>();
    recipe.manifests().forEach(m -> manifests.put(m.relativePath(), m));
    return manifests;
  }

  private static List<String> tomlChanges(String before, String after, String file) {
    if (before.equals(after)) {
      return List.of();
    }
    TomlTable oldTable = before.isEmpty() ? TomlTable.empty() : parse(before, file);
    TomlTable newTable = after.isEmpty() ? TomlTable.empty() : parse(after, file);
    if (oldTable == null || newTable == null) {
      return List.of("changed (not TOML on one side)");
    }
    return keyChanges(oldTable, newTable);
  }

  private static List<String> keyChanges(TomlTable oldTable, TomlTable newTable) {
    Map<String, String> oldKeys = flatten(oldTable);
    Map<String, String> newKeys = flatten(newTable);
    List<String> changes = new ArrayList<>();
    Set<String> keys = new TreeSet<>(oldKeys.keySet());
    keys.addAll(newKeys.keySet());
    for (String key : keys) {
      String oldValue = oldKeys.get(key);
      String newValue = newKeys.get(key);
      boolean gainedFirstKey = EMPTY_TABLE.equals(oldValue) && newValue == null && hasKeysUnder(newKeys, key);
      boolean lostLastKey = EMPTY_TABLE.equals(newValue) && oldValue == null && hasKeysUnder(oldKeys, key);
      if (gainedFirstKey || lostLastKey) {
        continue; // the keys added or removed under the table say it
      }
      if (oldValue == null) {
        changes.add("+ " + key + " = " + newValue);
      } else if (newValue == null) {
        changes.add("- " + key + " = " + oldValue);
      } else if (!oldValue.equals(newValue)) {
        List<String> entries = PATH_LISTS.contains(key) ? entryChanges(key, oldTable, newTable) : List.of();
        if (entries.isEmpty()) {
          changes.add(key + ": " + oldValue + " -> " + newValue);
        } else {
          changes.addAll(entries);
        }
      }
    }
    return changes;
  }

  /**
   * The entries added to and removed from the list of strings at {@code key} (a {@link
   * #PATH_LISTS} key): {@code workspace.members: + crates/index}, then {@code workspace.members: -
   * crates/old}, each in list order. Empty when either value is not such a list or only the order
   * changed: then both whole lists say it.
   */
  private static List<String> entryChanges(String key, TomlTable oldTable, TomlTable newTable) {
    Optional<List<String>> olds = stringList(oldTable, key);
    Optional<List<String>> news = stringList(newTable, key);
    if (olds.isEmpty() || news.isEmpty()) {
      return List.of();
    }
    List<String> changes = new ArrayList<>();
    news.get().stream().filter(e -> !olds.get().contains(e)).forEach(e -> changes.add(key + ": + " + e));
    olds.get().stream().filter(e -> !news.get().contains(e)).forEach(e -> changes.add(key + ": - " + e));
    return changes;
  }

  /** The list of strings at a two-part dotted key such as {@code workspace.members}. */
  private static Optional<List<String>> stringList(TomlTable table, String key) {
    String[] parts = key.split("\\.", 2);
    return table.getTable(parts[0])
        .flatMap(t -> t.getArray(parts[1]))
        .filter(list -> list.stream().allMatch(String.class::isInstance))
        .map(list -> list.stream().map(String.class::cast).toList());
  }

  private static boolean hasKeysUnder(Map<String, String> keys, String table) {
    return keys.keySet().stream().anyMatch(k -> k.startsWith(table + ".") || k.startsWith(table + "["));
  }

  private static TomlTable parse(String text, String file) {
    try {
      return TomlReader.parse(text, file);
    } catch (CargoFileException e) {
      return null;
    }
  }

  /** Every leaf of a table as dotted path to its value written as TOML. */
  private static Map<String, String> flatten(TomlTable table) {
    Map<String, String> leaves = new TreeMap<>();
    table.asMap().forEach((key, child) -> flatten(TomlWriter.key(key), child, leaves));
    return leaves;
  }

  private static void flatten(String prefix, Object value, Map<String, String> into) {
    if (value instanceof TomlTable table && !table.isEmpty()) {
      table.asMap().forEach(
          (key, child) -> flatten(prefix.isEmpty() ? TomlWriter.key(key) : prefix + "." + TomlWriter.key(key), child, into));
    } else if (value instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(TomlTable.class::isInstance)) {
      // [[bin]] and the like: by name when the names tell the entries apart, so that adding one
      // entry is one change rather than a shift of all that follow it.
      List<Optional<String>> names = list.stream().map(t -> ((TomlTable) t).getString("name")).toList();
      boolean named = names.stream().allMatch(Optional::isPresent) && names.stream().distinct().count() == names.size();
      for (int i = 0; i < list.size(); i++) {
        String index = named ? TomlWriter.key(names.get(i).orElseThrow()) : Integer.toString(i);
        flatten(prefix + "[" + index + "]", list.get(i), into);
      }
    } else {
      into.put(prefix, TomlWriter.inline(value));
    }
  }

  private static List<String> targetChanges(RecipeManifest before, RecipeManifest after) {
    Set<String> oldTargets = targets(before);
    Set<String> newTargets = targets(after);
    List<String> changes = new ArrayList<>();
    newTargets.stream().filter(t -> !oldTargets.contains(t)).forEach(t -> changes.add("+ target " + t));
    oldTargets.stream().filter(t -> !newTargets.contains(t)).forEach(t -> changes.add("- target " + t));
    return changes;
  }

  private static Set<String> targets(RecipeManifest manifest) {
    return manifest.targets().stream()
        .map(t -> t.kind().name().toLowerCase(Locale.ROOT) + (t.procMacro() ? " (proc-macro)" : "") + " " + t.name() + " " + t.path())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static List<String> lockfileChanges(Optional<String> before, Optional<String> after) {
    if (before.equals(after)) {
      return List.of();
    }
    if (before.isEmpty()) {
      return List.of("added");
    }
    if (after.isEmpty()) {
      return List.of("removed");
    }
    List<LockedPackage> oldPackages = packages(before.get());
    List<LockedPackage> newPackages = packages(after.get());
    if (oldPackages == null || newPackages == null) {
      return List.of("changed (not a lockfile on one side)");
    }
    Map<String, List<LockedPackage>> oldByName = group(oldPackages, LockedPackage::name);
    Map<String, List<LockedPackage>> newByName = group(newPackages, LockedPackage::name);
    Set<String> names = new TreeSet<>(oldByName.keySet());
    names.addAll(newByName.keySet());
    List<String> changes = new ArrayList<>();
    for (String name : names) {
      List<LockedPackage> olds = new ArrayList<>(oldByName.getOrDefault(name, List.of()));
      List<LockedPackage> news = new ArrayList<>(newByName.getOrDefault(name, List.of()));
      boolean severalVersions = olds.size() > 1 || news.size() > 1;
      olds.removeIf(p -> news.remove(p)); // unchanged ones, dependencies aside
      for (LockedPackage old : List.copyOf(olds)) {
        successor(old, olds, news).ifPresent(now -> {
          changes.add(packageChange(old, now, severalVersions));
          olds.remove(old);
          news.remove(now);
        });
      }
      if (olds.size() == 1 && news.size() == 1) {
        changes.add(packageChange(olds.get(0), news.get(0), severalVersions));
      } else {
        news.forEach(p -> changes.add("+ " + describe(p)));
        olds.forEach(p -> changes.add("- " + describe(p)));
      }
    }
    if (changes.isEmpty()) {
      changes.add("changed (dependency edges or format)");
    }
    return changes;
  }

  /**
   * The entry of the new lockfile that {@code before} became, when a lockfile holds several
   * versions of a package (syn 1 and syn 2): the one of the same version (its source or checksum
   * changed), else the one of the same source in the same semver-compatible series ({@code 2.0.48}
   * and {@code 2.0.119}; {@code 0.4.x}), of which cargo locks one at a time.
   */
  private static Optional<LockedPackage> successor(
      LockedPackage before, List<LockedPackage> olds, List<LockedPackage> news) {
    Optional<LockedPackage> sameVersion =
        news.stream().filter(p -> p.version().equals(before.version())).findFirst();
    if (sameVersion.isPresent()) {
      return sameVersion;
    }
    String series = compatibleSeries(before.version());
    Predicate<LockedPackage> inSeries =
        p -> p.source().equals(before.source()) && compatibleSeries(p.version()).equals(series);
    List<LockedPackage> sameSeries = news.stream().filter(inSeries).toList();
    boolean onlyOldOne = olds.stream().filter(inSeries).count() == 1;
    return sameSeries.size() == 1 && onlyOldOne ? Optional.of(sameSeries.get(0)) : Optional.empty();
  }

  /**
   * The semver-compatible series of a version, as cargo's resolver groups them: {@code 2} for
   * {@code 2.0.48}, {@code 0.4} for {@code 0.4.20}, {@code 0.0.3} for {@code 0.0.3}.
   */
  private static String compatibleSeries(String version) {
    String[] parts = version.split("[.+-]", 4);
    if (parts.length < 3 || !parts[0].equals("0")) {
      return parts[0];
    }
    return parts[1].equals("0") ? "0.0." + parts[2] : "0." + parts[1];
  }

  /**
   * One line for a package whose entry changed: {@code syn 2.0.48 -> 2.0.119}; a source or
   * checksum change names the version too when the lockfile holds several of the package.
   */
  private static String packageChange(LockedPackage before, LockedPackage after, boolean severalVersions) {
    List<String> parts = new ArrayList<>();
    if (!before.version().equals(after.version())) {
      parts.add(before.version() + " -> " + after.version());
    }
    if (!before.source().equals(after.source())) {
      parts.add("source " + before.source().orElse("(local)") + " -> " + after.source().orElse("(local)"));
    }
    if (parts.isEmpty() && !before.checksum().equals(after.checksum())) {
      parts.add("checksum " + before.checksum().orElse("(none)") + " -> " + after.checksum().orElse("(none)"));
    }
    if (parts.isEmpty()) {
      parts.add("dependencies changed");
    }
    boolean sameVersion = before.version().equals(after.version());
    return before.name() + (sameVersion && severalVersions ? " " + before.version() : "") + " " + String.join(", ", parts);
  }

  private static String describe(LockedPackage pkg) {
    return pkg.name() + " " + pkg.version() + pkg.source().map(s -> " (" + s + ")").orElse("");
  }

  private static List<LockedPackage> packages(String text) {
    try {
      return Lockfile.parse(text, LOCKFILE).packages().stream()
          .map(p -> new LockedPackage(p.name(), p.version(), p.source(), p.checksum(), ImmutableList.of()))
          .toList();
    } catch (CargoFileException e) {
      return null;
    }
  }

  private static <K> Map<K, List<LockedPackage>> group(List<LockedPackage> packages, Function<LockedPackage, K> key) {
    return packages.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
  }

  /** A TOML file carried verbatim (the Cargo config): its keys, old and new, as for manifests. */
  private static Optional<FileChanges> tomlFile(String file, Optional<String> before, Optional<String> after) {
    if (before.equals(after)) {
      return Optional.empty();
    }
    List<String> changes = new ArrayList<>();
    if (before.isEmpty()) {
      changes.add("added");
    } else if (after.isEmpty()) {
      changes.add("removed");
    }
    changes.addAll(tomlChanges(before.orElse(""), after.orElse(""), file));
    return Optional.of(new FileChanges(file, ImmutableList.copyOf(changes)));
  }

  /**
   * The toolchain file: its keys old and new for {@code rust-toolchain.toml}, its text old and new
   * for a bare {@code rust-toolchain} (a channel name).
   */
  private static Optional<FileChanges> toolchainChanges(Optional<ToolchainFile> before, Optional<ToolchainFile> after) {
    if (before.equals(after)) {
      return Optional.empty();
    }
    String file =
        after.or(() -> before).map(t -> t.kind().fileName()).orElseThrow();
    boolean toml =
        before.map(t -> t.kind() == ToolchainFile.Kind.TOML).orElse(true)
            && after.map(t -> t.kind() == ToolchainFile.Kind.TOML).orElse(true);
    if (toml) {
      return tomlFile(file, before.map(ToolchainFile::text), after.map(ToolchainFile::text));
    }
    List<String> changes = new ArrayList<>();
    String old = before.map(t -> t.kind().fileName() + " `" + t.text().strip() + "`").orElse("none");
    String now = after.map(t -> t.kind().fileName() + " `" + t.text().strip() + "`").orElse("none");
    changes.add(old + " -> " + now);
    return Optional.of(new FileChanges(file, ImmutableList.copyOf(changes)));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RecipeDiff diff && files.equals(diff.files);
  }

  @Override
  public int hashCode() {
    return Objects.hash(files);
  }

  @Override
  public String toString() {
    return render();
  }
}
