package dev.jchef.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jchef.model.testing.Fixture;
import dev.jchef.model.testing.Processes;
import dev.jchef.model.testing.RequiredTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;

/**
 * On a file system that is full, or read-only, prepare and cook end with one clear line and a
 * non-zero status, and leave what was there as it was. The file systems are real: a size-limited
 * tmpfs and a read-only bind mount, which need root (tests run as root on CI, where {@code
 * JCHEF_REQUIRE_MOUNT} makes a missing one a failure; elsewhere they are skipped, saying so).
 */
@Tag("slow")
class FullDiskAndReadOnlyTest {
  private static final Fixture WORKSPACE =
      Fixture.of(
          "Cargo.toml", "[workspace]\nmembers = [\"app\", \"other\"]\n",
          "app/Cargo.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\n[features]\n" + features(1500),
          "app/src/main.rs", "",
          "other/Cargo.toml", "[package]\nname = \"other\"\nversion = \"0.1.0\"\n",
          "other/src/lib.rs", "");

  /** A features table of {@code count} entries: kilobytes that the recipe keeps. */
  private static String features(int count) {
    StringBuilder table = new StringBuilder();
    for (int i = 0; i < count; i++) {
      table.append("feature-").append(i).append(" = []\n");
    }
    return table.toString();
  }

  @TempDir Path base;
  private Path mounted;

  @AfterEach
  void unmount() {
    if (mounted != null) {
      Processes.run(base, System.getenv(), List.of("umount", mounted.toString()));
    }
  }

  @Test
  void prepareOntoAFullDiskKeepsTheOldRecipe() throws IOException {
    Path project = WORKSPACE.writeTo(base.resolve("project"));
    Path disk = mount(base.resolve("disk"), List.of("-t", "tmpfs", "-o", "size=12k", "tmpfs"));
    Files.writeString(disk.resolve("recipe.json"), "{\"skeleton\": {\"manifests\": []}, \"old\": true}");
    Map<String, String> before = snapshot(disk);

    CommandLineRun run = CommandLineRun.in(project, "prepare", "--recipe-path", disk.resolve("recipe.json").toString());

    assertEquals(1, run.exitCode());
    assertEquals("jchef prepare: cannot write " + disk.resolve("recipe.json") + ": No space left on device\n", run.err());
    assertEquals(before, snapshot(disk));
    FaultReport.record("prepare onto a full disk (12 KiB tmpfs)", 1, 1, "one-line error, the old recipe and nothing else");
  }

  @Test
  void cookOnAFullDiskSaysSoAndLeavesTheRecipe() throws IOException {
    Path project = WORKSPACE.writeTo(base.resolve("project"));
    CommandLineRun.in(project, "prepare", "-q");
    Path disk = mount(base.resolve("disk"), List.of("-t", "tmpfs", "-o", "size=28k", "tmpfs"));
    Files.copy(project.resolve("recipe.json"), disk.resolve("recipe.json"));
    String recipe = Files.readString(disk.resolve("recipe.json"));

    CommandLineRun run = CommandLineRun.in(disk, "cook", "--no-build");

    assertEquals(1, run.exitCode(), run.err());
    assertTrue(run.err().matches("jchef cook: cannot write \\S+: No space left on device\n"), run.err());
    assertEquals(recipe, Files.readString(disk.resolve("recipe.json")));
    FaultReport.record("cook onto a full disk (28 KiB tmpfs)", 1, 1, "one-line error, the recipe kept");
  }

  @Test
  void prepareAndCookInAReadOnlyDirectory() throws IOException {
    Path project = WORKSPACE.writeTo(base.resolve("project"));
    CommandLineRun.in(project, "prepare", "-q");
    Path source = Files.createDirectories(base.resolve("source"));
    Files.copy(project.resolve("recipe.json"), source.resolve("recipe.json"));
    Path readOnly = mount(base.resolve("read-only"), List.of("--bind", source.toString()));
    remount(readOnly, List.of("-o", "remount,bind,ro"));
    Map<String, String> before = snapshot(readOnly);

    CommandLineRun prepare = CommandLineRun.in(project, "prepare", "--recipe-path", readOnly.resolve("recipe.json").toString());
    CommandLineRun cook = CommandLineRun.in(readOnly, "cook", "--no-build");

    assertEquals(1, prepare.exitCode());
    assertEquals("jchef prepare: cannot write " + readOnly.resolve("recipe.json") + ": Read-only file system\n", prepare.err());
    assertEquals(1, cook.exitCode());
    assertEquals(1, cook.err().lines().count(), cook.err());
    assertTrue(cook.err().startsWith("jchef cook: cannot lock ") && cook.err().contains("Read-only file system"), cook.err());
    assertEquals(before, snapshot(readOnly));
    FaultReport.record("prepare and cook in a read-only directory", 2, 2, "one-line errors, nothing changed");
  }

  private Path mount(Path target, List<String> options) throws IOException {
    Files.createDirectories(target);
    List<String> command = new java.util.ArrayList<>(List.of("mount"));
    command.addAll(options);
    command.add(target.toString());
    Processes.Result result = Processes.run(base, System.getenv(), command);
    RequiredTools.assume(result.exitCode() == 0, "mount (as root: " + result.stderr().strip() + ")", "JCHEF_REQUIRE_MOUNT");
    mounted = target;
    return target;
  }

  private void remount(Path target, List<String> options) {
    List<String> command = new java.util.ArrayList<>(List.of("mount"));
    command.addAll(options);
    command.add(target.toString());
    assertEquals(0, Processes.run(base, System.getenv(), command).exitCode());
  }

  private static Map<String, String> snapshot(Path directory) {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        files.put(directory.relativize(path).toString(), Files.readString(path));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files.put("(entries)", String.valueOf(files.size()));
    return files;
  }
}
