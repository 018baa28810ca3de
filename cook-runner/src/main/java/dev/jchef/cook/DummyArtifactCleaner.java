package dev.jchef.cook;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Removes what the dummy sources compiled to, so that the real build compiles every workspace
 * crate again and a dummy can never be shipped. It works from what cargo reported in this build
 * ({@link CargoMessages}), not from a re-computation of cargo's layout, so it finds the units
 * wherever cargo put them: any target directory ({@code --target-dir}, {@code CARGO_TARGET_DIR},
 * {@code CARGO_BUILD_TARGET_DIR}, {@code [build] target-dir}), any compilation target ({@code
 * --target}, {@code CARGO_BUILD_TARGET}, {@code [build] target}), and the build scripts and
 * procedural macros of a cross build, which cargo compiles for the host outside the triple's
 * directory.
 *
 * <p>For each unit reported for a dummy package ({@code compiler-artifact}, fresh or not) it
 * removes:
 *
 * <ol>
 *   <li>every file cargo named (the message's {@code filenames} and {@code executable});
 *   <li>for a named file without the unit's hash in its name, a copy cargo "uplifted" into the
 *       profile directory ({@code target/debug/app}, {@code libm.so}, {@code examples/demo}):
 *       the file it was made from, in its directory or in {@code deps/} (the same file, as cargo
 *       hard-links, or the same bytes where it had to copy), and the dep-info beside the copy
 *       ({@code app.d});
 *   <li>with the unit's hash {@code H} (the {@code -H} in a file's name, or the {@code
 *       build/<package>-H} directory of a build script): every entry named {@code *-H} or {@code
 *       *-H.*} in {@code deps/}, {@code examples/}, {@code build/} and {@code .fingerprint/} of
 *       the profile directory the file lies in (its nearest ancestor with a {@code .fingerprint}
 *       directory): the unit's outputs, its dep-info and its fingerprint.
 * </ol>
 *
 * For each {@code build-script-executed} message of a dummy package it removes the run's
 * directory ({@code OUT_DIR}'s parent, {@code build/<package>-H}: {@code out/}, {@code output},
 * {@code stderr}) and its fingerprint {@code .fingerprint/<package>-H}, so that the real build
 * script runs.
 *
 * <p>A build that failed or was interrupted also leaves the units it was running, which cargo
 * never reported: {@link #cleanUnfinished} finds those of the dummies by the {@code
 * invoked.timestamp} cargo writes as it starts a unit.
 *
 * <p>A {@code cdylib}, {@code dylib} or {@code staticlib} is named without the unit's hash in
 * {@code deps/} too, and cargo reports only its uplifted copy: its original in {@code deps/} (and
 * the crate's {@code deps/<crate>.d}) go, which is enough for cargo to compile it again; its
 * fingerprint directory, which no reported name identifies, stays.
 *
 * <p>Why this is enough: cargo compiles a unit again when its fingerprint is missing or one of
 * its outputs is ("Dirty …: couldn't read metadata for file"), whatever the modification times
 * of the real sources; a {@code COPY} keeps times older than the cook, so times alone would leave
 * the dummy's unit fresh. A package whose real version equals the masked {@code 0.0.1} has the
 * dummy's unit hash and is handled the same way. Left in place: {@code incremental/} (rustc checks
 * every cached query against the contents of the real sources, so a dummy's incremental state
 * cannot reach a real build), and every unit of a package that is not a dummy: registry crates
 * (even one sharing a local package's name: its units have other hashes), and the units of an
 * earlier real build in a shared target directory, which have other hashes too.
 */
final class DummyArtifactCleaner {
  /**
   * {@code <name>-<hash>} and {@code <name>-<hash>.<extension>}, the first such hash: an older
   * rustc's object files have a dash in their extension too ({@code app-H.app.5f1ab-cgu.0.rcgu.o}).
   */
  private static final Pattern HASHED_NAME = Pattern.compile("-([0-9a-f]{16})(\\.[^/\\\\]*)?$");
  private static final List<String> UNIT_DIRECTORIES = List.of("deps", "examples", "build", ".fingerprint");
  private static final int PROFILE_DIRECTORY_DEPTH = 3;
  /** How much older than a build's start a unit's {@code invoked.timestamp} may be and still be the build's. */
  private static final Duration CLOCK_SLACK = Duration.ofSeconds(2);

  private final FileSystem fileSystem;
  private final Predicate<String> isDummyPackage;

  /**
   * @param fileSystem where cargo's file names are
   * @param isDummyPackage whether a package id (as cargo's messages give it) is a dummy's
   */
  DummyArtifactCleaner(FileSystem fileSystem, Predicate<String> isDummyPackage) {
    this.fileSystem = fileSystem;
    this.isDummyPackage = isDummyPackage;
  }

  /**
   * Removes the dummies' units of {@code messages}.
   *
   * @return the files and directories removed, sorted
   * @throws UncheckedIOException when one cannot be removed
   */
  ImmutableList<Path> clean(CargoMessages messages) {
    Set<Path> doomed = new HashSet<>();
    Map<Path, Set<String>> hashesByProfileDirectory = new HashMap<>();
    for (CompilerArtifact artifact : messages.artifacts()) {
      if (!isDummyPackage.test(artifact.packageId())) {
        continue;
      }
      for (String name : artifact.files()) {
        Path file = fileSystem.getPath(name);
        doomed.add(file);
        List<Path> sources = new ArrayList<>();
        sources.add(file);
        if (unitHash(file).isEmpty()) {
          List<Path> origins = uplifted(file);
          sources.addAll(origins);
          doomed.addAll(origins);
          doomed.add(file.resolveSibling(stem(file.getFileName().toString()) + ".d"));
          if (!origins.isEmpty()) {
            // A cdylib, dylib or staticlib keeps its name in deps/ (no hash), and so does its
            // dep-info, named after the crate.
            doomed.add(file.resolveSibling("deps").resolve(artifact.targetName().replace('-', '_') + ".d"));
          }
        }
        for (Path source : sources) {
          unitHash(source)
              .ifPresent(
                  hash ->
                      profileDirectory(source)
                          .ifPresent(
                              directory ->
                                  hashesByProfileDirectory
                                      .computeIfAbsent(directory, d -> new HashSet<>())
                                      .add(hash)));
        }
      }
    }
    for (BuildScriptExecuted run : messages.buildScripts()) {
      if (!isDummyPackage.test(run.packageId())) {
        continue;
      }
      Path runDirectory = fileSystem.getPath(run.outDir()).getParent();
      if (runDirectory == null) {
        continue;
      }
      doomed.add(runDirectory);
      unitHash(runDirectory.resolve("out"))
          .ifPresent(
              hash ->
                  profileDirectory(runDirectory)
                      .ifPresent(
                          directory ->
                              hashesByProfileDirectory
                                  .computeIfAbsent(directory, d -> new HashSet<>())
                                  .add(hash)));
    }
    hashesByProfileDirectory.forEach((directory, hashes) -> doomed.addAll(entriesOf(directory, hashes)));
    return remove(doomed);
  }

  /**
   * Removes the units of dummy packages that cargo started but never reported, as a failed or
   * interrupted build leaves them: the units in flight when it ended (rustc's dep-info, object
   * files, a program half linked or linked by a linker that outlived rustc, a build script's
   * {@code OUT_DIR}). cargo writes {@code invoked.timestamp} as it starts a unit (in {@code
   * .fingerprint/<package>-H/} for a compilation, in {@code build/<package>-H/} for a build
   * script's run) and reports the unit only once it is done, so these are the units whose {@code
   * invoked.timestamp} is from this build, named after a dummy package, and whose hash cargo did
   * not report for another package. Each goes as a reported unit does: every entry
   * named {@code *-H} or {@code *-H.*} in {@code deps/}, {@code examples/}, {@code build/} and
   * {@code .fingerprint/} of its profile directory.
   *
   * <p>Such a unit has no fingerprint cargo would call fresh (cargo writes it after the unit),
   * so it could not be reused as it is; it goes so that nothing a dummy compiled stays behind.
   *
   * @param unitDirectory where cargo keeps the build's units: the profile directories are its
   *     children and grandchildren ({@code debug}, {@code <triple>/release}) that hold a {@code
   *     .fingerprint} directory
   * @param dummyNames the dummy packages' names, as cargo names their fingerprint directories
   * @param started when the build started; a unit invoked up to {@link #CLOCK_SLACK} before
   *     counts too, as a file system's times may be coarser than the clock
   * @param messages what cargo reported in the build
   * @return the files and directories removed, sorted
   * @throws UncheckedIOException when one cannot be read or removed
   */
  ImmutableList<Path> cleanUnfinished(Path unitDirectory, Set<String> dummyNames, Instant started, CargoMessages messages) {
    Set<String> reportedForOthers = new HashSet<>();
    for (CompilerArtifact artifact : messages.artifacts()) {
      if (!isDummyPackage.test(artifact.packageId())) {
        artifact.files().forEach(name -> unitHash(fileSystem.getPath(name)).ifPresent(reportedForOthers::add));
      }
    }
    for (BuildScriptExecuted run : messages.buildScripts()) {
      if (!isDummyPackage.test(run.packageId())) {
        unitHash(fileSystem.getPath(run.outDir())).ifPresent(reportedForOthers::add);
      }
    }
    FileTime since = FileTime.from(started.minus(CLOCK_SLACK));
    Set<Path> doomed = new HashSet<>();
    for (Path profile : profileDirectories(unitDirectory)) {
      Set<String> hashes = new HashSet<>();
      for (Path unit : Stream.concat(list(profile.resolve(".fingerprint")).stream(), list(profile.resolve("build")).stream()).toList()) {
        String name = fileName(unit);
        Matcher hashed = HASHED_NAME.matcher(name);
        if (hashed.find()
            && hashed.group(2) == null
            && dummyNames.contains(name.substring(0, hashed.start()))
            && !reportedForOthers.contains(hashed.group(1))
            && invokedSince(unit, since)) {
          hashes.add(hashed.group(1));
        }
      }
      doomed.addAll(entriesOf(profile, hashes));
    }
    return remove(doomed);
  }

  /** The children and grandchildren of {@code unitDirectory} that hold a {@code .fingerprint} directory. */
  private static List<Path> profileDirectories(Path unitDirectory) {
    List<Path> profiles = new ArrayList<>();
    for (Path child : list(unitDirectory)) {
      for (Path candidate : Stream.concat(Stream.of(child), list(child).stream()).toList()) {
        if (Files.isDirectory(candidate.resolve(".fingerprint"), LinkOption.NOFOLLOW_LINKS)) {
          profiles.add(candidate);
        }
      }
    }
    return profiles;
  }

  private static boolean invokedSince(Path fingerprint, FileTime since) {
    Path invoked = fingerprint.resolve("invoked.timestamp");
    try {
      return Files.isRegularFile(invoked, LinkOption.NOFOLLOW_LINKS)
          && Files.getLastModifiedTime(invoked, LinkOption.NOFOLLOW_LINKS).compareTo(since) >= 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the time of " + invoked, e);
    }
  }

  /**
   * The unit hash in a file's name ({@code libm-0123456789abcdef.rlib}), or in its directory's
   * name for the files of a build script ({@code build/m-0123456789abcdef/build-script-build}).
   */
  static Optional<String> unitHash(Path file) {
    Matcher name = HASHED_NAME.matcher(fileName(file));
    if (name.find()) {
      return Optional.of(name.group(1));
    }
    Path parent = file.getParent();
    if (parent != null && parent.getParent() != null && fileName(parent.getParent()).equals("build")) {
      Matcher directory = HASHED_NAME.matcher(fileName(parent));
      if (directory.find() && directory.group(2) == null) {
        return Optional.of(directory.group(1));
      }
    }
    return Optional.empty();
  }

  /**
   * The files an uplifted copy was made from: files in its directory or in {@code deps/} named
   * {@code <stem>-<hash><extension>} (the stem with {@code _} for {@code -}), or in {@code deps/}
   * by the copy's own name (a {@code cdylib}, {@code dylib} or {@code staticlib}, which cargo
   * names without the hash), that are the same file or hold the same bytes.
   */
  private static List<Path> uplifted(Path copy) {
    if (!Files.isRegularFile(copy, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    String name = fileName(copy);
    String prefix = stem(name).replace('-', '_') + "-";
    String extension = name.substring(stem(name).length());
    List<Path> origins = new ArrayList<>();
    Path sameName = copy.getParent().resolve("deps").resolve(name);
    if (sameFile(copy, sameName)) {
      origins.add(sameName);
    }
    for (Path directory : List.of(copy.getParent(), copy.getParent().resolve("deps"))) {
      for (Path candidate : list(directory)) {
        String candidateName = fileName(candidate);
        Matcher hashed = HASHED_NAME.matcher(candidateName);
        if (candidateName.startsWith(prefix)
            && hashed.find()
            && hashed.start() == prefix.length() - 1
            && Optional.ofNullable(hashed.group(2)).orElse("").equals(extension)
            && sameFile(copy, candidate)) {
          origins.add(candidate);
        }
      }
    }
    return origins;
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      if (!Files.isRegularFile(b, LinkOption.NOFOLLOW_LINKS)) {
        return false;
      }
      return Files.isSameFile(a, b)
          || (Files.size(a) == Files.size(b) && Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b)));
    } catch (IOException e) {
      return false;
    }
  }

  /** The nearest ancestor holding cargo's {@code .fingerprint} directory: a profile directory. */
  static Optional<Path> profileDirectory(Path file) {
    Path directory = file.getParent();
    for (int depth = 0; directory != null && depth < PROFILE_DIRECTORY_DEPTH; depth++) {
      if (Files.isDirectory(directory.resolve(".fingerprint"))) {
        return Optional.of(directory);
      }
      directory = directory.getParent();
    }
    return Optional.empty();
  }

  static List<Path> entriesOf(Path profileDirectory, Set<String> hashes) {
    List<Path> entries = new ArrayList<>();
    entriesByHash(profileDirectory).forEach((hash, named) -> {
      if (hashes.contains(hash)) {
        entries.addAll(named);
      }
    });
    entries.sort(null);
    return entries;
  }

  /**
   * The entries of {@code deps/}, {@code examples/}, {@code build/} and {@code .fingerprint/} of a
   * profile directory, by the unit hash in their names ({@code *-H}, {@code *-H.*}), each
   * directory listed once.
   */
  static Map<String, List<Path>> entriesByHash(Path profileDirectory) {
    Map<String, List<Path>> entries = new HashMap<>();
    for (String subdirectory : UNIT_DIRECTORIES) {
      for (Path entry : list(profileDirectory.resolve(subdirectory))) {
        entryHash(fileName(entry)).ifPresent(hash -> entries.computeIfAbsent(hash, h -> new ArrayList<>()).add(entry));
      }
    }
    return entries;
  }

  /** The unit hash in the name of an entry of a unit directory: {@code libm-H.rlib}, {@code m-H}. */
  static Optional<String> entryHash(String name) {
    Matcher hashed = HASHED_NAME.matcher(name);
    return hashed.find() ? Optional.of(hashed.group(1)) : Optional.empty();
  }

  private static ImmutableList<Path> remove(Set<Path> doomed) {
    TreeSet<Path> removed = new TreeSet<>();
    for (Path path : new TreeSet<>(doomed)) {
      if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
        deleteRecursively(path);
        removed.add(path);
      }
    }
    return ImmutableList.copyOf(removed);
  }

  private static void deleteRecursively(Path path) {
    deleteTree(path, "the dummy's ");
  }

  /**
   * Removes a file or a directory tree, not following links, if it is there.
   *
   * @param what how the message names it, before its path ({@code "the dummy's "}, or {@code ""})
   * @throws UncheckedIOException naming it when it cannot be removed
   */
  static void deleteTree(Path path, String what) {
    try {
      if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
        for (Path child : list(path)) {
          deleteTree(child, what);
        }
      }
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + what + path, e);
    }
  }

  private static List<Path> list(Path directory) {
    if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
  }

  /** A file name up to its first dot: {@code libm} of {@code libm.rlib}, {@code app} of {@code app}. */
  private static String stem(String name) {
    int dot = name.indexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }

  private static String fileName(Path path) {
    Path name = path.getFileName();
    return name == null ? "" : name.toString();
  }
}
