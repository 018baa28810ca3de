package dev.jchef.cook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutablesTest {
  @TempDir Path directory;

  @Test
  void cargoEnvironmentVariableWins() throws IOException {
    Path cargo = executable(directory.resolve("my-cargo"));
    Path onPath = executable(Files.createDirectories(directory.resolve("bin")).resolve("cargo"));

    assertEquals(cargo, Executables.cargo(Map.of("CARGO", cargo.toString(), "PATH", onPath.getParent().toString())));
  }

  @Test
  void otherwiseTheFirstCargoOnThePath() throws IOException {
    Path first = executable(Files.createDirectories(directory.resolve("first")).resolve("cargo"));
    executable(Files.createDirectories(directory.resolve("second")).resolve("cargo"));

    assertEquals(
        first,
        Executables.cargo(Map.of("PATH", directory.resolve("empty") + ":" + first.getParent() + ":" + directory.resolve("second"))));
  }

  @Test
  void aClearErrorWhenThereIsNone() {
    CookException missing = assertThrows(CookException.class, () -> Executables.cargo(Map.of("PATH", directory.toString())));
    assertEquals(1, missing.exitCode());
    assertEquals("cargo not found: it is not on the PATH and CARGO is not set; install Rust (rustup) or set CARGO", missing.getMessage());

    CookException wrong =
        assertThrows(CookException.class, () -> Executables.cargo(Map.of("CARGO", "/no/such/cargo")));
    assertEquals("CARGO=/no/such/cargo is not an executable file; unset it or point it at cargo", wrong.getMessage());
  }

  private static Path executable(Path file) throws IOException {
    Files.writeString(file, "#!/bin/sh\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }
}
