package dev.jchef.model.workspace;

import com.google.common.base.Splitter;
import dev.jchef.model.internal.RelativePaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Expands a {@code workspace.members} entry the way Cargo does, with the semantics of the Rust
 * {@code glob} crate: {@code *}, {@code ?} and {@code [...]} / {@code [!...]} match within one path
 * component, {@code **} matches any number of directories, and a leading dot needs no literal
 * dot (so {@code crates/*} also matches {@code crates/.hidden}; {@code **} does not descend
 * into hidden directories or {@code target}). Matches come in sorted order.
 */
final class MemberGlob {
  private static final Splitter SLASH = Splitter.on('/').omitEmptyStrings();

  private MemberGlob() {}

  /** Whether {@code pattern} uses any glob syntax. */
  static boolean isPattern(String pattern) {
    return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0 || pattern.indexOf('[') >= 0;
  }

  /**
   * Every existing path, file or directory, that {@code pattern} matches under {@code root}.
   *
   * @throws IllegalArgumentException when the pattern is malformed (an unclosed {@code [})
   */
  static List<Path> expand(Path root, String pattern) {
    if (!isPattern(pattern)) {
      Path literal = RelativePaths.resolve(root, pattern);
      return Files.exists(literal) ? List.of(literal) : List.of();
    }
    List<Path> current = List.of(pattern.startsWith("/") ? root.getRoot() : root);
    List<String> parts = SLASH.splitToList(pattern);
    for (int i = 0; i < parts.size(); i++) {
      boolean last = i == parts.size() - 1;
      List<Path> next = new ArrayList<>();
      for (Path base : current) {
        next.addAll(matchComponent(base, parts.get(i), last));
      }
      current = next;
    }
    return current.stream().map(Path::normalize).distinct().sorted().toList();
  }

  /**
   * The paths below {@code base} that match one component; {@code **} matches zero or more
   * directories, but at the end of a pattern only the directories below (as the glob crate does).
   */
  private static List<Path> matchComponent(Path base, String part, boolean last) {
    if (part.equals("**")) {
      List<Path> all = new ArrayList<>();
      if (!last) {
        all.add(base);
      }
      addDirectoriesBelow(base, all);
      return all;
    }
    if (!isPattern(part)) {
      Path next = base.resolve(part);
      return Files.exists(next) ? List.of(next) : List.of();
    }
    Pattern regex = toRegex(part);
    return Directories.sortedEntries(base).stream()
        .filter(child -> regex.matcher(child.getFileName().toString()).matches())
        .toList();
  }

  /**
   * Every directory below {@code dir}, except hidden ones ({@code .git} among them) and {@code
   * target}: Cargo would walk them too, but then fail on their directories without a manifest, so
   * no working workspace has members there, and they are often the largest trees.
   */
  private static void addDirectoriesBelow(Path dir, List<Path> into) {
    for (Path child : Directories.sortedEntries(dir)) {
      String name = child.getFileName().toString();
      if (Files.isDirectory(child) && !name.startsWith(".") && !name.equals("target")) {
        into.add(child);
        addDirectoriesBelow(child, into);
      }
    }
  }

  /** The regular expression of one path component of a glob. */
  static Pattern toRegex(String part) {
    StringBuilder regex = new StringBuilder();
    int i = 0;
    while (i < part.length()) {
      char c = part.charAt(i);
      if (c == '*') {
        regex.append(".*");
        i++;
      } else if (c == '?') {
        regex.append('.');
        i++;
      } else if (c == '[') {
        boolean negated = part.startsWith("[!", i);
        int contentStart = i + (negated ? 2 : 1);
        int end = part.indexOf(']', contentStart + 1); // a first `]` is a member, as in `[]]`
        if (end < 0) {
          throw new IllegalArgumentException("unclosed `[` in pattern `" + part + "`");
        }
        regex
            .append(negated ? "[^" : "[")
            .append(charClass(part.substring(contentStart, end)))
            .append(']');
        i = end + 1;
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
        i++;
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  private static String charClass(String members) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < members.length(); i++) {
      char c = members.charAt(i);
      boolean range = c != '-' && i + 2 < members.length() && members.charAt(i + 1) == '-';
      if (range) {
        out.append(escapeInClass(c)).append('-').append(escapeInClass(members.charAt(i + 2)));
        i += 2;
      } else {
        out.append(escapeInClass(c));
      }
    }
    return out.toString();
  }

  private static String escapeInClass(char c) {
    return Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c;
  }
}
