package dev.jchef.cook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the units of a profile directory read, from rustc's dep-info and the build scripts'
 * {@code rerun-if-changed} lines, in the shapes cargo 1.95 writes them.
 */
class UnitInputsTest {
  @TempDir Path root;

  @Test
  void readsTheInputsOfADepInfoRuleWithEscapedSpaces() throws IOException {
    Path file = write("target/debug/deps/a_lib-8c8bdc75e1c56d52.d",
        "/w/target/debug/deps/a_lib-8c8bdc75e1c56d52.d: a/src/lib.rs a/src/../../b/my\\ data.txt\n\n"
            + "a/src/lib.rs:\na/src/../../b/my\\ data.txt:\n\n# env-dep:CARGO_PKG_NAME=a\n");

    assertEquals(List.of("a/src/lib.rs", "a/src/../../b/my data.txt"), UnitInputs.inputs(file));
  }

  @Test
  void filesOutsideAPackageAreItsExternalInputsOrReadByOthers() throws IOException {
    Path profile = root.resolve("target/debug");
    // model (a layer package) includes a file of render (another layer package) and data/;
    // hello (the final step's) includes a file of model; model's build script watches data/.
    write("target/debug/deps/model-0000000000000001.d",
        profile.resolve("deps/libmodel.rlib") + ": crates/model/src/lib.rs crates/model/src/../../render/words.txt"
            + " crates/model/src/../../../data/x.txt\n");
    write("target/debug/deps/hello-0000000000000002.d",
        profile.resolve("deps/hello") + ": crates/hello/src/main.rs crates/hello/src/../../model/src/lib.rs\n");
    write("target/debug/deps/serde-0000000000000003.d",
        profile.resolve("deps/libserde.rlib") + ": /registry/serde/src/lib.rs /registry/serde/src/de.rs\n");
    write("target/debug/build/model-0000000000000004/output",
        "cargo:rerun-if-changed=build.rs\ncargo::rerun-if-changed=../../data/y.txt\ncargo:rustc-cfg=x\n");
    write("target/debug/build/serde-0000000000000005/output", "cargo:rerun-if-changed=build.rs\n");

    UnitInputs inputs =
        UnitInputs.scan(
            profile, root, Map.of("model", "crates/model", "render", "crates/render"), Map.of("hello", "crates/hello"));

    assertEquals(Map.of("crates/model", Set.of("crates/render/words.txt", "data/x.txt", "data/y.txt")), inputs.external());
    assertEquals(Set.of("crates/model/src/lib.rs"), inputs.readByOthers());
  }

  private Path write(String relative, String text) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }
}
