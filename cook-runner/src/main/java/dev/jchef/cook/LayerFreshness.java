package dev.jchef.cook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Keeps the compiled units of member-layer packages fresh exactly when the package's content is
 * the content they were built from, whoever kept the target directory (a fresh layer image, a
 * cache mount, a CI cache restored into a new checkout, a build in the user's own checkout).
 *
 * <p>Why: cargo judges a workspace crate's freshness by modification times, while a container's
 * layer cache keys a {@code COPY} on content and every checkout has new times. A layer step's
 * units stay fresh for the final build only if the unchanged files get a time older than the
 * units ({@link SourceTimes#FIXED}); but a fixed time hides a change from cargo, so it may only
 * be given to content that the units in the target directory were really built from. That is
 * what the record ({@link LayerSourceRecord}, in each profile directory beside {@code
 * .fingerprint/}) tracks: written only after a build jchef ran succeeded, for the units that
 * build left. The rule, before each build ({@link #prepare}):
 *
 * <ol>
 *   <li>a unit of a layer package ({@code .fingerprint/<package>-<hash>}, in every profile
 *       directory of the target directory) is kept only when its record names it, none of its
 *       files is newer than the record, and the package's files, and the files outside it that
 *       its units read ({@link UnitInputs}), hash as recorded; any other unit's fingerprint is
 *       removed, so that cargo builds it again whatever the times say;
 *   <li>a layer package's file (a link to a file is hashed by what it leads to, and its time is
 *       left to the file it leads to) gets the fixed time when the package has units left that the
 *       record vouches for and no unit outside the layers reads the file; every other file of a
 *       layer package gets the current time, and never one earlier than the newest file under
 *       {@code .fingerprint/}, so that cargo sees it as changed. A file outside every layer
 *       package that vouched units read (a build script's {@code rerun-if-changed} input) gets
 *       the fixed time too, unless a unit outside the layers reads it; otherwise jchef leaves its
 *       time to cargo.
 * </ol>
 *
 * After a successful build ({@link #record}), every unit of a layer package in the target
 * directory was either vouched for or built by that build from the hashed content, so the record
 * is written anew; a package whose files, or the files outside it that its units read, changed
 * while cargo ran is left out of it.
 */
final class LayerFreshness {
  private final Path root;
  private final Path targetDirectory;
  private final Map<String, String> layerPackages;
  private final Map<String, String> otherPackages;

  /**
   * @param root the workspace root (or the cooked directory)
   * @param targetDirectory cargo's target directory for the build
   * @param layerPackages the layer packages' directories (relative to {@code root}, {@code /}) by
   *     package name
   * @param otherPackages the other workspace packages' directories by name
   */
  LayerFreshness(
      Path root, Path targetDirectory, Map<String, String> layerPackages, Map<String, String> otherPackages) {
    this.root = root;
    this.targetDirectory = targetDirectory;
    this.layerPackages = Map.copyOf(layerPackages);
    this.otherPackages = Map.copyOf(otherPackages);
  }

  /**
   * What {@link #prepare} found and did.
   *
   * @param files each layer package's own files and their SHA-256, by package directory
   * @param removedUnits fingerprint directories removed: units cargo must build again
   * @param fixed files given the fixed time
   * @param renewed files given the current time
   * @param outside the SHA-256 of each file outside its package that a layer package's units read
   *     or a record names, hashed before the build
   * @param done when the times were set: a file outside the packages changed after this was
   *     changed while cargo ran
   */
  record Prepared(
      Map<String, SortedMap<String, String>> files, int removedUnits, int fixed, int renewed,
      Map<String, String> outside, Instant done) {}

  /**
   * Applies the rule before a build: removes the fingerprints of units the records do not vouch
   * for, rewrites the records to what is left, and sets the layer packages' file times.
   *
   * @throws UncheckedIOException when a fingerprint cannot be removed or a time set
   */
  Prepared prepare() {
    Map<String, SortedMap<String, String>> own = ownFiles();
    Set<String> vouched = new HashSet<>();
    Set<String> vouchedOutside = new HashSet<>();
    Set<String> readByOthers = new HashSet<>();
    Map<String, String> outside = new HashMap<>();
    int removed = 0;
    for (Path profile : profileDirectories()) {
      LayerSourceRecord record = LayerSourceRecord.read(profile);
      UnitInputs inputs = UnitInputs.scan(profile, root, layerPackages, otherPackages);
      readByOthers.addAll(inputs.readByOthers());
      inputs.external().values().forEach(files -> files.forEach(file -> outsideHash(file, outside)));
      SortedMap<String, LayerSourceRecord.Entry> kept = new TreeMap<>();
      for (Map.Entry<String, String> pkg : layerPackages.entrySet()) {
        String directory = pkg.getValue();
        LayerSourceRecord.Entry entry = record.packages().get(directory);
        boolean contentMatches = entry != null && matches(entry, own.get(directory), directory, outside);
        List<String> surviving = new ArrayList<>();
        for (Path unit : units(profile, pkg.getKey())) {
          String name = unit.getFileName().toString();
          if (contentMatches && entry.units().contains(name) && !newerThan(unit, entry.recorded())) {
            surviving.add(name);
          } else {
            deleteTree(unit);
            removed++;
          }
        }
        if (!surviving.isEmpty()) {
          kept.put(directory, new LayerSourceRecord.Entry(entry.files(), surviving, entry.recorded()));
          vouched.add(directory);
          entry.files().keySet().stream()
              .filter(file -> UnitInputs.packageOf(file, layerPackages.values()).isEmpty())
              .forEach(vouchedOutside::add);
        }
      }
      if (!kept.equals(record.packages())) {
        new LayerSourceRecord(kept).write(profile);
      }
    }
    FileTime renewed = renewedTime();
    int fixed = 0;
    int changed = 0;
    for (Map.Entry<String, SortedMap<String, String>> pkg : own.entrySet()) {
      for (String file : pkg.getValue().keySet()) {
        if (Files.isSymbolicLink(root.resolve(file))) {
          continue; // its target's time is its own package's (or cargo's) to decide
        }
        boolean fix = vouched.contains(pkg.getKey()) && !readByOthers.contains(file);
        SourceTimes.set(root.resolve(file), fix ? SourceTimes.FIXED : renewed);
        if (fix) {
          fixed++;
        } else {
          changed++;
        }
      }
    }
    // Files outside every layer package that vouched units read (a build script's input): their
    // time is the units' too, unless a unit outside the layers reads them; else cargo judges them.
    for (String file : vouchedOutside) {
      Path path = root.resolve(file);
      if (!readByOthers.contains(file) && Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
        SourceTimes.set(path, SourceTimes.FIXED);
        fixed++;
      }
    }
    return new Prepared(own, removed, fixed, changed, outside, Instant.now());
  }

  /**
   * Removes the fingerprints of every unit of the packages, in every profile directory, and their
   * records: cargo compiles each of them again.
   */
  void forgetUnits() {
    for (Path profile : profileDirectories()) {
      for (String name : layerPackages.keySet()) {
        units(profile, name).forEach(LayerFreshness::deleteTree);
      }
      new LayerSourceRecord(new TreeMap<>()).write(profile);
    }
  }

  /**
   * Writes the records after a successful build: for each layer package with units in a profile
   * directory, its files' hashes (its own, and those outside it that its units read) and the units.
   *
   * @param before what {@link #prepare} hashed before the build
   * @throws UncheckedIOException when a record cannot be written
   */
  void record(Prepared before) {
    Map<String, SortedMap<String, String>> own = ownFiles();
    for (Path profile : profileDirectories()) {
      UnitInputs inputs = UnitInputs.scan(profile, root, layerPackages, otherPackages);
      SortedMap<String, LayerSourceRecord.Entry> entries = new TreeMap<>();
      for (Map.Entry<String, String> pkg : layerPackages.entrySet()) {
        String directory = pkg.getValue();
        List<Path> units = units(profile, pkg.getKey());
        if (units.isEmpty() || !own.get(directory).equals(before.files().get(directory))) {
          continue; // nothing here, or changed while cargo ran: vouch for nothing
        }
        SortedMap<String, String> files = new TreeMap<>(own.get(directory));
        boolean changedWhileBuilding = false;
        for (String path : inputs.external().getOrDefault(directory, Set.of())) {
          String now = ContentHash.of(root.resolve(path));
          String was = before.outside().get(path);
          changedWhileBuilding |= was != null ? !was.equals(now) : modifiedAfter(root.resolve(path), before.done());
          files.put(path, now);
        }
        if (changedWhileBuilding) {
          continue; // what cargo read is not known: vouch for nothing, so the next build compiles it
        }
        Instant recorded = Instant.now();
        for (Path unit : units) {
          Instant newest = SourceTimes.newest(unit);
          if (newest.isAfter(recorded)) {
            recorded = newest;
          }
        }
        entries.put(
            directory,
            new LayerSourceRecord.Entry(files, units.stream().map(u -> u.getFileName().toString()).toList(), recorded));
      }
      new LayerSourceRecord(entries).write(profile);
    }
  }

  private static boolean modifiedAfter(Path file, Instant time) {
    try {
      return Files.getLastModifiedTime(file).toInstant().isAfter(time);
    } catch (IOException e) {
      return false; // gone: its hash says so
    }
  }

  /**
   * Whether the recorded hashes are the current ones: the package's own files exactly, and the
   * rest, hashed once for all packages and profile directories into {@code outside}.
   */
  private boolean matches(
      LayerSourceRecord.Entry entry, SortedMap<String, String> own, String directory, Map<String, String> outside) {
    SortedMap<String, String> recordedOwn = new TreeMap<>();
    for (Map.Entry<String, String> file : entry.files().entrySet()) {
      if (file.getKey().startsWith(directory + "/")) {
        recordedOwn.put(file.getKey(), file.getValue());
      } else if (!file.getValue().equals(outsideHash(file.getKey(), outside))) {
        return false;
      }
    }
    return recordedOwn.equals(own);
  }

  /** The hash of a file outside its package, from {@code outside} or hashed into it. */
  private String outsideHash(String file, Map<String, String> outside) {
    return outside.computeIfAbsent(file, f -> ContentHash.of(root.resolve(f)));
  }

  /** The time a file cargo must see as changed gets: now, and after every fingerprint. */
  private FileTime renewedTime() {
    Instant time = Instant.now();
    for (Path profile : profileDirectories()) {
      Instant newest = SourceTimes.newest(profile.resolve(".fingerprint"));
      if (!newest.isBefore(time)) {
        time = newest.plus(Duration.ofSeconds(1));
      }
    }
    return FileTime.from(time);
  }

  /**
   * The profile directories of the target directory: those holding a {@code .fingerprint/}
   * ({@code debug}, {@code release}, a custom profile's, each under a target triple too).
   */
  List<Path> profileDirectories() {
    List<Path> result = new ArrayList<>();
    for (Path first : children(targetDirectory)) {
      if (Files.isDirectory(first.resolve(".fingerprint"), LinkOption.NOFOLLOW_LINKS)) {
        result.add(first);
      }
      for (Path second : children(first)) {
        if (Files.isDirectory(second.resolve(".fingerprint"), LinkOption.NOFOLLOW_LINKS)) {
          result.add(second);
        }
      }
    }
    result.sort(Comparator.naturalOrder());
    return result;
  }

  /** The fingerprint directories of a package's units: {@code .fingerprint/<name>-<16 hex>}. */
  private static List<Path> units(Path profile, String packageName) {
    Pattern unit = Pattern.compile(Pattern.quote(packageName) + "-[0-9a-f]{16}");
    return children(profile.resolve(".fingerprint")).stream()
        .filter(p -> unit.matcher(p.getFileName().toString()).matches())
        .toList();
  }

  private static List<Path> children(Path directory) {
    List<Path> result = new ArrayList<>();
    if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
      return result;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      for (Path entry : entries) {
        if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
          result.add(entry);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory + ": " + e.getMessage(), e);
    }
    result.sort(Comparator.naturalOrder());
    return result;
  }

  /** Each layer package's regular files (relative to the root) and their SHA-256. */
  private Map<String, SortedMap<String, String>> ownFiles() {
    Map<String, SortedMap<String, String>> result = new HashMap<>();
    for (String directory : layerPackages.values()) {
      SortedMap<String, String> files = new TreeMap<>();
      Path start = root.resolve(directory);
      if (Files.isDirectory(start)) {
        try {
          Files.walkFileTree(
              start,
              new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                  // a target directory inside the package (cargo run there) is output, not source
                  return !dir.equals(start) && Files.exists(dir.resolve("CACHEDIR.TAG"))
                      ? FileVisitResult.SKIP_SUBTREE
                      : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                  // A link to a file is hashed by what it leads to: rustc reads through it.
                  if (attributes.isRegularFile() || (attributes.isSymbolicLink() && Files.isRegularFile(file))) {
                    files.put(root.relativize(file).toString().replace('\\', '/'), ContentHash.of(file));
                  }
                  return FileVisitResult.CONTINUE;
                }
              });
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read the files of " + start + ": " + e.getMessage(), e);
        }
      }
      result.put(directory, files);
    }
    return result;
  }

  private static boolean newerThan(Path unit, Instant recorded) {
    return SourceTimes.newest(unit).isAfter(recorded);
  }

  private static void deleteTree(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + directory + ": " + e.getMessage(), e);
    }
  }
}
