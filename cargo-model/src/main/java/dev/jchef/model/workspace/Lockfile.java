package dev.jchef.model.workspace;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.jchef.model.internal.TomlReader;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A parsed {@code Cargo.lock}, in any of Cargo's formats: version 1 (checksums in
 * {@code [metadata]}, full dependency entries), version 2 (checksums per package, no
 * {@code version} key), and versions 3 and 4 ({@code version = 3} / {@code 4}). The whole parsed
 * {@link #document() document} is kept so that it can be written back.
 */
public final class Lockfile {
  private final String file;
  private final TomlTable document;
  private final int formatVersion;
  private final ImmutableList<LockedPackage> packages;
  private final ImmutableMap<String, String> metadata;

  private Lockfile(String file, TomlTable document) {
    this.file = checkNotNull(file);
    this.document = checkNotNull(document);
    FieldReader fields = new FieldReader(file);
    this.metadata =
        fields.entries(
            document,
            "metadata",
            "",
            (at, value) -> {
              if (!(value instanceof String text)) {
                throw fields.error(at, "expected a string");
              }
              return text;
            });
    ImmutableList.Builder<LockedPackage> packages = ImmutableList.builder();
    fields.table(document, "root", "").ifPresent(root -> packages.add(read(fields, root, "root")));
    ImmutableList<TomlTable> tables = fields.tables(document, "package", "");
    for (int i = 0; i < tables.size(); i++) {
      packages.add(read(fields, tables.get(i), "package[" + i + "]"));
    }
    this.packages = packages.build();
    this.formatVersion = formatVersion(fields);
  }

  /** Reads the lockfile at {@code file}; errors name {@code displayName}. */
  public static Lockfile read(Path file, String displayName) {
    return of(TomlReader.read(file, displayName), displayName);
  }

  /** Parses lockfile text; errors name {@code displayName}. */
  public static Lockfile parse(String text, String displayName) {
    return of(TomlReader.parse(text, displayName), displayName);
  }

  /** Views an already parsed document as a lockfile. */
  public static Lockfile of(TomlTable document, String displayName) {
    return new Lockfile(displayName, document);
  }

  private LockedPackage read(FieldReader fields, TomlTable table, String path) {
    String name =
        fields.string(table, "name", path).orElseThrow(() -> fields.error(path, "missing name"));
    String version =
        fields
            .string(table, "version", path)
            .orElseThrow(() -> fields.error(path, "missing version"));
    Optional<String> source = fields.string(table, "source", path);
    ImmutableList.Builder<LockedDependency> dependencies = ImmutableList.builder();
    for (String entry : fields.strings(table, "dependencies", path).orElse(ImmutableList.of())) {
      LockedDependency dependency = LockedDependency.parse(entry);
      if (dependency == null) {
        throw fields.error(
            path + ".dependencies", "`" + entry + "` is not `name [version [(source)]]`");
      }
      dependencies.add(dependency);
    }
    LockedPackage withoutChecksum =
        new LockedPackage(name, version, source, Optional.empty(), dependencies.build());
    Optional<String> checksum =
        fields
            .string(table, "checksum", path)
            .or(() -> Optional.ofNullable(metadata.get(withoutChecksum.metadataChecksumKey())));
    return new LockedPackage(name, version, source, checksum, withoutChecksum.dependencies());
  }

  private int formatVersion(FieldReader fields) {
    Optional<Object> version = document.get("version");
    if (version.isPresent()) {
      if (!(version.get() instanceof Long number) || number < 1) {
        throw fields.error("version", "expected a lockfile format number such as 3");
      }
      return number.intValue();
    }
    boolean oldStyle =
        metadata.keySet().stream().anyMatch(key -> key.startsWith("checksum "))
            || document.containsKey("root")
            || packages.stream()
                .flatMap(p -> p.dependencies().stream())
                .anyMatch(d -> d.source().isPresent());
    return oldStyle ? 1 : 2;
  }

  /** How errors name this lockfile. */
  public String file() {
    return file;
  }

  /** The whole parsed file. */
  public TomlTable document() {
    return document;
  }

  /**
   * The format version: the {@code version} key when present, else 1 or 2. Without a key, a
   * lockfile that records no checksums and no sources in its dependency entries (only path
   * packages) reads the same in both formats and counts as 2.
   */
  public int formatVersion() {
    return formatVersion;
  }

  /** Every locked package in file order (a version 1 {@code [root]} first). */
  public ImmutableList<LockedPackage> packages() {
    return packages;
  }

  /** The {@code [metadata]} table of version 1 lockfiles, as written. */
  public ImmutableMap<String, String> metadata() {
    return metadata;
  }
}
