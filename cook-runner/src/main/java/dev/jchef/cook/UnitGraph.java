package dev.jchef.cook;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Which units depend on which, read from cargo's fingerprint directories: each holds a file named
 * after the unit's kind ({@code lib-serde}, {@code run-build-script-build-script-build}) whose text
 * is the unit's fingerprint hash (a {@code u64} as little-endian hex), and a JSON file of the same
 * name whose {@code deps} list each dependency's fingerprint hash (decimal, the fourth element).
 *
 * <p>Why: when a restored unit's input changed, removing its fingerprint makes cargo compile it
 * again, but cargo decides the freshness of every unit before it starts, from fingerprint hashes
 * that do not change with a build script's output or a registry crate's code: the units that
 * depend on it would stay as restored, built from the old content. So they go too.
 */
final class UnitGraph {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Map<Path, List<Path>> dependents;

  private UnitGraph(Map<Path, List<Path>> dependents) {
    this.dependents = dependents;
  }

  /** The graph of the fingerprint directories {@code fingerprints}. */
  static UnitGraph of(Collection<Path> fingerprints) {
    Map<String, Path> byHash = new HashMap<>();
    Map<Path, List<String>> dependencies = new HashMap<>();
    for (Path fingerprint : fingerprints) {
      for (Path file : list(fingerprint)) {
        String name = file.getFileName().toString();
        if (name.endsWith(".json")) {
          dependencies.computeIfAbsent(fingerprint, f -> new ArrayList<>()).addAll(dependencyHashes(file));
        } else if (!name.startsWith("dep-") && !name.equals("invoked.timestamp") && !name.startsWith("output-")) {
          read(file).ifPresent(hash -> byHash.put(hash, fingerprint));
        }
      }
    }
    Map<Path, List<Path>> dependents = new HashMap<>();
    dependencies.forEach(
        (unit, hashes) -> hashes.forEach(hash -> {
          Path dependency = byHash.get(hash);
          if (dependency != null) {
            dependents.computeIfAbsent(dependency, d -> new ArrayList<>()).add(unit);
          }
        }));
    return new UnitGraph(dependents);
  }

  /** {@code units} and every unit that depends on one of them, directly or not. */
  Set<Path> withDependents(Collection<Path> units) {
    Set<Path> result = new LinkedHashSet<>(units);
    Deque<Path> queue = new ArrayDeque<>(units);
    while (!queue.isEmpty()) {
      for (Path dependent : dependents.getOrDefault(queue.removeFirst(), List.of())) {
        if (result.add(dependent)) {
          queue.addLast(dependent);
        }
      }
    }
    return result;
  }

  /** The fingerprint hashes a unit's JSON names as its dependencies', as little-endian hex. */
  private static List<String> dependencyHashes(Path json) {
    List<String> hashes = new ArrayList<>();
    try {
      JsonNode root = MAPPER.readTree(Files.readString(json));
      for (JsonNode dependency : root.path("deps")) {
        JsonNode hash = dependency.path(3);
        if (hash.isNumber()) {
          long value = hash.bigIntegerValue().longValue();
          hashes.add(HexFormat.of().formatHex(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array()));
        }
      }
    } catch (IOException | JacksonException e) {
      // a fingerprint jchef cannot read: cargo judges it; its dependents are not known here
    }
    return hashes;
  }

  private static java.util.Optional<String> read(Path file) {
    try {
      String text = Files.readString(file).strip();
      return text.matches("[0-9a-f]{16}") ? java.util.Optional.of(text) : java.util.Optional.empty();
    } catch (IOException | java.io.UncheckedIOException e) {
      return java.util.Optional.empty();
    }
  }

  private static List<Path> list(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
