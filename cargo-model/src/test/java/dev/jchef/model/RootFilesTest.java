package dev.jchef.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jchef.model.testing.Fixture;
import dev.jchef.model.testing.TestFileSystem;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The configuration and toolchain files beside the root manifest, kept verbatim. */
class RootFilesTest {

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void legacyCargoConfigWinsOverConfigToml(TestFileSystem fileSystem) {
    Path root =
        fileSystem.write(
            Fixture.of(
                ".cargo/config", "[build]\njobs = 1 # legacy\n",
                ".cargo/config.toml", "[build]\njobs = 2\n"));

    assertEquals(
        Optional.of(new CargoConfig(".cargo/config", "[build]\njobs = 1 # legacy\n")),
        CargoConfig.find(root));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void readsConfigTomlVerbatim(TestFileSystem fileSystem) {
    String text = "\uFEFF# comment kept\n[net]\n  offline   = true\n";
    Path root = fileSystem.write(Fixture.of(".cargo/config.toml", text));

    assertEquals(Optional.of(new CargoConfig(".cargo/config.toml", text)), CargoConfig.find(root));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void noConfigFileIsEmpty(TestFileSystem fileSystem) {
    assertEquals(Optional.empty(), CargoConfig.find(fileSystem.newDirectory()));
    assertEquals(Optional.empty(), ToolchainFile.find(fileSystem.newDirectory()));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void bareToolchainFileWinsOverTomlOne(TestFileSystem fileSystem) {
    Path root =
        fileSystem.write(
            Fixture.of(
                "rust-toolchain", "1.70.0\n",
                "rust-toolchain.toml", "[toolchain]\nchannel = \"1.80.0\"\n"));

    assertEquals(
        Optional.of(new ToolchainFile(ToolchainFile.Kind.BARE, "1.70.0\n")),
        ToolchainFile.find(root));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void readsTomlToolchainFile(TestFileSystem fileSystem) {
    Path root = fileSystem.write(Fixture.of("rust-toolchain.toml", "[toolchain]\nchannel = \"1.80.0\"\n"));

    assertEquals(
        Optional.of(new ToolchainFile(ToolchainFile.Kind.TOML, "[toolchain]\nchannel = \"1.80.0\"\n")),
        ToolchainFile.find(root));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void aConfigOrToolchainFileThatIsNotTomlIsRefusedNamingFileAndLine(TestFileSystem fileSystem) {
    Path config = fileSystem.write(Fixture.of(".cargo/config.toml", "[build\njobs = 1\n"));
    assertEquals(
        ".cargo/config.toml:1",
        assertThrows(CargoFileException.class, () -> CargoConfig.find(config))
            .getMessage().substring(0, ".cargo/config.toml:1".length()));

    Path toolchain = fileSystem.write(Fixture.of("rust-toolchain.toml", "[toolchain]\nchannel = \"stable\n"));
    assertEquals(
        "rust-toolchain.toml:2",
        assertThrows(CargoFileException.class, () -> ToolchainFile.find(toolchain))
            .getMessage().substring(0, "rust-toolchain.toml:2".length()));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void aConfigInTomlOnePointOneIsKeptAsItIs(TestFileSystem fileSystem) {
    String text = "[build]\nrustflags = [\n  \"-Cdebuginfo=1\",\n]\n[env]\nX = { value = \"\\e\", force = true, }\n";
    Path root = fileSystem.write(Fixture.of(".cargo/config.toml", text));

    assertEquals(Optional.of(new CargoConfig(".cargo/config.toml", text)), CargoConfig.find(root));
  }
}
