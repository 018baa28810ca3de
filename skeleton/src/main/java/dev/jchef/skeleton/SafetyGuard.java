package dev.jchef.skeleton;

import dev.jchef.model.internal.JchefFiles;
import dev.jchef.skeleton.SkeletonRefusedException.Reason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides, before anything is written, whether a skeleton may be written into a directory; and
 * where each file goes. It refuses when the directory is a git repository, when it holds Rust
 * sources or Cargo files that jchef did not write (a real project) or that were changed since it
 * wrote them, when a file to write exists with other content that jchef did not write (or that
 * was changed since), and when a recipe path leads, through existing
 * symbolic links, outside the directory or into places the skeleton must not touch.
 *
 * <p>Left alone: the {@code target/} directory, the configured target directories, and any
 * directory that cargo tagged as its target directory with a {@code CACHEDIR.TAG} (one set by
 * {@code [build] target-dir} or {@code CARGO_BUILD_TARGET_DIR}): a cached build, full of generated
 * {@code .rs} files; the {@code .cargo/} directory (a {@code
 * CARGO_HOME} kept in the project; only the config file the recipe writes is checked), the
 * recipe file, and the directories the user provides ({@code [patch]} crates, vendored sources).
 */
final class SafetyGuard {
  private static final Set<String> PROJECT_FILES = Set.of("Cargo.toml", "Cargo.lock");
  /** jchef's own files in a cooked directory, which no recipe may name. */
  private static final Set<String> JCHEF_FILES =
      Set.of(JchefFiles.WRITE_RECORD, JchefFiles.COOK_LOCK, JchefFiles.WORKSPACE_MANIFEST);
  /** The first line of the {@code CACHEDIR.TAG} cargo writes into every target directory. */
  private static final String CACHE_DIRECTORY_SIGNATURE = "Signature: 8a477f597d28d172789f06886806bc55";
  private static final String WHAT_TO_DO =
      "cook writes dummy sources and Cargo files: run it in an empty directory that holds only"
          + " the recipe (a Docker build stage, or a new temporary directory)";

  private final Path root;
  private final SkeletonOptions options;
  private final SkeletonLayout layout;
  private final WriteRecord record;
  private final List<Path> skipped = new ArrayList<>();

  SafetyGuard(Path root, SkeletonOptions options, SkeletonLayout layout, WriteRecord record) {
    this.root = root;
    this.options = options;
    this.layout = layout;
    this.record = record;
    skipped.add(root.resolve("target"));
    skipped.add(root.resolve(".cargo"));
    options.targetDirectories().forEach(dir -> skipped.add(root.resolve(dir).normalize()));
  }

  /** Checks everything and returns where each planned file is to be written. */
  Map<String, Path> check() {
    checkNoFileIsADirectoryOfAnother();
    Map<String, Path> locations = new LinkedHashMap<>();
    Map<Path, String> byLocation = new LinkedHashMap<>();
    for (PlannedFile file : layout.files()) {
      Path location = locate(file.path());
      String other = byLocation.put(location, file.path());
      if (other != null) {
        throw inTheWay(file.path(), "leads to the same file as `" + other + "`");
      }
      locations.put(file.path(), location);
    }
    scan();
    for (PlannedFile file : layout.files()) {
      checkNotForeign(file, locations.get(file.path()));
    }
    return locations;
  }

  /** The real location of a recipe path, refused if it leaves the root or enters a kept place. */
  private Path locate(String path) {
    String first = path.split("/", 2)[0];
    boolean reserved =
        JCHEF_FILES.contains(path)
            || (first.equals(".cargo") && !path.equals(SkeletonLayout.CONFIG))
            || Arrays.asList(path.split("/")).contains(".git")
            || layout.providedDirectories().stream().anyMatch(p -> path.startsWith(p + "/"));
    Path location = root;
    Path rootReal = realPath(root);
    String[] parts = path.split("/");
    for (int i = 0; i < parts.length; i++) {
      if (i > 0 && Files.exists(location) && !Files.isDirectory(location)) {
        throw inTheWay(path, "goes through " + location + ", which is a file, not a directory");
      }
      try {
        location = location.resolve(parts[i]);
      } catch (InvalidPathException e) {
        throw unsafe(path, "is not a valid path on this file system (" + e.getReason() + ")");
      }
      if (Files.isSymbolicLink(location)) {
        Path target;
        try {
          target = location.toRealPath();
        } catch (IOException e) {
          throw inTheWay(path, "goes through the symbolic link " + location + ", which leads nowhere");
        }
        if (!target.startsWith(rootReal)) {
          throw inTheWay(path, "leads through the symbolic link " + location + " to " + target + ", outside " + root);
        }
        location = root.resolve(rootReal.relativize(target));
      }
    }
    Path normalized = location.normalize();
    if (reserved
        || (isSkipped(normalized) && !path.equals(SkeletonLayout.CONFIG))
        || options.recipeFile().map(r -> root.resolve(r).normalize().equals(normalized)).orElse(false)) {
      throw unsafe(path, "names a place the skeleton must not write (the target directory, .cargo/,"
          + " .git, jchef's record, the recipe, or a directory you provide)");
    }
    return normalized;
  }

  /** A recipe that wants both {@code src} as a file and {@code src/main.rs} cannot be written. */
  private void checkNoFileIsADirectoryOfAnother() {
    Set<String> paths = new TreeSet<>();
    layout.files().forEach(file -> paths.add(file.path()));
    for (String path : paths) {
      for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
        if (paths.contains(path.substring(0, slash))) {
          throw unsafe(path, "needs " + path.substring(0, slash) + " as a directory, but the recipe also writes it as a file");
        }
      }
    }
  }

  private SkeletonRefusedException unsafe(String path, String problem) {
    return new SkeletonRefusedException(
        Reason.UNSAFE_PATH,
        "refusing the recipe: the path `" + path + "` " + problem + "; prepare the recipe again");
  }

  /** What is in the directory, not the recipe, is in the way: a link or a file where a directory goes. */
  private SkeletonRefusedException inTheWay(String path, String problem) {
    return new SkeletonRefusedException(
        Reason.UNSAFE_PATH,
        "refusing to write `" + path + "`: it " + problem
            + "; cook in an empty directory, or remove what is in the way from " + root);
  }

  private void scan() {
    Set<String> foreign = new TreeSet<>();
    Set<String> changed = new TreeSet<>();
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
              if (dir.getFileName() != null && dir.getFileName().toString().equals(".git")) {
                throw gitRepository(dir);
              }
              return isSkipped(dir.normalize()) || isProvided(dir)
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
              String name = file.getFileName().toString();
              if (name.equals(".git")) {
                throw gitRepository(file);
              }
              if ((name.endsWith(".rs") || PROJECT_FILES.contains(name)) && !isRecipe(file)) {
                String relative = relative(file);
                if (!record.owns(root, relative)) {
                  (record.names(relative) ? changed : foreign).add(relative);
                }
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot scan " + root, e);
    }
    if (!foreign.isEmpty()) {
      throw new SkeletonRefusedException(
          Reason.REAL_PROJECT,
          "refusing to write a skeleton into " + root + ": it holds Rust sources or Cargo files"
              + " that jchef did not write (" + firstFew(foreign)
              + "), so a real project lives here and its files would be overwritten; "
              + WHAT_TO_DO);
    }
    if (!changed.isEmpty()) {
      boolean one = changed.size() == 1;
      throw new SkeletonRefusedException(
          Reason.REAL_PROJECT,
          "refusing to write a skeleton into " + root + ": " + firstFew(changed)
              + (one ? " was changed since jchef wrote it" : " were changed since jchef wrote them")
              + " (" + WriteRecord.PATH + " records what it wrote), so " + (one ? "it is" : "they are")
              + " yours now and would be overwritten; move " + (one ? "it" : "them")
              + " away and cook again, or cook in an empty directory that holds only the recipe");
    }
  }

  /** The first three paths, and how many more there are. */
  private static String firstFew(Set<String> paths) {
    List<String> shown = paths.stream().limit(3).toList();
    return String.join(", ", shown)
        + (paths.size() > shown.size() ? " and " + (paths.size() - shown.size()) + " more" : "");
  }

  private static String capitalised(String sentence) {
    return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
  }

  private SkeletonRefusedException gitRepository(Path gitPath) {
    return new SkeletonRefusedException(
        Reason.GIT_REPOSITORY,
        "refusing to write a skeleton into " + root + ": " + relative(gitPath)
            + " shows a git repository, which holds real work; " + WHAT_TO_DO);
  }

  private void checkNotForeign(PlannedFile file, Path location) {
    if (!Files.exists(location, LinkOption.NOFOLLOW_LINKS) || record.owns(root, relative(location))) {
      return;
    }
    try {
      if (Files.isRegularFile(location)
          && Arrays.equals(Files.readAllBytes(location), file.bytes())) {
        return; // already the content the recipe asks for
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + location, e);
    }
    if (record.names(relative(location))) {
      throw new SkeletonRefusedException(
          Reason.FOREIGN_FILE,
          "refusing to write " + file.path() + " in " + root + ": it was changed since jchef wrote it ("
              + WriteRecord.PATH + " records what it wrote), so it is yours now; move it away and"
              + " cook again, or cook in an empty directory that holds only the recipe");
    }
    throw new SkeletonRefusedException(
        Reason.FOREIGN_FILE,
        "refusing to write " + file.path() + " in " + root + ": it exists with other content, and"
            + " jchef did not write it; move it away. " + capitalised(WHAT_TO_DO));
  }

  private boolean isSkipped(Path path) {
    if (skipped.stream().anyMatch(path::startsWith)) {
      return true;
    }
    for (Path directory = path; directory != null && directory.startsWith(root) && !directory.equals(root);
        directory = directory.getParent()) {
      if (isCargoTargetDirectory(directory)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isCargoTargetDirectory(Path directory) {
    Path tag = directory.resolve("CACHEDIR.TAG");
    if (!Files.isRegularFile(tag, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try (var lines = Files.lines(tag)) {
      return lines.findFirst().filter(line -> line.startsWith(CACHE_DIRECTORY_SIGNATURE)).isPresent();
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  private boolean isProvided(Path dir) {
    return layout.providedDirectories().contains(relative(dir));
  }

  private boolean isRecipe(Path file) {
    return options.recipeFile().map(r -> root.resolve(r).normalize().equals(file.normalize())).orElse(false);
  }

  /** {@code path} relative to {@code root}, {@code /}-separated: how the record names files. */
  static String relative(Path root, Path path) {
    List<String> parts = new ArrayList<>();
    root.relativize(path).forEach(part -> parts.add(part.toString()));
    return String.join("/", parts);
  }

  private String relative(Path path) {
    return relative(root, path);
  }


  private static Path realPath(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resolve " + path, e);
    }
  }
}
