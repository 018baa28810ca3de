package dev.jchef.skeleton;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.jchef.recipe.Recipe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a {@link Recipe} into a directory as a skeleton project that {@code cargo build} can
 * build: {@code Cargo.lock}, the toolchain file, {@code .cargo/config.toml}, every manifest, and
 * a dummy source per target ({@link DummySources}, with and without std).
 *
 * <p>It can never destroy real work. Before writing anything it refuses, with a {@link
 * SkeletonRefusedException} that says why and what to do instead, a directory that is a git
 * repository, one that holds Rust sources or Cargo files jchef did not write, a file to write
 * that exists with other content jchef did not write, and a recipe path that is absolute, empty,
 * climbs with {@code ..}, uses a drive letter or backslash, or leads outside the directory
 * through a symbolic link. It keeps a record of what it wrote (path and SHA-256, in {@code
 * .jchef/written-files.json}), so that cooking the same directory again works, files an earlier
 * recipe needed and this one does not are removed, and a file someone changed afterwards is
 * theirs again. Each file is written atomically, so an interrupted cook can be re-run.
 */
public final class SkeletonWriter {
  private final Path root;
  private final SkeletonOptions options;

  /**
   * @param root the directory to write into; created if missing
   */
  public SkeletonWriter(Path root, SkeletonOptions options) {
    this.root = checkNotNull(root).toAbsolutePath().normalize();
    this.options = checkNotNull(options);
  }

  /**
   * Checks, then writes the skeleton of {@code recipe}.
   *
   * @throws SkeletonRefusedException when writing could harm real work; nothing is written then
   */
  public SkeletonReport write(Recipe recipe) {
    WriteRecord previous = WriteRecord.read(root);
    SkeletonLayout layout =
        SkeletonLayout.of(
                recipe,
                options.noStd(),
                path -> Files.isRegularFile(SkeletonFiles.resolve(root, path)) && !previous.owns(root, path))
            .withProvided(options.providedDirectories());
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + root, e);
    }
    Map<String, Path> locations = new SafetyGuard(root, options, layout, previous).check();

    // The record names files where they really are, after symbolic links inside the root.
    Map<String, String> planned = new LinkedHashMap<>();
    layout.files()
        .forEach(
            file ->
                planned.put(SafetyGuard.relative(root, locations.get(file.path())), file.sha256()));
    // Recorded before writing: after an interruption, every file written so far is known.
    previous.plus(planned).writeTo(root);

    ImmutableList.Builder<String> written = ImmutableList.builder();
    ImmutableList.Builder<String> unchanged = ImmutableList.builder();
    for (PlannedFile file : layout.files()) {
      Path location = locations.get(file.path());
      if (hasContent(location, file.bytes())) {
        unchanged.add(file.path());
      } else {
        AtomicFiles.write(location, file.bytes());
        written.add(file.path());
      }
    }
    ImmutableList.Builder<String> removed = ImmutableList.builder();
    for (String path : previous.sha256ByPath().keySet()) {
      if (!planned.containsKey(path) && !layout.isProvided(path) && previous.owns(root, path)) {
        delete(SkeletonFiles.resolve(root, path));
        removed.add(path);
      }
    }
    new WriteRecord(ImmutableMap.copyOf(planned)).writeTo(root);
    return new SkeletonReport(
        written.build(), unchanged.build(), removed.build(),
        ImmutableList.sortedCopyOf(layout.providedDirectories()),
        ImmutableList.sortedCopyOf(layout.dummySubstitutes()));
  }

  /**
   * Records the current content of {@code path}, a file this writer wrote or allowed to be
   * rewritten ({@link #allowRewrite}), as jchef's: for the lockfile that the build jchef ran has
   * just written in cargo's own format, so that the next cook of this directory still knows it.
   * Does nothing for a file the record does not name.
   */
  public void adoptRewrittenFile(String path) {
    WriteRecord record = WriteRecord.read(root);
    if (record.sha256ByPath().containsKey(path)) {
      SkeletonFiles.sha256(SkeletonFiles.resolve(root, path))
          .ifPresent(sha256 -> record.plus(Map.of(path, sha256)).writeTo(root));
    }
  }

  /**
   * Records that a program about to run (cargo) may write or rewrite the file at {@code path}: it
   * stays jchef's whatever its content, even if the run is killed before {@link
   * #adoptRewrittenFile} records its new content; a cook killed while cargo rewrote the lockfile
   * can then simply run again.
   */
  public void allowRewrite(String path) {
    WriteRecord.read(root).plus(Map.of(path, WriteRecord.ANY_CONTENT)).writeTo(root);
  }

  /**
   * Returns whether the file at {@code path} (relative to the root, {@code /}-separated) is one this
   * writer wrote and nobody changed since: false for a file someone copied over it.
   */
  public boolean wrote(String path) {
    return WriteRecord.read(root).owns(root, path);
  }

  private static boolean hasContent(Path location, byte[] bytes) {
    try {
      return Files.isRegularFile(location, LinkOption.NOFOLLOW_LINKS)
          && Arrays.equals(Files.readAllBytes(location), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + location, e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + file, e);
    }
  }
}
