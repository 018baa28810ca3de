package dev.jchef.model.workspace;

import java.util.Optional;

/**
 * One entry of a locked package's {@code dependencies}: {@code "name"}, {@code "name version"} or
 * {@code "name version (source)"}; lockfiles write only as much as is needed to be unambiguous
 * (version 1 always writes all three for registry packages).
 */
public record LockedDependency(String name, Optional<String> version, Optional<String> source) {

  /** Parses an entry; {@code null} when it is not of one of the three forms. */
  static LockedDependency parse(String entry) {
    String[] parts = entry.split(" ", 3);
    if (parts[0].isEmpty()) {
      return null;
    }
    if (parts.length < 3) {
      return new LockedDependency(
          parts[0], parts.length == 2 ? Optional.of(parts[1]) : Optional.empty(), Optional.empty());
    }
    if (!parts[2].startsWith("(") || !parts[2].endsWith(")")) {
      return null;
    }
    return new LockedDependency(
        parts[0],
        Optional.of(parts[1]),
        Optional.of(parts[2].substring(1, parts[2].length() - 1)));
  }

  /** Whether the locked package {@code pkg} is the one this entry points to. */
  public boolean matches(LockedPackage pkg) {
    return name.equals(pkg.name())
        && version.map(pkg.version()::equals).orElse(true)
        && source.map(s -> pkg.source().map(s::equals).orElse(false)).orElse(true);
  }
}
