package dev.jchef.cook;

import tools.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One {@code build-script-executed} message of cargo's {@code --message-format json}: a package's
 * build script ran (or was found up to date), writing into {@code outDir} ({@code OUT_DIR}, in
 * {@code <profile dir>/build/<package>-<hash>/out}).
 */
record BuildScriptExecuted(String packageId, String outDir) {

  /** The message described by a JSON line, if it is a {@code build-script-executed} message. */
  static Optional<BuildScriptExecuted> of(JsonNode message) {
    if (!"build-script-executed".equals(message.path("reason").asString())
        || !message.path("out_dir").isString()) {
      return Optional.empty();
    }
    return Optional.of(
        new BuildScriptExecuted(message.path("package_id").asString(), message.path("out_dir").asString()));
  }

  /** Whether the package is one of the workspace's own (a path source). */
  boolean isLocal() {
    return PackageIds.isLocal(packageId);
  }
}
