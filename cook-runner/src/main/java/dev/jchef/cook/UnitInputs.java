package dev.jchef.cook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files the units of one profile directory read, as far as they lie inside the workspace:
 * from rustc's dep-info files ({@code deps/*.d}, {@code build/<package>-H/*.d}: Makefile rules
 * whose first input is the crate root, so the unit's package is the one holding that file) and
 * from the build scripts' {@code cargo:rerun-if-changed} lines ({@code build/<package>-H/output},
 * paths relative to the package's directory, as the Cargo book's <i>Build Scripts</i> chapter says).
 *
 * <p>Why: cargo judges every one of those files by its modification time against the unit's. A
 * layer package's file that another package's unit reads (an {@code include_str!} across
 * packages, a build script watching a shared file) decides that unit's freshness too, so {@link
 * LayerFreshness} may give such a file its fixed time only when the reading unit's record vouches
 * for the file's content.
 *
 * @param external for each package directory, the files its units read outside that directory
 *     (paths relative to the workspace root)
 * @param readByOthers files read by a unit of a package that is not a layer package (the final
 *     step's, or one the plan does not name)
 */
record UnitInputs(Map<String, Set<String>> external, Set<String> readByOthers) {
  private static final Pattern BUILD_RUN = Pattern.compile("(.+)-[0-9a-f]{16}");
  private static final Pattern RERUN = Pattern.compile("^cargo::?rerun-if-changed=(.+)$");

  /**
   * Reads the dep-info and build script outputs of {@code profileDirectory}.
   *
   * @param root the workspace root, which relative dep-info paths are relative to
   * @param layerPackages layer package directories (relative to the root) by package name
   * @param otherPackages the other workspace packages' directories by name, for their build
   *     scripts' relative paths
   */
  static UnitInputs scan(
      Path profileDirectory, Path root, Map<String, String> layerPackages, Map<String, String> otherPackages) {
    Map<String, Set<String>> external = new HashMap<>();
    Set<String> readByOthers = new TreeSet<>();
    List<Path> builds = files(profileDirectory.resolve("build"), "");
    List<Path> depInfo = new ArrayList<>(files(profileDirectory.resolve("deps"), ".d"));
    for (Path build : builds) {
      if (Files.isDirectory(build)) {
        depInfo.addAll(files(build, ".d"));
      }
    }
    for (Path file : depInfo) {
      List<String> inputs = inputs(file);
      if (inputs.isEmpty()) {
        continue;
      }
      Optional<String> owner = relative(root, root.resolve(inputs.get(0))).flatMap(p -> packageOf(p, layerPackages.values()));
      for (String input : inputs.subList(1, inputs.size())) {
        noteRead(root.resolve(input), root, owner, external, readByOthers);
      }
    }
    for (Path build : builds) {
      Matcher name = BUILD_RUN.matcher(build.getFileName().toString());
      Path output = build.resolve("output");
      if (!name.matches() || !Files.isRegularFile(output)) {
        continue;
      }
      String directory = layerPackages.getOrDefault(name.group(1), otherPackages.get(name.group(1)));
      if (directory == null) {
        continue; // a registry crate's build script
      }
      Optional<String> owner = layerPackages.containsKey(name.group(1)) ? Optional.of(directory) : Optional.empty();
      for (String watched : rerunIfChanged(output)) {
        noteRead(root.resolve(directory).resolve(watched), root, owner, external, readByOthers);
      }
    }
    return new UnitInputs(external, readByOthers);
  }

  /**
   * The paths a build script's {@code output} file names in {@code cargo:rerun-if-changed} lines
   * (or {@code cargo::}), as written: relative to the package root, or absolute.
   */
  static List<String> rerunIfChanged(Path output) {
    List<String> paths = new ArrayList<>();
    for (String line : lines(output)) {
      Matcher rerun = RERUN.matcher(line.strip());
      if (rerun.matches()) {
        paths.add(rerun.group(1));
      }
    }
    return paths;
  }

  /** Notes a file a unit of {@code owner} read, and the file it really is behind a link. */
  private static void noteRead(
      Path read, Path root, Optional<String> owner, Map<String, Set<String>> external, Set<String> readByOthers) {
    for (Path path : withLinkTarget(read, root)) {
      relative(root, path).ifPresent(file -> note(file, owner, external, readByOthers));
    }
  }

  private static void note(
      String path, Optional<String> owner, Map<String, Set<String>> external, Set<String> readByOthers) {
    if (owner.isPresent()) {
      if (!inside(path, owner.get())) {
        external.computeIfAbsent(owner.get(), o -> new TreeSet<>()).add(path);
      }
    } else {
      readByOthers.add(path);
    }
  }

  /**
   * {@code path}, and the file it really is when a link is on the way (a link inside one package
   * to a file of another: both are inputs, and the file's own package decides its time).
   */
  private static List<Path> withLinkTarget(Path path, Path root) {
    if (!path.normalize().startsWith(root)) {
      return List.of(path); // outside the workspace (a registry crate's source): not followed
    }
    try {
      Path real = path.toRealPath();
      return real.equals(path.normalize()) ? List.of(path) : List.of(path, real);
    } catch (IOException e) {
      return List.of(path); // gone, or unreadable: the path alone
    }
  }

  /** The layer package directory holding {@code path}, the deepest one. */
  static Optional<String> packageOf(String path, java.util.Collection<String> directories) {
    return directories.stream().filter(d -> inside(path, d)).max(java.util.Comparator.comparingInt(String::length));
  }

  private static boolean inside(String path, String directory) {
    return path.startsWith(directory + "/");
  }

  /** {@code path} relative to {@code root} with {@code /}, when it lies inside it. */
  private static Optional<String> relative(Path root, Path path) {
    Path normal = path.normalize();
    Path base = root;
    if (!normal.startsWith(root)) {
      base = realPath(root); // a link's target is a real path, and the root may lie behind a link
    }
    if (!normal.startsWith(base) || normal.equals(base)) {
      return Optional.empty();
    }
    return Optional.of(base.relativize(normal).toString().replace('\\', '/'));
  }

  private static Path realPath(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      return path;
    }
  }

  /** The inputs of a dep-info file's first rule, spaces unescaped. */
  static List<String> inputs(Path depInfo) {
    for (String line : lines(depInfo)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int colon = ruleColon(line);
      if (colon < 0) {
        continue;
      }
      List<String> inputs = new ArrayList<>();
      StringBuilder current = new StringBuilder();
      String rest = line.substring(colon + 1);
      for (int i = 0; i < rest.length(); i++) {
        char c = rest.charAt(i);
        if (c == '\\' && i + 1 < rest.length() && rest.charAt(i + 1) == ' ') {
          current.append(' ');
          i++;
        } else if (c == ' ') {
          if (current.length() > 0) {
            inputs.add(current.toString());
            current.setLength(0);
          }
        } else {
          current.append(c);
        }
      }
      if (current.length() > 0) {
        inputs.add(current.toString());
      }
      return inputs;
    }
    return List.of();
  }

  /** The colon that ends a rule's target: followed by a space or the end of the line. */
  private static int ruleColon(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == ':' && (i + 1 == line.length() || line.charAt(i + 1) == ' ')
          && (i == 0 || line.charAt(i - 1) != '\\')) {
        return i;
      }
    }
    return -1;
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException | java.io.UncheckedIOException e) {
      return List.of(); // unreadable or not text: tells nothing
    }
  }

  private static List<Path> files(Path directory, String suffix) {
    List<Path> result = new ArrayList<>();
    if (!Files.isDirectory(directory)) {
      return result;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      for (Path entry : entries) {
        if (entry.getFileName().toString().endsWith(suffix)) {
          result.add(entry);
        }
      }
    } catch (IOException e) {
      // a directory that cannot be listed tells nothing
    }
    return result;
  }
}
