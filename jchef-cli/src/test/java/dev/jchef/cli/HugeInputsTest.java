package dev.jchef.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jchef.model.testing.Processes;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;

/**
 * Huge inputs in a JVM of 256 MiB ({@code -Xmx256m}): a recipe with a 100 MB string field is
 * refused before it is read, with one line; one with 100,000 manifests is handled ({@code hash},
 * {@code diff}). Neither ends in an OutOfMemoryError.
 */
@Tag("slow")
class HugeInputsTest {
  @TempDir Path directory;

  @Test
  void aRecipeWithAHundredMegabyteFieldIsRefusedWithOneLine() throws IOException {
    Path recipe = directory.resolve("huge.json");
    try (BufferedWriter out = Files.newBufferedWriter(recipe, StandardCharsets.UTF_8)) {
      out.write("{\"skeleton\":{\"manifests\":[{\"relative_path\":\"Cargo.toml\",\"contents\":\"");
      char[] chunk = "x".repeat(1 << 16).toCharArray();
      for (int i = 0; i < 100_000_000 / chunk.length; i++) {
        out.write(chunk);
      }
      out.write("\",\"targets\":[]}],\"config_file\":null,\"lock_file\":null,\"rust_toolchain_file\":null}}");
    }

    Processes.Result run = jchef256("hash", recipe.toString());

    assertEquals(1, run.exitCode(), run.stderr());
    assertTrue(run.stderr().matches("jchef hash: \\S+huge.json: \\d+ bytes, more than a recipe can be \\(64 MiB; .*\\): not read\\n"), run.stderr());
    FaultReport.record("a recipe with a 100 MB field, -Xmx256m", 1, 1, "refused before reading, one line");
  }

  @Test
  void aRecipeOfAHundredThousandManifestsIsHandled() throws IOException {
    Path recipe = directory.resolve("many.json");
    try (BufferedWriter out = Files.newBufferedWriter(recipe, StandardCharsets.UTF_8)) {
      out.write("{\"skeleton\":{\"manifests\":[");
      for (int i = 0; i < 100_000; i++) {
        out.write((i == 0 ? "" : ",") + "{\"relative_path\":\"crates/m" + i + "/Cargo.toml\",\"contents\":"
            + "\"[package]\\nname = \\\"m" + i + "\\\"\\nversion = \\\"0.0.1\\\"\\n\",\"targets\":"
            + "[{\"path\":\"src/lib.rs\",\"kind\":{\"Lib\":{\"is_proc_macro\":false}},\"name\":\"m" + i + "\"}]}");
      }
      out.write("],\"config_file\":null,\"lock_file\":null,\"rust_toolchain_file\":null}}");
    }

    Processes.Result hash = jchef256("hash", recipe.toString());
    Processes.Result diff = jchef256("diff", recipe.toString(), recipe.toString());

    assertEquals(0, hash.exitCode(), hash.stderr());
    assertTrue(hash.stdout().matches("[0-9a-f]{64}\\n"), hash.stdout());
    assertEquals(0, diff.exitCode(), diff.stderr());
    FaultReport.record("a recipe of 100,000 manifests, -Xmx256m", 2, 2, "hash and diff handled it");
  }

  private Processes.Result jchef256(String... args) {
    return Processes.run(directory, System.getenv(), JchefProcesses.command(List.of("-Xmx256m"), List.of(args)));
  }
}
