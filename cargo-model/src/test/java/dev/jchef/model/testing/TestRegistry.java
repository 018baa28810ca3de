package dev.jchef.model.testing;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The hermetic registry of the end-to-end tests, the demo and the Maven plugin's integration
 * tests: a few small crates of our own in {@code examples/registry}, served to cargo as a
 * directory source (each crate with its {@code .cargo-checksum.json}), so that they build offline
 * anywhere.
 *
 * <p>After changing a crate, regenerate the checksum files with {@code
 * TestRegistry.main(new String[] {"examples/registry"})}; {@code TestRegistryTest} fails until they
 * match.
 */
public final class TestRegistry {
  public static final String CHECKSUM_FILE = ".cargo-checksum.json";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private TestRegistry() {}

  public static void main(String[] args) throws IOException {
    for (Path crate : crates(Path.of(args[0]))) {
      Files.writeString(crate.resolve(CHECKSUM_FILE), checksums(crate));
    }
  }

  /** {@code examples/registry}, found from the module directory the tests run in. */
  public static Path directory() {
    return Path.of("..", "examples", "registry").toAbsolutePath().normalize();
  }

  public static List<Path> crates(Path registry) throws IOException {
    try (Stream<Path> crates = Files.list(registry)) {
      return crates.filter(Files::isDirectory).sorted().toList();
    }
  }

  /** The {@code .cargo-checksum.json} a crate directory must have: SHA-256 of every file. */
  public static String checksums(Path crate) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(crate)) {
      for (Path file : paths.filter(Files::isRegularFile).toList()) {
        String relative = crate.relativize(file).toString().replace('\\', '/');
        if (!relative.equals(CHECKSUM_FILE)) {
          files.put(relative, Hashing.sha256().hashBytes(Files.readAllBytes(file)).toString());
        }
      }
    }
    ObjectNode json = MAPPER.createObjectNode();
    ObjectNode fileNode = json.putObject("files");
    files.forEach(fileNode::put);
    // A directory source takes the package checksum as given; any stable value will do.
    json.put("package", Hashing.sha256().hashUnencodedChars(files.toString()).toString());
    return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n";
  }

  /**
   * A {@code CARGO_HOME} in {@code directory} whose configuration replaces crates.io with this
   * registry and keeps cargo offline, as a builder image would provide it.
   */
  public static Path cargoHome(Path directory) {
    try {
      Files.createDirectories(directory);
      Files.writeString(
          directory.resolve("config.toml"),
          "[source.crates-io]\nreplace-with = \"jchef-test-registry\"\n\n"
              + "[source.jchef-test-registry]\ndirectory = \""
              + directory().toString().replace("\\", "\\\\") + "\"\n\n[net]\noffline = true\n");
      return directory;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** This process's environment with {@code CARGO_HOME} set and no inherited target directory. */
  public static Map<String, String> environment(Path cargoHome) {
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.put("CARGO_HOME", cargoHome.toString());
    environment.remove("CARGO_TARGET_DIR");
    environment.remove("CARGO_BUILD_TARGET_DIR");
    return environment;
  }
}
