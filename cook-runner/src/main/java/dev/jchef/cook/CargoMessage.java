package dev.jchef.cook;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import java.util.Optional;

/**
 * One {@code compiler-artifact} message of cargo's {@code --message-format json}: a unit cargo
 * built ({@code fresh} false) or found up to date ({@code fresh} true), and the files it made.
 *
 * @param packageId such as {@code registry+https://...#serde@1.0.0} or {@code path+file:///...}
 */
record CargoMessage(
    String packageId, String targetName, ImmutableList<String> targetKinds, boolean fresh,
    ImmutableList<String> filenames, Optional<String> executable) {

  /** The artifact described by a JSON line, if it is a {@code compiler-artifact} message. */
  static Optional<CargoMessage> artifact(JsonNode message) {
    if (!"compiler-artifact".equals(message.path("reason").asText())) {
      return Optional.empty();
    }
    JsonNode target = message.path("target");
    return Optional.of(
        new CargoMessage(
            message.path("package_id").asText(),
            target.path("name").asText(),
            strings(target.path("kind")),
            message.path("fresh").asBoolean(),
            strings(message.path("filenames")),
            message.path("executable").isTextual()
                ? Optional.of(message.path("executable").asText())
                : Optional.empty()));
  }

  /**
   * The package name in the id: {@code registry+https://...#chef-shout@1.0.0}, or {@code
   * path+file:///.../app#0.1.0} when the directory has the package's name.
   */
  String packageName() {
    int hash = packageId.lastIndexOf('#');
    String fragment = packageId.substring(hash + 1);
    int at = fragment.indexOf('@');
    if (at >= 0) {
      return fragment.substring(0, at);
    }
    String url = packageId.substring(0, Math.max(hash, 0));
    return url.substring(url.lastIndexOf('/') + 1);
  }

  /** Whether the unit belongs to a package of the workspace (a path source), not the registry. */
  boolean isLocal() {
    return packageId.startsWith("path+");
  }

  private static ImmutableList<String> strings(JsonNode array) {
    ImmutableList.Builder<String> result = ImmutableList.builder();
    array.forEach(item -> result.add(item.asText()));
    return result.build();
  }
}
