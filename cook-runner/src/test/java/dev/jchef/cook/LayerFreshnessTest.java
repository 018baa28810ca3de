package dev.jchef.cook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The freshness rule on a target directory laid out as cargo lays it out (a fingerprint directory
 * and rustc's dep-info per unit), without running cargo: what is kept, what is removed, what is
 * recorded.
 */
class LayerFreshnessTest {
  private static final String MODEL_UNIT = "target/debug/.fingerprint/model-0123456789abcdef";
  private static final String FOO_UNIT = "target/debug/.fingerprint/foo-0123456789abcdef";

  @TempDir Path root;

  /** A unit built by "cargo": its fingerprint directory and dep-info, written now. */
  private void build(String unit, String crateRoot, String... inputs) throws IOException {
    Files.createDirectories(root.resolve(unit));
    Files.writeString(root.resolve(unit).resolve("lib"), "fingerprint");
    String name = root.resolve(unit).getFileName().toString();
    write("target/debug/deps/" + name + ".d",
        root.resolve("target/debug/deps/lib" + name + ".rlib") + ": " + crateRoot + " " + String.join(" ", inputs) + "\n");
  }

  private Path write(String relative, String text) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  private LayerFreshness freshness(Map<String, String> packages) {
    return new LayerFreshness(root, root.resolve("target"), packages, Map.of());
  }

  @Test
  void aUnitIsKeptWhileItsFilesAndTheFilesItReadsHashAsRecorded() throws IOException {
    write("crates/model/src/lib.rs", "v1");
    write("data/x.txt", "x1");
    LayerFreshness freshness = freshness(Map.of("model", "crates/model"));
    LayerFreshness.Prepared first = freshness.prepare();
    build(MODEL_UNIT, "crates/model/src/lib.rs", "crates/model/src/../../../data/x.txt");
    freshness.record(first);

    LayerFreshness.Prepared second = freshness.prepare();

    assertEquals(0, second.removedUnits());
    assertTrue(Files.isDirectory(root.resolve(MODEL_UNIT)));
    assertEquals(SourceTimes.FIXED, Files.getLastModifiedTime(root.resolve("crates/model/src/lib.rs")));
    assertEquals(SourceTimes.FIXED, Files.getLastModifiedTime(root.resolve("data/x.txt")));

    write("data/x.txt", "x2");
    LayerFreshness.Prepared third = freshness.prepare();

    assertEquals(1, third.removedUnits());
    assertFalse(Files.exists(root.resolve(MODEL_UNIT)));
  }

  /**
   * A file outside the package that its units read, changed while cargo ran: what cargo read is
   * not known, so the package is left out of the record and the next build compiles it.
   */
  @Test
  void aFileReadFromOutsideThatChangesWhileCargoRunsIsNotRecorded() throws IOException {
    write("crates/model/src/lib.rs", "v1");
    write("data/x.txt", "x1");
    LayerFreshness freshness = freshness(Map.of("model", "crates/model"));
    LayerFreshness.Prepared first = freshness.prepare();
    build(MODEL_UNIT, "crates/model/src/lib.rs", "crates/model/src/../../../data/x.txt");
    freshness.record(first);

    LayerFreshness.Prepared second = freshness.prepare();
    write("data/x.txt", "x2");   // while "cargo" runs, after it read x1
    freshness.record(second);

    assertFalse(LayerSourceRecord.read(root.resolve("target/debug")).packages().containsKey("crates/model"));
    assertEquals(1, freshness.prepare().removedUnits());
  }

  /**
   * A file of the package that is a link to another package's file: its content is what the
   * units were built from, so a change behind the link removes them, and the link's own time is
   * never set (it would set its target's).
   */
  @Test
  void aLinkedFileIsHashedByWhatItLeadsTo() throws IOException {
    write("crates/data/msg.txt", "d1");
    write("crates/data/src/lib.rs", "");
    write("crates/foo/src/lib.rs", "include_str!(\"msg.txt\")");
    Files.createSymbolicLink(root.resolve("crates/foo/src/msg.txt"), Path.of("../../data/msg.txt"));
    LayerFreshness freshness = freshness(Map.of("foo", "crates/foo", "data", "crates/data"));
    LayerFreshness.Prepared first = freshness.prepare();
    build(FOO_UNIT, "crates/foo/src/lib.rs", "crates/foo/src/msg.txt");
    freshness.record(first);
    assertEquals(0, freshness.prepare().removedUnits());

    write("crates/data/msg.txt", "d2");
    LayerFreshness.Prepared changed = freshness.prepare();

    assertEquals(1, changed.removedUnits());
    assertFalse(Files.exists(root.resolve(FOO_UNIT)));
    assertTrue(Files.getLastModifiedTime(root.resolve("crates/data/msg.txt")).compareTo(SourceTimes.FIXED) > 0);
  }
}
