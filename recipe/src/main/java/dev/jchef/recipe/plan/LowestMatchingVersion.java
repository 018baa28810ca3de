package dev.jchef.recipe.plan;

import com.google.common.base.Splitter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lowest version a Cargo version requirement accepts, as the version a layer step gives a
 * dummy that a real package requires a version of (Cargo reference, "Specifying dependencies":
 * comma-separated comparators, a bare version meaning caret). Each comparator's lower bound:
 * {@code 1.2}, {@code ^1.2}, {@code ~1.2}, {@code =1.2}, {@code >=1.2} and {@code 1.2.*} give
 * 1.2.0; {@code >1.2.3} gives 1.2.4, {@code >1.2} 1.3.0; {@code <} and {@code <=} and {@code *}
 * none. The answer is the highest of the bounds.
 */
public final class LowestMatchingVersion {
  private static final Pattern COMPARATOR =
      Pattern.compile("(=|\\^|~|>=|>|<=|<)?\\s*v?(\\d+|\\*|x|X)(?:\\.(\\d+|\\*|x|X))?(?:\\.(\\d+|\\*|x|X))?(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");

  private LowestMatchingVersion() {}

  /** The lowest accepted version, or empty when {@code requirement} is not one Cargo reads. */
  public static Optional<String> of(String requirement) {
    long[] best = {0, 0, 0};
    String bestPre = "";
    List<String> comparators = Splitter.on(',').trimResults().splitToList(requirement.trim());
    for (String comparator : comparators) {
      if (comparator.equals("*")) {
        continue;
      }
      Matcher m = COMPARATOR.matcher(comparator);
      if (!m.matches()) {
        return Optional.empty();
      }
      String op = m.group(1) == null ? "^" : m.group(1);
      if (op.startsWith("<") || wildcard(m.group(2))) {
        continue;
      }
      long[] bound = {Long.parseLong(m.group(2)), number(m.group(3)), number(m.group(4))};
      String pre = m.group(5) == null ? "" : m.group(5);
      if (op.equals(">")) {
        int last = m.group(4) != null && !wildcard(m.group(4)) ? 2 : m.group(3) != null && !wildcard(m.group(3)) ? 1 : 0;
        bound[last]++;
        for (int i = last + 1; i < 3; i++) {
          bound[i] = 0;
        }
        pre = "";
      }
      if (compare(bound, pre, best, bestPre) > 0) {
        best = bound;
        bestPre = pre;
      }
    }
    return Optional.of(best[0] + "." + best[1] + "." + best[2] + bestPre);
  }

  private static boolean wildcard(String part) {
    return part.equals("*") || part.equalsIgnoreCase("x");
  }

  private static long number(String part) {
    return part == null || wildcard(part) ? 0 : Long.parseLong(part);
  }

  /** Semver order: numbers, then a pre-release below the release. */
  private static int compare(long[] a, String aPre, long[] b, String bPre) {
    for (int i = 0; i < 3; i++) {
      if (a[i] != b[i]) {
        return Long.compare(a[i], b[i]);
      }
    }
    if (aPre.isEmpty() || bPre.isEmpty()) {
      return Boolean.compare(aPre.isEmpty(), bPre.isEmpty());
    }
    return aPre.compareTo(bPre);
  }
}
