package dev.jchef.model.workspace;

import java.util.Optional;

/**
 * The {@code [package]} table: the keys that identify the package and decide its targets.
 *
 * @param version absent since Cargo 1.75 means 0.0.0
 * @param edition absent means 2015
 * @param workspace {@code package.workspace}: the path of the workspace root, when not a parent
 * @param autolib {@code autolib}, and likewise the other {@code auto*} switches: empty when not
 *     written, which is not the same as {@code true} in the 2015 edition
 */
record PackageSection(
    String name,
    Optional<Inheritable> version,
    Optional<Inheritable> edition,
    BuildSetting build,
    Optional<String> links,
    Optional<String> workspace,
    Optional<Boolean> autolib,
    Optional<Boolean> autobins,
    Optional<Boolean> autoexamples,
    Optional<Boolean> autotests,
    Optional<Boolean> autobenches) {

  static PackageSection read(FieldReader fields, TomlTable pkg, String path) {
    String name =
        fields
            .string(pkg, "name", path)
            .orElseThrow(() -> fields.error(path + ".name", "missing: every package needs a name"));
    return new PackageSection(
        name,
        Inheritable.read(fields, pkg, "version", path),
        Inheritable.read(fields, pkg, "edition", path),
        BuildSetting.read(fields, pkg, path),
        fields.string(pkg, "links", path),
        fields.string(pkg, "workspace", path),
        fields.bool(pkg, "autolib", path),
        fields.bool(pkg, "autobins", path),
        fields.bool(pkg, "autoexamples", path),
        fields.bool(pkg, "autotests", path),
        fields.bool(pkg, "autobenches", path));
  }
}
