package dev.jchef.skeleton;

import com.google.common.base.Splitter;
import dev.jchef.model.internal.RelativePaths;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a path taken from a recipe before anything is written: it must be relative, non-empty,
 * {@code /}-separated, free of drive letters, and free of {@code ..} (a target's path may use
 * {@code ..} while it stays inside). A recipe is input like any other; a hostile one must not be
 * able to reach outside the directory being cooked.
 */
final class RecipePaths {
  private static final Splitter SLASH = Splitter.on('/');
  private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

  private RecipePaths() {}

  /** {@code path} without {@code .} parts; refused with the reason if unsafe. */
  static String checked(String path, String field) {
    String problem = problem(path, false);
    if (problem != null) {
      throw refused(path, field, problem);
    }
    List<String> parts = SLASH.splitToList(path).stream().filter(p -> !p.equals(".")).toList();
    return String.join("/", parts);
  }

  /**
   * A target's {@code path}, relative to its manifest's directory {@code base} ({@code ""} for the
   * root), joined to it and folded. Cargo lets a target's path leave its package with {@code ..}
   * ({@code path = "../shared/main.rs"}); it may not leave the directory being cooked.
   *
   * @return the path relative to the directory being cooked, {@code /}-separated
   * @throws SkeletonRefusedException naming {@code field} when the path is unsafe
   */
  static String checkedWithin(String base, String path, String field) {
    String problem = problem(path, true);
    String joined = RelativePaths.join(base, path);
    if (problem == null && (joined.isEmpty() || joined.equals("..") || joined.startsWith("../"))) {
      problem = "leads out of the directory being cooked";
    }
    if (problem != null) {
      throw refused(path, field, problem);
    }
    return joined;
  }

  private static SkeletonRefusedException refused(String path, String field, String problem) {
    return new SkeletonRefusedException(
        SkeletonRefusedException.Reason.UNSAFE_PATH,
        "refusing the recipe: " + field + " `" + path + "` " + problem
            + "; a recipe may only name relative paths inside the directory being cooked."
            + " Prepare the recipe again");
  }

  private static String problem(String path, boolean climbingAllowed) {
    if (path.isEmpty()) {
      return "is empty";
    }
    if (path.indexOf('\\') >= 0) {
      return "contains a backslash";
    }
    if (path.startsWith("/")) {
      return "is absolute";
    }
    if (DRIVE.matcher(path).matches()) {
      return "starts with a drive letter";
    }
    if (path.indexOf('\0') >= 0) {
      return "contains a NUL character";
    }
    List<String> parts = SLASH.splitToList(path);
    if (!climbingAllowed && parts.contains("..")) {
      return "climbs out with `..`";
    }
    if (parts.stream().allMatch(p -> p.equals(".") || p.isEmpty()) || parts.contains("")) {
      return "has an empty part";
    }
    return null;
  }
}
