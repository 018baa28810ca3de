package dev.jchef.model.workspace;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/**
 * A target as written in {@code [lib]}, {@code [[bin]]}, {@code [[example]]}, {@code [[test]]}
 * or {@code [[bench]]}, before discovery fills in what is left out. Only the keys that decide
 * which targets exist and how cook must stub them are read; the rest stays in the manifest's
 * document.
 *
 * @param crateTypes {@code crate-type} (or the old {@code crate_type})
 * @param procMacro {@code proc-macro} (or the old {@code proc_macro})
 */
record TargetDeclaration(
    Optional<String> name,
    Optional<String> path,
    Optional<Boolean> harness,
    ImmutableList<String> requiredFeatures,
    Optional<ImmutableList<String>> crateTypes,
    Optional<Boolean> procMacro) {

  static TargetDeclaration read(FieldReader fields, TomlTable table, String path) {
    return new TargetDeclaration(
        fields.string(table, "name", path),
        fields.string(table, "path", path),
        fields.bool(table, "harness", path),
        fields.strings(table, "required-features", path).orElse(ImmutableList.of()),
        fields.strings(table, fields.spelling(table, "crate-type", "crate_type"), path),
        fields.bool(table, fields.spelling(table, "proc-macro", "proc_macro"), path));
  }
}
