package dev.jchef.model.workspace;

import dev.jchef.model.TargetKind;
import dev.jchef.model.internal.RelativePaths;
import dev.jchef.model.testing.Cargo;
import dev.jchef.model.testing.Processes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Members and targets in one comparable form, from {@code cargo metadata --no-deps} and from
 * {@link Workspace#discover}: manifest path to a line per package ("package NAME edition E") and
 * per target ("KINDS CRATE_TYPES NAME SOURCE_PATH").
 *
 * <p>Its {@link #main} compares real workspaces: {@code MetadataComparison DIR...} prints one
 * line per workspace with the counts, and the differences when there are any.
 */
final class MetadataComparison {
  private MetadataComparison() {}

  public static void main(String[] args) throws IOException {
    int differing = 0;
    for (String arg : args) {
      Path root = Path.of(arg).toRealPath();
      Processes.Result cargo =
          Cargo.run(root, List.of("metadata", "--no-deps", "--format-version", "1", "--offline"));
      if (cargo.exitCode() != 0) {
        System.out.println(root + ": cargo metadata failed: " + cargo.stderr().strip());
        differing++;
        continue;
      }
      SortedMap<String, SortedSet<String>> expected = fromCargo(cargo.stdout());
      SortedMap<String, SortedSet<String>> actual;
      try {
        actual = fromJchef(Workspace.discover(root));
      } catch (RuntimeException e) {
        System.out.println(root + ": jchef failed: " + e.getMessage());
        differing++;
        continue;
      }
      int targets = expected.values().stream().mapToInt(lines -> lines.size() - 1).sum();
      if (expected.equals(actual)) {
        System.out.printf("%s: equal: %d members, %d targets%n", root, expected.size(), targets);
      } else {
        differing++;
        System.out.printf("%s: DIFFERENT (cargo: %d members, %d targets)%n", root, expected.size(), targets);
        printDifference(expected, actual);
      }
    }
    System.exit(differing == 0 ? 0 : 1);
  }

  private static void printDifference(
      SortedMap<String, SortedSet<String>> expected, SortedMap<String, SortedSet<String>> actual) {
    TreeSet<String> manifests = new TreeSet<>(expected.keySet());
    manifests.addAll(actual.keySet());
    for (String manifest : manifests) {
      SortedSet<String> cargoLines = expected.getOrDefault(manifest, new TreeSet<>());
      SortedSet<String> jchefLines = actual.getOrDefault(manifest, new TreeSet<>());
      cargoLines.stream().filter(l -> !jchefLines.contains(l)).forEach(l -> System.out.println("  cargo only: " + manifest + ": " + l));
      jchefLines.stream().filter(l -> !cargoLines.contains(l)).forEach(l -> System.out.println("  jchef only: " + manifest + ": " + l));
    }
  }

  /** Manifest path to "name edition" and one line per target. */
  static SortedMap<String, SortedSet<String>> fromCargo(String json) throws IOException {
    SortedMap<String, SortedSet<String>> packages = new TreeMap<>();
    for (JsonNode pkg : new ObjectMapper().readTree(json).get("packages")) {
      SortedSet<String> lines = new TreeSet<>();
      lines.add("package " + pkg.get("name").asString() + " edition " + pkg.get("edition").asString());
      for (JsonNode target : pkg.get("targets")) {
        lines.add(
            String.join(",", toList(target.get("kind")))
                + " "
                + String.join(",", toList(target.get("crate_types")))
                + " "
                + target.get("name").asString()
                + " "
                // cargo joins a declared path as written; compare files, not spellings
                + Path.of(target.get("src_path").asString()).normalize());
      }
      packages.put(pkg.get("manifest_path").asString(), lines);
    }
    return packages;
  }

  static SortedMap<String, SortedSet<String>> fromJchef(Workspace workspace) {
    SortedMap<String, SortedSet<String>> packages = new TreeMap<>();
    for (Member member : workspace.members()) {
      Path directory = RelativePaths.resolve(workspace.root(), member.directory());
      SortedSet<String> lines = new TreeSet<>();
      lines.add("package " + member.name() + " edition " + member.edition());
      for (Target target : member.targets()) {
        lines.add(
            String.join(",", cargoKinds(target))
                + " "
                + String.join(",", cargoCrateTypes(target))
                + " "
                + target.name()
                + " "
                + RelativePaths.resolve(directory, target.path()));
      }
      packages.put(directory.resolve("Cargo.toml").toString(), lines);
    }
    return packages;
  }

  /** The {@code kind} array cargo metadata prints for a target. */
  private static List<String> cargoKinds(Target target) {
    return switch (target.kind()) {
      case LIB -> target.crateTypes();
      case BIN -> List.of("bin");
      case EXAMPLE -> List.of("example");
      case TEST -> List.of("test");
      case BENCH -> List.of("bench");
      case BUILD_SCRIPT -> List.of("custom-build");
    };
  }

  /** The {@code crate_types} array cargo metadata prints for a target. */
  private static List<String> cargoCrateTypes(Target target) {
    return target.kind() == TargetKind.LIB || !target.crateTypes().isEmpty()
        ? target.crateTypes()
        : List.of("bin");
  }

  private static List<String> toList(JsonNode array) {
    return Stream.iterate(0, i -> i < array.size(), i -> i + 1)
        .map(i -> array.get(i).asString())
        .toList();
  }
}
