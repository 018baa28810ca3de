package dev.jchef.cook;

import tools.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import java.util.Optional;

/**
 * One {@code compiler-artifact} message of cargo's {@code --message-format json} ("JSON messages"
 * in the Cargo book's <i>External tools</i> chapter): a unit cargo built ({@code fresh} false) or
 * found up to date ({@code fresh} true), and the files it made.
 *
 * @param packageId such as {@code registry+https://...#serde@1.0.0} or {@code
 *     path+file:///src/app#0.1.0}
 * @param filenames absolute paths of the unit's files as cargo reported them: for a root unit the
 *     copies cargo "uplifts" into the profile directory ({@code target/debug/app}), else the
 *     files in {@code deps/} whose names carry the unit's hash
 * @param manifestPath the absolute path of the package's {@code Cargo.toml}, whose directory is
 *     the package root that relative {@code rerun-if-changed} paths start from; empty if not given
 */
record CompilerArtifact(
    String packageId, String targetName, ImmutableList<String> targetKinds, boolean fresh,
    ImmutableList<String> filenames, Optional<String> executable, String manifestPath) {

  /** The artifact described by a JSON line, if it is a {@code compiler-artifact} message. */
  static Optional<CompilerArtifact> of(JsonNode message) {
    if (!"compiler-artifact".equals(message.path("reason").asString())) {
      return Optional.empty();
    }
    JsonNode target = message.path("target");
    return Optional.of(
        new CompilerArtifact(
            message.path("package_id").asString(),
            target.path("name").asString(),
            strings(target.path("kind")),
            message.path("fresh").asBoolean(),
            strings(message.path("filenames")),
            message.path("executable").isString()
                ? Optional.of(message.path("executable").asString())
                : Optional.empty(),
            message.path("manifest_path").asString("")));
  }

  /**
   * The package name in the id: {@code registry+https://...#chef-shout@1.0.0}, or {@code
   * path+file:///.../app#0.1.0} when the directory has the package's name.
   */
  String packageName() {
    return PackageIds.name(packageId);
  }

  /** Whether the unit belongs to a package of the workspace (a path source), not the registry. */
  boolean isLocal() {
    return PackageIds.isLocal(packageId);
  }

  /** Every file cargo named for the unit: its filenames and its executable. */
  ImmutableList<String> files() {
    ImmutableList.Builder<String> files = ImmutableList.<String>builder().addAll(filenames);
    executable.filter(e -> !filenames.contains(e)).ifPresent(files::add);
    return files.build();
  }

  private static ImmutableList<String> strings(JsonNode array) {
    ImmutableList.Builder<String> result = ImmutableList.builder();
    array.forEach(item -> result.add(item.asString()));
    return result.build();
  }
}
