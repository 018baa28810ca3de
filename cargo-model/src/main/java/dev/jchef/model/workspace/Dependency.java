package dev.jchef.model.workspace;

import java.util.Optional;

/**
 * One entry of a dependency table of a manifest.
 *
 * @param key the entry's key: the name the code uses, which differs from the package's name when
 *     the dependency is renamed
 * @param platform the {@code cfg(...)} expression or target triple of a
 *     {@code [target.<platform>.*dependencies]} table, empty for the plain tables
 */
record Dependency(
    String key, DependencyKind kind, Optional<String> platform, DependencySpec spec) {

  /** The package's real name: the {@code package} key of a renamed dependency, else the key. */
  public String packageName() {
    return spec.renamedPackage().orElse(key);
  }
}
