package dev.jchef.model.workspace;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Optional;

/**
 * The {@code [workspace]} table of a root manifest.
 *
 * @param members member paths and globs, relative to the root; empty when not written
 * @param defaultMembers empty when not written (then every member is a default member of a
 *     virtual workspace, only the root package otherwise)
 * @param packageTable {@code [workspace.package]}: values members inherit
 * @param dependencies {@code [workspace.dependencies]}, whose paths are relative to the root
 */
record WorkspaceSection(
    ImmutableList<String> members,
    ImmutableList<String> exclude,
    Optional<ImmutableList<String>> defaultMembers,
    TomlTable packageTable,
    ImmutableMap<String, DependencySpec> dependencies,
    TomlTable lints,
    TomlTable metadata,
    Optional<String> resolver) {

  static WorkspaceSection read(FieldReader fields, TomlTable workspace) {
    String path = "workspace";
    return new WorkspaceSection(
        fields.strings(workspace, "members", path).orElse(ImmutableList.of()),
        fields.strings(workspace, "exclude", path).orElse(ImmutableList.of()),
        fields.strings(workspace, "default-members", path),
        fields.table(workspace, "package", path).orElse(TomlTable.empty()),
        fields.entries(
            workspace, "dependencies", path, (at, value) -> DependencySpec.read(fields, at, value)),
        fields.table(workspace, "lints", path).orElse(TomlTable.empty()),
        fields.table(workspace, "metadata", path).orElse(TomlTable.empty()),
        fields.string(workspace, "resolver", path));
  }
}
