package dev.jchef.model.workspace;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.jchef.model.CargoFileException;
import dev.jchef.model.internal.TomlWriter;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Reads typed values out of a {@link TomlTable}, failing with the file and dotted field when a
 * value has the wrong type. Absent keys are empty; wrong types are errors, never ignored.
 */
final class FieldReader {
  private final String file;

  FieldReader(String file) {
    this.file = file;
  }

  String file() {
    return file;
  }

  CargoFileException error(String field, String problem) {
    return CargoFileException.atField(file, field, problem);
  }

  static String join(String path, String key) {
    String quoted = TomlWriter.key(key);
    return path.isEmpty() ? quoted : path + "." + quoted;
  }

  Optional<String> string(TomlTable table, String key, String path) {
    return typed(table, key, path, String.class, "a string");
  }

  Optional<Boolean> bool(TomlTable table, String key, String path) {
    return typed(table, key, path, Boolean.class, "true or false");
  }

  Optional<TomlTable> table(TomlTable table, String key, String path) {
    return typed(table, key, path, TomlTable.class, "a table");
  }

  /** The first of two spellings that is present, such as {@code crate-type} and {@code crate_type}. */
  String spelling(TomlTable table, String preferred, String alternative) {
    return table.containsKey(preferred) || !table.containsKey(alternative) ? preferred : alternative;
  }

  Optional<ImmutableList<String>> strings(TomlTable table, String key, String path) {
    Optional<Object> value = table.get(key);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (!(value.get() instanceof ImmutableList<?> list)
        || !list.stream().allMatch(item -> item instanceof String)) {
      throw error(join(path, key), "expected an array of strings");
    }
    return Optional.of(list.stream().map(String.class::cast).collect(ImmutableList.toImmutableList()));
  }

  ImmutableList<TomlTable> tables(TomlTable table, String key, String path) {
    Optional<Object> value = table.get(key);
    if (value.isEmpty()) {
      return ImmutableList.of();
    }
    if (!(value.get() instanceof ImmutableList<?> list)
        || !list.stream().allMatch(item -> item instanceof TomlTable)) {
      throw error(join(path, key), "expected an array of tables, such as [[" + key + "]]");
    }
    return list.stream().map(TomlTable.class::cast).collect(ImmutableList.toImmutableList());
  }

  /** Each entry of the table at {@code key}, read by {@code reader(entryPath, value)}. */
  <T> ImmutableMap<String, T> entries(
      TomlTable table, String key, String path, BiFunction<String, Object, T> reader) {
    ImmutableMap.Builder<String, T> result = ImmutableMap.builder();
    table(table, key, path)
        .ifPresent(
            entries ->
                entries
                    .asMap()
                    .forEach(
                        (name, value) ->
                            result.put(name, reader.apply(join(join(path, key), name), value))));
    return result.buildOrThrow();
  }

  private <T> Optional<T> typed(
      TomlTable table, String key, String path, Class<T> type, String expected) {
    Optional<Object> value = table.get(key);
    if (value.isPresent() && !type.isInstance(value.get())) {
      throw error(join(path, key), "expected " + expected);
    }
    return value.map(type::cast);
  }
}
