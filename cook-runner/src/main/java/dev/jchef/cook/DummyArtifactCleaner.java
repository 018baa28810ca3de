package dev.jchef.cook;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.jchef.model.CargoFileException;
import dev.jchef.model.TargetKind;
import dev.jchef.model.TomlReader;
import dev.jchef.model.TomlTable;
import dev.jchef.recipe.Recipe;
import dev.jchef.recipe.RecipeManifest;
import dev.jchef.recipe.RecipeTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes what the dummy sources compiled to, so that the real build compiles the workspace's
 * own crates again instead of linking a dummy: in {@code <target-dir>[/<triple>]/<profile dir>},
 * for each package with a library the files and directories named {@code lib<name>.*} and {@code
 * lib<name>-*} at any depth, for each package's build script {@code
 * build/<package>-*}{@code /build[-_]script[-_]build*}, and (beyond cargo-chef) the dummy
 * programs of its binaries and examples, so that a dummy can never be shipped by mistake.
 *
 * <p>Tolerant where cargo-chef fails: a missing profile directory is nothing to clean; a
 * zigbuild {@code --target} with a glibc suffix ({@code x86_64-unknown-linux-gnu.2.17}) builds
 * into the directory without it; a {@code .json} target spec into its file's stem; several
 * {@code --target}s each into their own. Files that cargo reported as belonging to a registry
 * package (say, a registry crate sharing a local package's name) are never removed.
 */
public final class DummyArtifactCleaner {
  private static final Pattern GLIBC_SUFFIX = Pattern.compile("^(.+-gnu[a-z0-9]*)\\.\\d+(\\.\\d+)*$");
  private static final Pattern UNIT_HASH = Pattern.compile("-([0-9a-f]{16})(\\.[^/]*)?$");

  private final ImmutableList<Path> profileDirectories;
  private final ImmutableSet<String> protectedHashes;

  /**
   * @param registryArtifacts files cargo reported for registry packages in this build; their
   *     units are left alone
   */
  public DummyArtifactCleaner(
      Path targetDirectory,
      BuildProfile profile,
      List<String> targets,
      Collection<String> registryArtifacts) {
    ImmutableList.Builder<Path> directories = ImmutableList.builder();
    if (targets.isEmpty()) {
      directories.add(targetDirectory.resolve(profile.outputDirectory()));
    } else {
      for (String target : targets) {
        directories.add(targetDirectory.resolve(targetDirectoryName(target)).resolve(profile.outputDirectory()));
      }
    }
    this.profileDirectories = directories.build();
    Set<String> hashes = new HashSet<>();
    for (String file : registryArtifacts) {
      Matcher matcher = UNIT_HASH.matcher(Path.of(file).getFileName().toString());
      if (matcher.find()) {
        hashes.add(matcher.group(1));
      }
    }
    this.protectedHashes = ImmutableSet.copyOf(hashes);
  }

  /**
   * The directory cargo builds {@code --target target} into: the triple, without zigbuild's
   * glibc version; for a {@code .json} target spec, the spec file's stem.
   */
  static String targetDirectoryName(String target) {
    if (target.endsWith(".json")) {
      String fileName = Path.of(target).getFileName().toString();
      return fileName.substring(0, fileName.length() - ".json".length());
    }
    Matcher glibc = GLIBC_SUFFIX.matcher(target);
    return glibc.matches() ? glibc.group(1) : target;
  }

  /** The profile directories this cleaner looks in, whether or not they exist. */
  public ImmutableList<Path> profileDirectories() {
    return profileDirectories;
  }

  /** Removes the dummies' artifacts of every package in {@code recipe}; returns how many. */
  public int clean(Recipe recipe) {
    List<DummyNames> packages = new ArrayList<>();
    for (RecipeManifest manifest : recipe.manifests()) {
      DummyNames.of(manifest).ifPresent(packages::add);
    }
    int removed = 0;
    for (Path directory : profileDirectories) {
      if (Files.isDirectory(directory)) {
        removed += clean(directory, packages);
      }
    }
    return removed;
  }

  private int clean(Path profileDirectory, List<DummyNames> packages) {
    List<Path> doomed = new ArrayList<>();
    try {
      Files.walkFileTree(
          profileDirectory,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
              if (!dir.equals(profileDirectory) && isDummy(profileDirectory, dir, packages)) {
                doomed.add(dir);
                return FileVisitResult.SKIP_SUBTREE;
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
              if (isDummy(profileDirectory, file, packages)) {
                doomed.add(file);
              }
              return FileVisitResult.CONTINUE;
            }
          });
      for (Path path : doomed) {
        deleteRecursively(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean " + profileDirectory, e);
    }
    return doomed.size();
  }

  private boolean isDummy(Path profileDirectory, Path path, List<DummyNames> packages) {
    String name = path.getFileName().toString();
    Matcher hash = UNIT_HASH.matcher(name);
    if (hash.find() && protectedHashes.contains(hash.group(1))) {
      return false;
    }
    Path relative = profileDirectory.relativize(path);
    Path parent = relative.getParent();
    for (DummyNames pkg : packages) {
      if (pkg.matches(name, parent)) {
        return true;
      }
    }
    return false;
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      try (var children = Files.list(path)) {
        for (Path child : children.toList()) {
          deleteRecursively(child);
        }
      }
    }
    Files.deleteIfExists(path);
  }

  /** The artifact names one package's dummies compile to. */
  private record DummyNames(
      String packageName, Optional<String> libName, boolean buildScript, List<String> programs,
      List<String> examples) {

    static Optional<DummyNames> of(RecipeManifest manifest) {
      TomlTable document;
      try {
        document = TomlReader.parse(manifest.contents(), manifest.relativePath());
      } catch (CargoFileException e) {
        return Optional.empty();
      }
      Optional<String> packageName = document.getTable("package").flatMap(p -> p.getString("name"));
      if (packageName.isEmpty()) {
        return Optional.empty();
      }
      boolean hasLib = manifest.targets().stream().anyMatch(t -> t.kind() == TargetKind.LIB);
      Optional<String> libName =
          hasLib
              ? Optional.of(
                  document.getTable("lib").flatMap(l -> l.getString("name")).orElse(packageName.get())
                      .replace('-', '_'))
              : Optional.empty();
      boolean buildScript =
          manifest.targets().stream().anyMatch(t -> t.kind() == TargetKind.BUILD_SCRIPT);
      return Optional.of(
          new DummyNames(
              packageName.get(),
              libName,
              buildScript,
              names(manifest, TargetKind.BIN),
              names(manifest, TargetKind.EXAMPLE)));
    }

    private static List<String> names(RecipeManifest manifest, TargetKind kind) {
      return manifest.targets().stream().filter(t -> t.kind() == kind).map(RecipeTarget::name).toList();
    }

    /** Whether {@code name}, in {@code parent} below the profile directory, is one of ours. */
    boolean matches(String name, Path parent) {
      if (libName.isPresent()
          && (name.startsWith("lib" + libName.get() + ".")
              || name.startsWith("lib" + libName.get() + "-"))) {
        return true;
      }
      String directory = parent == null ? "" : parent.toString().replace('\\', '/');
      if (buildScript
          && directory.startsWith("build/" + packageName + "-")
          && directory.indexOf('/', "build/".length()) < 0
          && name.matches("build[-_]script[-_]build.*")) {
        return true;
      }
      for (String program : programs) {
        if (directory.isEmpty() && isProgram(name, program)) {
          return true;
        }
        if (directory.equals("deps") && name.startsWith(program.replace('-', '_') + "-")) {
          return true;
        }
      }
      for (String example : examples) {
        if (directory.equals("examples")
            && (isProgram(name, example) || name.startsWith(example.replace('-', '_') + "-"))) {
          return true;
        }
      }
      return false;
    }

    private static boolean isProgram(String name, String program) {
      return name.equals(program) || name.startsWith(program + ".")
          || name.startsWith(program.replace('-', '_') + ".");
    }
  }
}
