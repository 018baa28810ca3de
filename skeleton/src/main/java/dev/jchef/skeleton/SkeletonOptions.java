package dev.jchef.skeleton;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * How to write a skeleton.
 *
 * @param noStd write {@code #![no_std]} dummies (cook's {@code --no-std})
 * @param recipeFile the recipe being cooked, which may sit in the root
 * @param targetDirectories build output directories besides {@code <root>/target} (cook's
 *     {@code --target-dir} or {@code CARGO_TARGET_DIR}): a cached build lives there and is
 *     neither scanned nor written
 * @param providedDirectories directories relative to the root ({@code crates/a}) whose real files
 *     someone provides, such as a layer step's packages: neither scanned nor written, and nothing
 *     in them is ever removed
 */
public record SkeletonOptions(
    boolean noStd, Optional<Path> recipeFile, ImmutableList<Path> targetDirectories,
    ImmutableSet<String> providedDirectories) {

  public SkeletonOptions {
    checkNotNull(recipeFile);
    checkNotNull(targetDirectories);
    providedDirectories = ImmutableSet.copyOf(providedDirectories);
  }

  /** Standard-library dummies, no recipe file, extra target directory or provided directory. */
  public static SkeletonOptions defaults() {
    return new SkeletonOptions(false, Optional.empty(), ImmutableList.of(), ImmutableSet.of());
  }

  /** This with {@code #![no_std]} dummies, or not (cook's {@code --no-std}). */
  public SkeletonOptions withNoStd(boolean value) {
    return new SkeletonOptions(value, recipeFile, targetDirectories, providedDirectories);
  }

  /** This allowing the recipe being cooked at {@code file}, which may lie in the root. */
  public SkeletonOptions withRecipeFile(Path file) {
    return new SkeletonOptions(noStd, Optional.of(file), targetDirectories, providedDirectories);
  }

  /** This with one more target directory to leave alone (absolute, or relative to the root). */
  public SkeletonOptions withTargetDirectory(Path directory) {
    return new SkeletonOptions(
        noStd,
        recipeFile,
        ImmutableList.<Path>builder().addAll(targetDirectories).add(directory).build(),
        providedDirectories);
  }

  /**
   * This with directories whose real files are provided (relative to the root, {@code
   * /}-separated, such as {@code crates/a}): a layer step's packages.
   */
  public SkeletonOptions withProvidedDirectories(Set<String> directories) {
    return new SkeletonOptions(
        noStd, recipeFile, targetDirectories,
        ImmutableSet.<String>builder().addAll(providedDirectories).addAll(directories).build());
  }
}
