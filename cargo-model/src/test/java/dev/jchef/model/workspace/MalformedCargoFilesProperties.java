package dev.jchef.model.workspace;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jchef.model.CargoFileException;
import dev.jchef.model.ToolchainFile;
import dev.jchef.model.testing.Mutations;
import dev.jchef.model.testing.TestFileSystem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Mutated and random bytes as a manifest, a lockfile, a Cargo config, a toolchain file and a whole
 * workspace's root manifest: reading them either succeeds or throws a {@link CargoFileException}
 * that names the file and a line and column or a field, within two seconds; never another
 * exception, never a hang. The number of tries is jqwik's default ({@code jqwik.tries.default},
 * 1000; bench/fuzz.sh runs many more).
 */
class MalformedCargoFilesProperties {
  /** A reading whose result does not matter, only how it ends. */
  private interface Read {
    Object run();
  }

  private static final Duration LIMIT = Duration.ofSeconds(2);
  private static final Pattern LOCATED = Pattern.compile("^[^:]+(:\\d+:\\d+: |: [^ ]+: |: ).+", Pattern.DOTALL);

  private static final String MANIFEST =
      """
      [package]
      name = "app"
      version.workspace = true
      edition = "2021"
      [lib]
      path = "src/lib.rs"
      [[bin]]
      name = "app"
      [dependencies]
      serde = { version = "1", features = ["derive"] }
      tokio = {
        workspace = true,
        features = ["rt"],
      }
      [target.'cfg(unix)'.dependencies]
      libc = "0.2"
      [features]
      default = ["fancy"]
      fancy = []
      """;
  private static final String LOCKFILE =
      """
      version = 4

      [[package]]
      name = "app"
      version = "0.1.0"
      dependencies = ["serde"]

      [[package]]
      name = "serde"
      version = "1.0.200"
      source = "registry+https://github.com/rust-lang/crates.io-index"
      checksum = "aaa"
      """;
  private static final String CONFIG = "[build]\ntarget-dir = \"out\"\n[source.crates-io]\nreplace-with = \"v\"\n";
  private static final String TOOLCHAIN = "[toolchain]\nchannel = \"1.80\"\ncomponents = [\"clippy\"]\n";

  @Provide
  Arbitrary<byte[]> files() {
    return Mutations.of(
        List.of(
            MANIFEST.getBytes(StandardCharsets.UTF_8), LOCKFILE.getBytes(StandardCharsets.UTF_8),
            CONFIG.getBytes(StandardCharsets.UTF_8), TOOLCHAIN.getBytes(StandardCharsets.UTF_8)));
  }

  @Property
  void everyCargoFileReaderSucceedsOrNamesTheFileAndPlace(@ForAll("files") byte[] bytes) throws Exception {
    Path root = TestFileSystem.UNIX.newDirectory();
    Files.createDirectories(root.resolve(".cargo"));
    Files.createDirectories(root.resolve("src"));
    Files.writeString(root.resolve("src/lib.rs"), "");
    for (String name : List.of("Cargo.toml", "Cargo.lock", ".cargo/config.toml", "rust-toolchain.toml")) {
      Files.write(root.resolve(name), bytes);
    }
    assertTimeoutPreemptively(
        LIMIT,
        () -> {
          readOrExplain(() -> Manifest.read(root.resolve("Cargo.toml"), "Cargo.toml"));
          readOrExplain(() -> Lockfile.read(root.resolve("Cargo.lock"), "Cargo.lock"));
          readOrExplain(() -> CargoConfig.find(root));
          readOrExplain(() -> ToolchainFile.find(root));
          readOrExplain(() -> Workspace.find(root));
        });
  }

  private static void readOrExplain(Read read) {
    try {
      read.run();
    } catch (CargoFileException e) {
      assertTrue(LOCATED.matcher(e.getMessage()).matches(), "names the file and place: " + e.getMessage());
    }
  }
}
