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
