package dev.jchef.model.workspace;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/**
 * One {@code [[package]]} of a lockfile.
 *
 * @param source empty for workspace members and path dependencies
 * @param checksum the package's own {@code checksum}, or for a version 1 lockfile the one
 *     recorded for it in {@code [metadata]}
 */
public record LockedPackage(
    String name,
    String version,
    Optional<String> source,
    Optional<String> checksum,
    ImmutableList<LockedDependency> dependencies) {

  /** The key a version 1 lockfile uses for this package's checksum in {@code [metadata]}. */
  public String metadataChecksumKey() {
    return "checksum " + name + " " + version + source.map(s -> " (" + s + ")").orElse("");
  }
}
