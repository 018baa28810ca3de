package dev.jchef.model.internal;

import com.google.common.base.Splitter;
import com.google.common.collect.Streams;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Paths as Cargo files write them: strings with {@code /} separators, relative to a manifest's
 * directory, resolved against a {@link Path} of whatever file system the caller chose. Both
 * resolution and normalisation are lexical, as Cargo's are: symbolic links are not followed.
 */
public final class RelativePaths {
  private static final Splitter SLASH = Splitter.on('/').omitEmptyStrings();

  private RelativePaths() {}

  /** {@code base} joined with a path written in a Cargo file, lexically normalised. */
  public static Path resolve(Path base, String written) {
    Path asWritten = base.getFileSystem().getPath(written.replace('/', separatorOf(base)));
    if (asWritten.isAbsolute()) {
      return asWritten.normalize();
    }
    Path result = base;
    for (String part : SLASH.split(written)) {
      result = result.resolve(part);
    }
    return result.normalize();
  }

  /**
   * {@code base} joined with a path written in a Cargo file as Rust's {@code Path::join} leaves it
   * for {@code Path::starts_with}: {@code .} and empty parts dropped, {@code ..} kept as a name and
   * not folded. Cargo matches {@code workspace.exclude} and {@code workspace.members} entries
   * against manifest paths in this form, so {@code a/../b} never matches a normalised path.
   */
  public static Path joinLiterally(Path base, String written) {
    Path asWritten = base.getFileSystem().getPath(written.replace('/', separatorOf(base)));
    Path result = asWritten.isAbsolute() ? asWritten.getRoot() : base;
    for (String part : SLASH.split(written)) {
      if (!part.equals(".")) {
        result = result.resolve(part);
      }
    }
    return result;
  }

  /** A written path with {@code .} removed and {@code name/..} folded; leading {@code ..} kept. */
  public static String normalize(String written) {
    Deque<String> parts = new ArrayDeque<>();
    for (String part : SLASH.split(written)) {
      if (part.equals("..") && !parts.isEmpty() && !parts.peekLast().equals("..")) {
        parts.removeLast();
      } else if (!part.equals(".")) {
        parts.addLast(part);
      }
    }
    return String.join("/", parts);
  }

  /**
   * {@code written} normalised ({@link #normalize}), when it stays inside the directory it is
   * relative to: empty for an absolute path, a drive letter, an empty path or one that climbs
   * with {@code ..}.
   */
  public static Optional<String> insideRoot(String written) {
    String normalised = normalize(written);
    boolean outside =
        written.startsWith("/")
            || written.matches("^[A-Za-z]:.*")
            || normalised.isEmpty()
            || List.of(normalised.split("/")).contains("..");
    return outside ? Optional.empty() : Optional.of(normalised);
  }

  /** Two written paths joined and normalised: {@code join("crates/a", "../b")} is {@code crates/b}. */
  public static String join(String base, String written) {
    return normalize(base.isEmpty() ? written : base + "/" + written);
  }

  /**
   * The written path that leads from directory {@code from} to {@code to}, both normalised and
   * relative to the same root: {@code relative("crates/a", "libs/b")} is {@code ../../libs/b}.
   */
  public static String relative(String from, String to) {
    List<String> fromParts = SLASH.splitToList(from);
    List<String> toParts = SLASH.splitToList(to);
    int common = 0;
    while (common < fromParts.size()
        && common < toParts.size()
        && fromParts.get(common).equals(toParts.get(common))) {
      common++;
    }
    List<String> parts = new ArrayList<>();
    for (int i = common; i < fromParts.size(); i++) {
      parts.add("..");
    }
    parts.addAll(toParts.subList(common, toParts.size()));
    return parts.isEmpty() ? "." : String.join("/", parts);
  }

  /** {@code path} relative to {@code root}, with {@code /} separators; "" for the root itself. */
  public static String relativize(Path root, Path path) {
    return Streams.stream(root.relativize(path))
        .map(Path::toString)
        .filter(part -> !part.isEmpty())
        .collect(Collectors.joining("/"));
  }

  private static char separatorOf(Path base) {
    return base.getFileSystem().getSeparator().charAt(0);
  }
}
