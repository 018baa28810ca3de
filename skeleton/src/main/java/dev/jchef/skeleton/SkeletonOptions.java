package dev.jchef.skeleton;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How to write a skeleton.
 *
 * @param noStd write {@code #![no_std]} dummies (cook's {@code --no-std})
 * @param recipeFile the recipe being cooked, which may sit in the root
 * @param targetDirectories build output directories besides {@code <root>/target} (cook's
 *     {@code --target-dir} or {@code CARGO_TARGET_DIR}): a cached build lives there and is
 *     neither scanned nor written
 */
public record SkeletonOptions(
    boolean noStd, Optional<Path> recipeFile, ImmutableList<Path> targetDirectories) {

  public SkeletonOptions {
    checkNotNull(recipeFile);
    checkNotNull(targetDirectories);
  }

  /** Standard-library dummies, no recipe file or extra target directory to allow. */
  public static SkeletonOptions defaults() {
    return new SkeletonOptions(false, Optional.empty(), ImmutableList.of());
  }

  public SkeletonOptions withNoStd(boolean value) {
    return new SkeletonOptions(value, recipeFile, targetDirectories);
  }

  public SkeletonOptions withRecipeFile(Path file) {
    return new SkeletonOptions(noStd, Optional.of(file), targetDirectories);
  }

  public SkeletonOptions withTargetDirectory(Path directory) {
    return new SkeletonOptions(
        noStd,
        recipeFile,
        ImmutableList.<Path>builder().addAll(targetDirectories).add(directory).build());
  }
}
