package dev.jchef.model.workspace;

import java.util.Optional;

/**
 * A package field that is either written out or inherited from {@code [workspace.package]} with
 * {@code field.workspace = true}.
 */
record Inheritable(Optional<String> literal) {

  public static Inheritable of(String literal) {
    return new Inheritable(Optional.of(literal));
  }

  public static Inheritable fromWorkspace() {
    return new Inheritable(Optional.empty());
  }

  /** Whether the value is {@code { workspace = true }}. */
  public boolean isFromWorkspace() {
    return literal.isEmpty();
  }

  static Optional<Inheritable> read(FieldReader fields, TomlTable table, String key, String path) {
    Optional<Object> value = table.get(key);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.get() instanceof String literal) {
      return Optional.of(of(literal));
    }
    if (value.get() instanceof TomlTable inherit
        && inherit.size() == 1
        && inherit.getBoolean("workspace").orElse(false)) {
      return Optional.of(fromWorkspace());
    }
    throw fields.error(FieldReader.join(path, key), "expected a string or { workspace = true }");
  }
}
