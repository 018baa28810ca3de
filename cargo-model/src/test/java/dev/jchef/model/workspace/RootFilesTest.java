package dev.jchef.model.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jchef.model.CargoFileException;
import dev.jchef.model.ToolchainFile;
import dev.jchef.model.testing.Fixture;
import dev.jchef.model.testing.TestFileSystem;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
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

  @Test
  void localFilesAreTheProgramsAndRelativeEnvValuesThatHoldASlash() {
    CargoConfig config =
        new CargoConfig(
            ".cargo/config.toml",
            """
            [build]
            rustc-wrapper = "./tools/../tools/wrap.sh"
            rustc-workspace-wrapper = "tools/ws-wrap"
            rustdoc = "/usr/local/bin/rustdoc"

            [target.x86_64-unknown-linux-gnu]
            linker = ".cargo/cc-wrapper.sh"
            runner = ".cargo/run.sh --verbose"

            [target.'cfg(unix)']
            runner = ["scripts/qemu", "-L", "/usr"]

            [env]
            SCHEMA_DIR = { value = "schema/v1", relative = true }
            NOT_RELATIVE = { value = "a/b" }
            PLAIN = "c/d"
            """);

    assertEquals(
        List.of(
            new CargoConfig.LocalFile("tools/wrap.sh", "[build] rustc-wrapper"),
            new CargoConfig.LocalFile("tools/ws-wrap", "[build] rustc-workspace-wrapper"),
            new CargoConfig.LocalFile(".cargo/cc-wrapper.sh", "[target.x86_64-unknown-linux-gnu] linker"),
            new CargoConfig.LocalFile(".cargo/run.sh", "[target.x86_64-unknown-linux-gnu] runner"),
            new CargoConfig.LocalFile("scripts/qemu", "[target.'cfg(unix)'] runner"),
            new CargoConfig.LocalFile("schema/v1", "[env] SCHEMA_DIR")),
        config.localFiles());
  }

  @Test
  void aProgramWithoutASlashIsLookedUpOnThePathAndNamesNoLocalFile() {
    CargoConfig config =
        new CargoConfig(
            ".cargo/config",
            "[build]\nrustc-wrapper = \"sccache\"\n[target.x86_64-unknown-linux-gnu]\nlinker = \"clang\"\n"
                + "runner = \"qemu-x86_64 -L /usr\"\n[env]\nDIR = { value = \"data\", relative = true }\n");

    assertEquals(List.of(), config.localFiles());
  }
}
