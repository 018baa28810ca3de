package dev.jchef.model.workspace;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.jchef.model.internal.TomlWriter;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * An immutable TOML table: keys in the order they were defined, values of the TOML types only.
 *
 * <p>Values are {@link String}, {@link Long}, {@link Double}, {@link Boolean}, the four
 * {@code java.time} types TOML has ({@link OffsetDateTime}, {@link LocalDateTime},
 * {@link LocalDate}, {@link LocalTime}), {@link ImmutableList} of values (arrays, including
 * arrays of tables), and {@code TomlTable}. Equality ignores key order, as TOML does. Changes
 * return a new table; a table is never modified.
 */
public final class TomlTable {
  private static final TomlTable EMPTY = new TomlTable(ImmutableMap.of());

  private final ImmutableMap<String, Object> entries;

  private TomlTable(ImmutableMap<String, Object> entries) {
    this.entries = entries;
  }

  /** The empty table. */
  public static TomlTable empty() {
    return EMPTY;
  }

  /** A table of the given entries, in the map's iteration order; values must be TOML values. */
  public static TomlTable of(Map<String, ?> entries) {
    ImmutableMap.Builder<String, Object> copy = ImmutableMap.builderWithExpectedSize(entries.size());
    entries.forEach((key, value) -> copy.put(checkNotNull(key), checkValue(value)));
    return new TomlTable(copy.buildOrThrow());
  }

  /** Checks that {@code value} is one of the TOML value types and returns it. */
  static Object checkValue(Object value) {
    checkNotNull(value, "TOML has no null value");
    if (value instanceof List<?> list) {
      checkArgument(value instanceof ImmutableList, "arrays must be ImmutableList");
      list.forEach(TomlTable::checkValue);
      return value;
    }
    checkArgument(
        value instanceof String
            || value instanceof Long
            || value instanceof Double
            || value instanceof Boolean
            || value instanceof TomlTable
            || value instanceof OffsetDateTime
            || value instanceof LocalDateTime
            || value instanceof LocalDate
            || value instanceof LocalTime,
        "not a TOML value: %s",
        value.getClass().getName());
    return value;
  }

  /** The entries in definition order. */
  public ImmutableMap<String, Object> asMap() {
    return entries;
  }

  public Set<String> keys() {
    return entries.keySet();
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  public boolean containsKey(String key) {
    return entries.containsKey(key);
  }

  /** The value of {@code key}, of any type. */
  public Optional<Object> get(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  /** The value of {@code key} when it is a string. */
  public Optional<String> getString(String key) {
    return typed(key, String.class);
  }

  /** The value of {@code key} when it is a boolean. */
  public Optional<Boolean> getBoolean(String key) {
    return typed(key, Boolean.class);
  }

  /** The value of {@code key} when it is a table. */
  public Optional<TomlTable> getTable(String key) {
    return typed(key, TomlTable.class);
  }

  /** The value of {@code key} when it is an array. */
  @SuppressWarnings("unchecked")
  public Optional<ImmutableList<Object>> getArray(String key) {
    return typed(key, ImmutableList.class).map(list -> (ImmutableList<Object>) list);
  }

  /** The table at a dotted path of table keys, such as {@code ("workspace", "package")}. */
  public Optional<TomlTable> getTable(String first, String... rest) {
    Optional<TomlTable> table = getTable(first);
    for (String key : rest) {
      table = table.flatMap(t -> t.getTable(key));
    }
    return table;
  }

  /** A table with {@code key} set to {@code value}, in place if present, else appended. */
  public TomlTable with(String key, Object value) {
    checkNotNull(key);
    checkValue(value);
    LinkedHashMap<String, Object> copy = new LinkedHashMap<>(entries);
    copy.put(key, value);
    return new TomlTable(ImmutableMap.copyOf(copy));
  }

  /** A table without {@code key}; this table when the key is absent. */
  public TomlTable without(String key) {
    if (!entries.containsKey(key)) {
      return this;
    }
    LinkedHashMap<String, Object> copy = new LinkedHashMap<>(entries);
    copy.remove(key);
    return new TomlTable(ImmutableMap.copyOf(copy));
  }

  /**
   * A table whose every value is replaced by {@code change.apply(key, value)}; keys whose new
   * value is {@code null} are removed.
   */
  public TomlTable mapValues(BiFunction<String, Object, Object> change) {
    ImmutableMap.Builder<String, Object> copy = ImmutableMap.builderWithExpectedSize(size());
    entries.forEach(
        (key, value) -> {
          Object changed = change.apply(key, value);
          if (changed != null) {
            copy.put(key, checkValue(changed));
          }
        });
    return new TomlTable(copy.buildOrThrow());
  }

  public int size() {
    return entries.size();
  }

  private <T> Optional<T> typed(String key, Class<T> type) {
    Object value = entries.get(key);
    return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TomlTable table && entries.equals(table.entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  /** The table written as TOML, for diagnostics. */
  @Override
  public String toString() {
    return TomlWriter.write(this);
  }
}
