package dev.jchef.skeleton;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How to write a skeleton: immutable; start from {@link #defaults()} and change one setting with a
 * {@code with} method: {@code SkeletonOptions.defaults().withNoStd(true)}.
 */
public final class SkeletonOptions {
  private final boolean noStd;
  private final Optional<Path> recipeFile;
  private final ImmutableList<Path> targetDirectories;
  private final ImmutableSet<String> providedDirectories;

  private SkeletonOptions(
      boolean noStd, Optional<Path> recipeFile, ImmutableList<Path> targetDirectories,
      ImmutableSet<String> providedDirectories) {
    this.noStd = noStd;
    this.recipeFile = checkNotNull(recipeFile);
    this.targetDirectories = checkNotNull(targetDirectories);
    this.providedDirectories = checkNotNull(providedDirectories);
  }

  /** Returns standard-library dummies, no recipe file, extra target directory or provided directory. */
  public static SkeletonOptions defaults() {
    return new SkeletonOptions(false, Optional.empty(), ImmutableList.of(), ImmutableSet.of());
  }

  /** Returns these options with {@code #![no_std]} dummies, or not (cook's {@code --no-std}). */
  public SkeletonOptions withNoStd(boolean value) {
    return new SkeletonOptions(value, recipeFile, targetDirectories, providedDirectories);
  }

  /** Returns these options allowing the recipe being cooked at {@code file}, which may lie in the root. */
  public SkeletonOptions withRecipeFile(Path file) {
    return new SkeletonOptions(noStd, Optional.of(file), targetDirectories, providedDirectories);
  }

  /**
   * Returns these options with one more build output directory besides {@code <root>/target}
   * (absolute, or relative to the root; cook's {@code --target-dir} or {@code CARGO_TARGET_DIR}): a
   * cached build lives there and is neither scanned nor written.
   */
  public SkeletonOptions withTargetDirectory(Path directory) {
    return new SkeletonOptions(
        noStd, recipeFile, ImmutableList.<Path>builder().addAll(targetDirectories).add(directory).build(),
        providedDirectories);
  }

  /**
   * Returns these options with directories whose real files someone provides (relative to the
   * root, {@code /}-separated, such as {@code crates/a}: a layer step's packages): neither scanned
   * nor written, and nothing in them is ever removed.
   */
  public SkeletonOptions withProvidedDirectories(Set<String> directories) {
    return new SkeletonOptions(
        noStd, recipeFile, targetDirectories,
        ImmutableSet.<String>builder().addAll(providedDirectories).addAll(directories).build());
  }

  boolean noStd() {
    return noStd;
  }

  Optional<Path> recipeFile() {
    return recipeFile;
  }

  ImmutableList<Path> targetDirectories() {
    return targetDirectories;
  }

  ImmutableSet<String> providedDirectories() {
    return providedDirectories;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SkeletonOptions that
        && noStd == that.noStd && recipeFile.equals(that.recipeFile)
        && targetDirectories.equals(that.targetDirectories) && providedDirectories.equals(that.providedDirectories);
  }

  @Override
  public int hashCode() {
    return Objects.hash(noStd, recipeFile, targetDirectories, providedDirectories);
  }

  @Override
  public String toString() {
    return "SkeletonOptions[noStd=" + noStd + ", recipeFile=" + recipeFile + ", targetDirectories="
        + targetDirectories + ", providedDirectories=" + providedDirectories + "]";
  }
}
