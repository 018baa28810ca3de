package dev.jchef.model.workspace;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/**
 * What one dependency entry asks for: {@code "1.0"} or {@code { version, path, git, registry,
 * package, workspace, optional, features, default-features }}. The same shape appears in the
 * dependency tables, in {@code [workspace.dependencies]}, {@code [patch]} and {@code [replace]}.
 *
 * @param renamedPackage the {@code package} key: the real package when the entry's key is an
 *     alias (<a href="https://doc.rust-lang.org/cargo/reference/specifying-dependencies.html#renaming-dependencies-in-cargotoml">renaming</a>)
 * @param inheritsFromWorkspace {@code workspace = true}: the rest comes from
 *     {@code [workspace.dependencies]}
 */
record DependencySpec(
    Optional<String> version,
    Optional<String> path,
    Optional<String> git,
    Optional<String> registry,
    Optional<String> renamedPackage,
    boolean inheritsFromWorkspace,
    boolean optional,
    ImmutableList<String> features,
    Optional<Boolean> defaultFeatures) {

  /** A plain version requirement, as in {@code serde = "1.0"}. */
  public static DependencySpec ofVersion(String version) {
    return new DependencySpec(
        Optional.of(version),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        false,
        false,
        ImmutableList.of(),
        Optional.empty());
  }

  static DependencySpec read(FieldReader fields, String path, Object value) {
    if (value instanceof String version) {
      return ofVersion(version);
    }
    if (!(value instanceof TomlTable table)) {
      throw fields.error(path, "expected a version string or a table");
    }
    boolean workspace = fields.bool(table, "workspace", path).orElse(false);
    if (table.containsKey("workspace") && !workspace) {
      throw fields.error(FieldReader.join(path, "workspace"), "`workspace` cannot be false");
    }
    return new DependencySpec(
        fields.string(table, "version", path),
        fields.string(table, "path", path),
        fields.string(table, "git", path),
        fields.string(table, "registry", path),
        fields.string(table, "package", path),
        workspace,
        fields.bool(table, "optional", path).orElse(false),
        fields.strings(table, "features", path).orElse(ImmutableList.of()),
        fields.bool(table, fields.spelling(table, "default-features", "default_features"), path));
  }
}
