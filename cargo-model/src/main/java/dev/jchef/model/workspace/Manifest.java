package dev.jchef.model.workspace;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.jchef.model.internal.TomlReader;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A parsed {@code Cargo.toml}: typed views of the keys jchef reasons about, and the whole parsed
 * {@link #document() document} for the normalisation that rewrites it.
 *
 * <p>Reading validates the types of the keys it views (a {@code package.name} that is not a
 * string is an error naming that field) and nothing else: unknown keys are kept, as Cargo keeps
 * them with a warning. Targets are as written; {@link Workspace} discovers the full list.
 */
public final class Manifest {
  private final String file;
  private final TomlTable document;
  private final Optional<PackageSection> packageSection;
  private final Optional<TargetDeclaration> lib;
  private final ImmutableList<TargetDeclaration> bins;
  private final ImmutableList<TargetDeclaration> examples;
  private final ImmutableList<TargetDeclaration> tests;
  private final ImmutableList<TargetDeclaration> benches;
  private final ImmutableList<Dependency> dependencies;
  private final ImmutableMap<String, ImmutableList<String>> features;
  private final Optional<WorkspaceSection> workspace;
  private final ImmutableMap<String, TomlTable> profiles;

  private Manifest(String file, TomlTable document) {
    this.file = checkNotNull(file);
    this.document = checkNotNull(document);
    FieldReader fields = new FieldReader(file);
    String packageKey = fields.spelling(document, "package", "project");
    this.packageSection =
        fields
            .table(document, packageKey, "")
            .map(pkg -> PackageSection.read(fields, pkg, packageKey));
    this.lib =
        fields.table(document, "lib", "").map(t -> TargetDeclaration.read(fields, t, "lib"));
    this.bins = declarations(fields, "bin");
    this.examples = declarations(fields, "example");
    this.tests = declarations(fields, "test");
    this.benches = declarations(fields, "bench");
    this.dependencies = readDependencies(fields);
    this.features =
        fields.entries(
            document,
            "features",
            "",
            (at, value) -> {
              if (!(value instanceof ImmutableList<?> list)
                  || !list.stream().allMatch(item -> item instanceof String)) {
                throw fields.error(at, "expected an array of feature names");
              }
              return list.stream().map(String.class::cast).collect(ImmutableList.toImmutableList());
            });
    // [patch] and [replace] are read here for their errors (file, line and field); what they
    // override is DependencyOverride's, from the TOML, which a recipe's normalised text has too.
    fields.entries(
        document,
        "patch",
        "",
        (at, registry) -> {
          if (!(registry instanceof TomlTable table)) {
            throw fields.error(at, "expected a table of dependencies");
          }
          return specs(fields, table, at);
        });
    fields.entries(document, "replace", "", (at, v) -> DependencySpec.read(fields, at, v));
    this.workspace =
        fields.table(document, "workspace", "").map(ws -> WorkspaceSection.read(fields, ws));
    this.profiles =
        fields.entries(
            document,
            "profile",
            "",
            (at, value) -> {
              if (!(value instanceof TomlTable table)) {
                throw fields.error(at, "expected a table");
              }
              return table;
            });
  }

  /**
   * Reads the manifest at {@code file}.
   *
   * @param displayName how errors name the file, usually relative to the workspace root
   */
  public static Manifest read(Path file, String displayName) {
    return of(TomlReader.read(file, displayName), displayName);
  }

  /** Parses manifest text; errors name {@code displayName}. */
  public static Manifest parse(String text, String displayName) {
    return of(TomlReader.parse(text, displayName), displayName);
  }

  /** Views an already parsed document as a manifest. */
  public static Manifest of(TomlTable document, String displayName) {
    return new Manifest(displayName, document);
  }

  private ImmutableList<TargetDeclaration> declarations(FieldReader fields, String key) {
    ImmutableList<TomlTable> tables = fields.tables(document, key, "");
    ImmutableList.Builder<TargetDeclaration> result = ImmutableList.builder();
    for (int i = 0; i < tables.size(); i++) {
      result.add(TargetDeclaration.read(fields, tables.get(i), key + "[" + i + "]"));
    }
    return result.build();
  }

  private ImmutableList<Dependency> readDependencies(FieldReader fields) {
    ImmutableList.Builder<Dependency> result = ImmutableList.builder();
    readDependencyTables(fields, document, "", Optional.empty(), result);
    fields
        .table(document, "target", "")
        .ifPresent(
            targets ->
                targets
                    .asMap()
                    .forEach(
                        (platform, value) -> {
                          String at = FieldReader.join("target", platform);
                          if (!(value instanceof TomlTable table)) {
                            throw fields.error(at, "expected a table");
                          }
                          readDependencyTables(fields, table, at, Optional.of(platform), result);
                        }));
    return result.build();
  }

  private static void readDependencyTables(
      FieldReader fields,
      TomlTable owner,
      String path,
      Optional<String> platform,
      ImmutableList.Builder<Dependency> result) {
    for (DependencyKind kind : DependencyKind.values()) {
      for (String tableName : kind.tableNames()) {
        fields
            .table(owner, tableName, path)
            .ifPresent(
                table ->
                    specs(fields, table, FieldReader.join(path, tableName))
                        .forEach(
                            (key, spec) -> result.add(new Dependency(key, kind, platform, spec))));
      }
    }
  }

  private static ImmutableMap<String, DependencySpec> specs(
      FieldReader fields, TomlTable table, String path) {
    ImmutableMap.Builder<String, DependencySpec> result = ImmutableMap.builder();
    table
        .asMap()
        .forEach(
            (key, value) ->
                result.put(key, DependencySpec.read(fields, FieldReader.join(path, key), value)));
    return result.buildOrThrow();
  }

  /** How errors name this manifest's file. */
  public String file() {
    return file;
  }

  /** The whole parsed file. */
  public TomlTable document() {
    return document;
  }

  /** {@code [package]} (or the legacy {@code [project]}); empty for a virtual manifest. */
  Optional<PackageSection> packageSection() {
    return packageSection;
  }

  /** Whether this manifest has no package: a virtual workspace root. */
  public boolean isVirtual() {
    return packageSection.isEmpty();
  }

  Optional<TargetDeclaration> lib() {
    return lib;
  }

  ImmutableList<TargetDeclaration> bins() {
    return bins;
  }

  ImmutableList<TargetDeclaration> examples() {
    return examples;
  }

  ImmutableList<TargetDeclaration> tests() {
    return tests;
  }

  ImmutableList<TargetDeclaration> benches() {
    return benches;
  }

  /**
   * Every entry of every dependency table: {@code [dependencies]}, {@code [dev-dependencies]},
   * {@code [build-dependencies]}, and each of them under {@code [target.<platform>]}, in the
   * order written.
   */
  ImmutableList<Dependency> dependencies() {
    return dependencies;
  }

  /** {@code [features]}: each feature and what it enables. */
  public ImmutableMap<String, ImmutableList<String>> features() {
    return features;
  }

  /** {@code [workspace]}, present on a workspace root only. */
  Optional<WorkspaceSection> workspace() {
    return workspace;
  }

  /** {@code [profile.<name>]} tables. */
  public ImmutableMap<String, TomlTable> profiles() {
    return profiles;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Manifest manifest
        && file.equals(manifest.file)
        && document.equals(manifest.document);
  }

  @Override
  public int hashCode() {
    return 31 * file.hashCode() + document.hashCode();
  }

  @Override
  public String toString() {
    return "Manifest[" + file + "]";
  }
}
