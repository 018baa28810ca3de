package dev.jchef.skeleton;

import com.google.common.base.Splitter;
import java.nio.file.Path;

/** Resolving the writer's checked, {@code /}-separated recipe paths under its root. */
final class SkeletonFiles {
  private static final Splitter SLASH = Splitter.on('/').omitEmptyStrings();

  private SkeletonFiles() {}

  /** {@code root} joined with a checked, {@code /}-separated relative path. */
  static Path resolve(Path root, String relative) {
    Path result = root;
    for (String part : SLASH.split(relative)) {
      result = result.resolve(part);
    }
    return result;
  }
}
