package dev.jchef.cook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The cooked state jchef keeps in a {@link CookCache}: which files of the unit directory a cook's
 * state holds, and how a fetched state is put back.
 *
 * <p><b>What is stored.</b> Only the units cargo reported in this cook, fresh or compiled ({@code
 * compiler-artifact} and {@code build-script-executed} messages), of packages that are not the
 * skeleton's dummies: for each, every entry named with the unit's hash in {@code deps/}, {@code
 * build/} and {@code .fingerprint/} of its profile directory. Units of earlier cooks that this one
 * did not use stay out, so a state never grows with history. A unit with a symbolic link among its
 * files stays out too (cargo compiles it again). Beside the units, the {@link CookStateRecord}.
 *
 * <p><b>The time trap.</b> cargo judges a build script's run by the modification times of the
 * files its {@code rerun-if-changed} lines name, and a path package's units by those of their
 * dep-info inputs, against the unit's own files. Sources copied again (a vendored directory source,
 * a {@code [patch]} path crate, a git checkout made afresh) have new times, and restored units with
 * their old times would all be compiled again. So the record keeps the {@link ContentHash} of each
 * such input; a restore checks every input against it, removes the fingerprint of a unit whose
 * input changed (cargo compiles that unit and its dependents again), and gives every restored file
 * one time, no older than now or than any input, so that cargo finds the rest fresh. Registry
 * sources are not stored: cargo unpacks a {@code .crate} with the fixed times {@code cargo package}
 * put in it, and their content is named by the lockfile's checksum.
 *
 * <p><b>Untrusted input.</b> A fetched state may only hold regular files and directories, below a
 * profile directory ({@code debug}, {@code x86_64-unknown-linux-gnu/release}: one or two plain
 * names) in {@code deps/}, {@code build/} or {@code .fingerprint/}, and the record; anything else
 * makes the whole state refused. Units of a workspace member's name are not restored: cargo
 * compiles the member, whatever the state says.
 */
final class CookState {
  private static final Set<String> UNIT_DIRECTORIES = Set.of("deps", "build", ".fingerprint");
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
  private static final Pattern FINGERPRINT = Pattern.compile("(.+)-([0-9a-f]{16})");

  private CookState() {}

  /**
   * The units of a finished cook to store, and their record, written to {@code unitDirectory}
   * as {@link CookStateRecord#FILE_NAME}.
   *
   * @param isDummy whether a package id is one of the skeleton's dummies
   * @return paths relative to {@code unitDirectory}, sorted, the record's among them
   */
  static List<String> select(
      CookCacheKey key, Path unitDirectory, Path root, Path cargoHome, CargoMessages messages, Predicate<String> isDummy) {
    Map<String, Path> packageRoots = new HashMap<>();
    Map<Path, Set<String>> hashes = new HashMap<>();
    Map<String, String> packageOfHash = new HashMap<>();
    Set<String> runHashes = new HashSet<>();
    for (CompilerArtifact artifact : messages.artifacts()) {
      if (isDummy.test(artifact.packageId())) {
        continue;
      }
      if (!artifact.manifestPath().isEmpty()) {
        packageRoots.put(artifact.packageId(), Path.of(artifact.manifestPath()).getParent());
      }
      for (String name : artifact.filenames()) {
        note(Path.of(name), unitDirectory, artifact.packageId(), hashes, packageOfHash);
      }
    }
    for (BuildScriptExecuted run : messages.buildScripts()) {
      Path runDirectory = Path.of(run.outDir()).getParent();
      if (!isDummy.test(run.packageId()) && runDirectory != null) {
        note(runDirectory.resolve("out"), unitDirectory, run.packageId(), hashes, packageOfHash)
            .ifPresent(runHashes::add);
      }
    }
    TreeSet<String> files = new TreeSet<>();
    SortedMap<String, SortedMap<String, String>> inputs = new TreeMap<>();
    Map<Path, String> contentHashes = new HashMap<>();
    for (Map.Entry<Path, Set<String>> profile : hashes.entrySet()) {
      Map<String, List<Path>> entriesByHash = DummyArtifactCleaner.entriesByHash(profile.getKey());
      for (String hash : profile.getValue()) {
        List<Path> entries = entriesByHash.getOrDefault(hash, List.of());
        Optional<List<Path>> unitFiles = regularFiles(entries);
        if (unitFiles.isEmpty()) {
          continue;
        }
        unitFiles.get().forEach(f -> files.add(relative(unitDirectory, f)));
        String packageId = packageOfHash.get(hash);
        Optional<Path> fingerprint =
            entries.stream().filter(e -> e.getParent().getFileName().toString().equals(".fingerprint")).findFirst();
        SortedMap<String, String> read = inputsOf(
            entries, runHashes.contains(hash), packageId, packageRoots.get(packageId), root, unitDirectory, contentHashes);
        if (fingerprint.isPresent() && !read.isEmpty()) {
          inputs.put(relative(unitDirectory, fingerprint.get()), read);
        }
      }
    }
    new CookStateRecord(key.exact(), key.scope(), root.toString(), unitDirectory.toString(), cargoHome.toString(), inputs)
        .write(unitDirectory.resolve(CookStateRecord.FILE_NAME));
    files.add(CookStateRecord.FILE_NAME);
    return List.copyOf(files);
  }

  /** Notes the unit hash and profile directory of a file cargo named, if it lies in the unit directory. */
  private static Optional<String> note(
      Path file, Path unitDirectory, String packageId, Map<Path, Set<String>> hashes, Map<String, String> packageOfHash) {
    if (!file.startsWith(unitDirectory)) {
      return Optional.empty();
    }
    Optional<String> hash = DummyArtifactCleaner.unitHash(file);
    Optional<Path> profile = DummyArtifactCleaner.profileDirectory(file);
    if (hash.isEmpty() || profile.isEmpty()) {
      return Optional.empty();
    }
    hashes.computeIfAbsent(profile.get(), p -> new HashSet<>()).add(hash.get());
    packageOfHash.put(hash.get(), packageId);
    return hash;
  }

  /**
   * The files a unit read, whose content must be what it was for the unit to be reused: its
   * dep-info inputs (rustc's {@code .d}: a library's sources, a build script's own source), and
   * for a build script's run the {@code rerun-if-changed} paths (for a path package without any,
   * its whole directory, which cargo then watches). cargo itself judges a registry, git or
   * vendored package by its version alone, so a vendored crate edited without a new version, or a
   * {@code .crate} of the same version with other content, is caught here and nowhere else. Files
   * in the unit directory (generated into {@code OUT_DIR}) are the state's own and are left out.
   *
   * @param entries the unit's entries in its profile directory
   * @param contentHashes each file's {@link ContentHash}, shared by all units: hashed once
   */
  private static SortedMap<String, String> inputsOf(
      List<Path> entries, boolean isRun, String packageId, Path packageRoot, Path root, Path unitDirectory,
      Map<Path, String> contentHashes) {
    List<Path> read = new ArrayList<>();
    boolean local = packageId != null && PackageIds.isLocal(packageId);
    for (Path entry : entries) {
      String directory = entry.getParent().getFileName().toString();
      if (directory.equals("deps") && entry.getFileName().toString().endsWith(".d")) {
        UnitInputs.inputs(entry).forEach(input -> read.add(root.resolve(input)));
      } else if (directory.equals("build") && Files.isDirectory(entry)) {
        for (Path depInfo : depInfoFiles(entry)) {
          UnitInputs.inputs(depInfo).forEach(input -> read.add(root.resolve(input)));
        }
        Path output = entry.resolve("output");
        if (isRun && Files.isRegularFile(output) && packageRoot != null) {
          List<String> watched = UnitInputs.rerunIfChanged(output);
          watched.forEach(w -> read.add(packageRoot.resolve(w)));
          if (watched.isEmpty() && local) {
            read.add(packageRoot);
          }
        }
      }
    }
    SortedMap<String, String> hashes = new TreeMap<>();
    for (Path file : read) {
      Path path = file.normalize();
      if (!path.startsWith(unitDirectory)) {
        hashes.put(path.toString(), contentHashes.computeIfAbsent(path, ContentHash::of));
      }
    }
    return hashes;
  }

  /** The dep-info files directly in a build script's directory ({@code build/<package>-H/*.d}). */
  private static List<Path> depInfoFiles(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".d") && Files.isRegularFile(f)).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** The regular files below the entries, or empty if a link or other special file is among them. */
  private static Optional<List<Path>> regularFiles(List<Path> entries) {
    List<Path> files = new ArrayList<>();
    for (Path entry : entries) {
      try (Stream<Path> walk = Files.walk(entry)) {
        for (Path path : walk.toList()) {
          BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
          if (attributes.isRegularFile()) {
            files.add(path);
          } else if (!attributes.isDirectory()) {
            return Optional.empty();
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the unit files in " + entry + ": " + e.getMessage(), e);
      }
    }
    return Optional.of(files);
  }

  /**
   * What a restore did.
   *
   * @param files files put in the unit directory
   * @param units units whose fingerprint was put in the unit directory
   * @param kept files the unit directory had already, left as they were
   * @param changedUnits units whose inputs changed, and the restored units that depend on them:
   *     their fingerprints were removed
   * @param memberUnits units of a workspace member's name, left out
   * @param sameRecipe whether the state was stored under the exact key asked for: this recipe's
   */
  record Restored(int files, int units, int kept, List<String> changedUnits, int memberUnits, boolean sameRecipe) {}

  /**
   * Puts the fetched state in {@code staging} into {@code unitDirectory}, after checking that it
   * was stored for {@code key}'s scope, made at these paths and holds only what a state may hold; files the unit directory has
   * already are left as they are. {@code staging} is removed.
   *
   * @param members the workspace members' package names
   * @throws CookCacheException when the state is refused; nothing was put in the unit directory
   */
  static Restored restore(
      CookCacheKey key, Path staging, Path unitDirectory, Path root, Path cargoHome, Set<String> members) {
    try {
      CookStateRecord record = CookStateRecord.read(staging.resolve(CookStateRecord.FILE_NAME));
      if (!record.scope().equals(key.scope())) {
        throw new CookCacheException(
            "the state was stored for another scope (" + abbreviated(record.scope()) + ", not " + abbreviated(key.scope())
                + "): other flags, toolchain, environment or paths");
      }
      if (!record.root().equals(root.toString()) || !record.unitDirectory().equals(unitDirectory.toString())
          || !record.cargoHome().equals(cargoHome.toString())) {
        throw new CookCacheException(
            "the state was made at other paths (directory " + record.root() + ", units in " + record.unitDirectory()
                + ", CARGO_HOME " + record.cargoHome() + "; here " + root + ", " + unitDirectory + ", " + cargoHome
                + "): cargo writes them into its units, so jchef restores a state only where it was made");
      }
      List<String> files = checkedFiles(staging);
      Set<String> memberHashes = memberHashes(files, members);
      List<Path> placed = new ArrayList<>();
      int kept = 0;
      for (String file : files) {
        if (unitHashOf(file).filter(memberHashes::contains).isPresent()) {
          continue;
        }
        Path target = unitDirectory.resolve(file);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
          kept++;
          continue;
        }
        Files.createDirectories(target.getParent());
        Files.move(staging.resolve(file), target);
        placed.add(target);
      }
      // Only the units this restore put here are checked: units the directory had already are
      // cargo's to judge, against the sources here.
      Set<Path> restoredUnits = new java.util.HashSet<>();
      for (Path file : placed) {
        Path relative = unitDirectory.relativize(file);
        if (relative.getNameCount() > 2 && relative.getName(relative.getNameCount() - 3).toString().equals(".fingerprint")) {
          restoredUnits.add(file.getParent());
        }
      }
      Instant newestInput = Instant.now();
      Map<Path, String> contentHashes = new HashMap<>();
      List<Path> changedUnits = new ArrayList<>();
      for (Map.Entry<String, SortedMap<String, String>> unit : record.inputs().entrySet()) {
        Path fingerprint = unitDirectory.resolve(unit.getKey()).normalize();
        if (!fingerprint.startsWith(unitDirectory) || !restoredUnits.contains(fingerprint)) {
          continue;
        }
        boolean same = true;
        for (Map.Entry<String, String> input : unit.getValue().entrySet()) {
          Path path = Path.of(input.getKey());
          same &= contentHashes.computeIfAbsent(path, ContentHash::of).equals(input.getValue());
          Instant time = SourceTimes.newest(path);
          newestInput = time.isAfter(newestInput) ? time : newestInput;
        }
        if (!same) {
          changedUnits.add(fingerprint);
        }
      }
      // A changed unit's dependents were built from its old outputs: they go as well.
      List<String> changed = new ArrayList<>();
      for (Path unit : UnitGraph.of(restoredUnits).withDependents(changedUnits)) {
        deleteRecursively(unit);
        changed.add(unit.getFileName().toString());
      }
      changed.sort(null);
      FileTime time = FileTime.from(newestInput);
      for (Path file : placed) {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
          SourceTimes.set(file, time);
        }
      }
      int units = (int) placed.stream().map(unitDirectory::relativize)
          .filter(p -> p.getNameCount() > 2 && p.getName(p.getNameCount() - 3).toString().equals(".fingerprint"))
          .map(Path::getParent).distinct().count();
      return new Restored(
          placed.size(), units - changed.size(), kept, List.copyOf(changed), memberHashes.size(),
          record.exact().equals(key.exact()));
    } catch (IOException e) {
      throw new CookCacheException("cannot restore the state into " + unitDirectory + ": " + e.getMessage(), e);
    } finally {
      deleteRecursively(staging);
    }
  }

  /**
   * The regular files of a fetched state, relative to it, after checking that each lies where a
   * state may hold files.
   */
  private static List<String> checkedFiles(Path staging) throws IOException {
    List<String> files = new ArrayList<>();
    Files.walkFileTree(
        staging,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            String relative = relative(staging, file);
            if (!attributes.isRegularFile()) {
              throw new CookCacheException("the state holds " + relative + ", which is not a regular file");
            }
            if (!relative.equals(CookStateRecord.FILE_NAME)) {
              checkShape(relative);
              files.add(relative);
            }
            return FileVisitResult.CONTINUE;
          }
        });
    files.sort(null);
    return files;
  }

  /** Refuses a path that is not {@code PROFILE[/PROFILE]/(deps|build|.fingerprint)/...}. */
  static void checkShape(String relative) {
    String[] parts = relative.split("/");
    int unitDirectory = -1;
    for (int i = 0; i < parts.length; i++) {
      if (parts[i].isEmpty() || parts[i].equals(".") || parts[i].equals("..")) {
        throw new CookCacheException("the state holds " + relative + ", a path with an empty, . or .. part");
      }
      if (unitDirectory < 0 && UNIT_DIRECTORIES.contains(parts[i])) {
        unitDirectory = i;
      }
    }
    if (unitDirectory < 1 || unitDirectory > 2 || unitDirectory == parts.length - 1) {
      throw new CookCacheException(
          "the state holds " + relative + ", which is not in deps/, build/ or .fingerprint/ of a profile directory");
    }
    for (int i = 0; i < unitDirectory; i++) {
      if (!PLAIN_NAME.matcher(parts[i]).matches()) {
        throw new CookCacheException("the state holds " + relative + ", whose profile directory is not a plain name");
      }
    }
  }

  /** The hashes of units named like a workspace member, from their fingerprint directories. */
  private static Set<String> memberHashes(List<String> files, Set<String> members) {
    Set<String> hashes = new HashSet<>();
    for (String file : files) {
      String[] parts = file.split("/");
      for (int i = 0; i + 1 < parts.length; i++) {
        Matcher fingerprint = FINGERPRINT.matcher(parts[i + 1]);
        if (parts[i].equals(".fingerprint") && fingerprint.matches() && members.contains(fingerprint.group(1))) {
          hashes.add(fingerprint.group(2));
        }
      }
    }
    return hashes;
  }

  /**
   * The unit hash of a state's file: that of the entry of {@code deps/}, {@code build/} or {@code
   * .fingerprint/} it is or lies in ({@code deps/libx-H.rlib}, {@code build/x-H/out/gen.rs}).
   */
  private static Optional<String> unitHashOf(String file) {
    String[] parts = file.split("/");
    for (int i = 0; i + 1 < parts.length; i++) {
      if (UNIT_DIRECTORIES.contains(parts[i])) {
        return DummyArtifactCleaner.entryHash(parts[i + 1]);
      }
    }
    return Optional.empty();
  }


  private static String abbreviated(String key) {
    return key.length() > 12 ? key.substring(0, 12) + "…" : key;
  }

  private static String relative(Path base, Path file) {
    return base.relativize(file).toString().replace('\\', '/');
  }

  /** Removes a file or directory tree, if it is there. */
  static void deleteRecursively(Path path) {
    DummyArtifactCleaner.deleteTree(path, "");
  }

}
