package dev.jchef.skeleton;

import com.google.common.base.Splitter;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a path taken from a recipe before anything is written: it must be relative, non-empty,
 * {@code /}-separated, free of {@code ..} and drive letters. A recipe is input like any other; a
 * hostile one must not be able to reach outside the directory being cooked.
 */
final class RecipePaths {
  private static final Splitter SLASH = Splitter.on('/');
  private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

  private RecipePaths() {}

  /** {@code path} without {@code .} parts; refused with the reason if unsafe. */
  static String checked(String path, String field) {
    String problem = problem(path);
    if (problem != null) {
      throw new SkeletonRefusedException(
          SkeletonRefusedException.Reason.UNSAFE_PATH,
          "refusing the recipe: " + field + " `" + path + "` " + problem
              + "; a recipe may only name relative paths inside the directory being cooked."
              + " Prepare the recipe again");
    }
    List<String> parts = SLASH.splitToList(path).stream().filter(p -> !p.equals(".")).toList();
    return String.join("/", parts);
  }

  private static String problem(String path) {
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
    if (parts.contains("..")) {
      return "climbs out with `..`";
    }
    if (parts.stream().allMatch(p -> p.equals(".") || p.isEmpty()) || parts.contains("")) {
      return "has an empty part";
    }
    return null;
  }
}
