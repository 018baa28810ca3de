package dev.jchef.recipe.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jchef.model.testing.Fixture;
import dev.jchef.model.workspace.Workspace;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stand-in for compile times: the bytes of the .rs files a build compiles. */
class CompileCostsTest {
  @TempDir Path directory;

  @Test
  void countsWhatABuildCompilesOfEachPackageAndNothingOfItsTestsOrNestedPackages() {
    String kilobytes75 = "// " + "x".repeat(75_000 - 4) + "\n";   // half a second by the stand-in
    Fixture.of(
            "Cargo.toml", "[package]\nname = \"root\"\nversion = \"1.0.0\"\n[workspace]\nmembers = [\"crates/*\"]\n",
            "src/main.rs", kilobytes75,
            "src/cli/args.rs", kilobytes75,
            "tests/big.rs", kilobytes75 + kilobytes75,
            "examples/demo.rs", kilobytes75,
            "crates/core/Cargo.toml", "[package]\nname = \"core\"\nversion = \"1.0.0\"\n",
            "crates/core/src/lib.rs", kilobytes75,
            "crates/core/benches/b.rs", kilobytes75,
            "crates/core/README.md", kilobytes75)
        .writeTo(directory);

    CompileCosts costs = CompileCosts.standIn(Workspace.discover(directory), 2.0);

    assertEquals(Map.of(".", 1.0, "crates/core", 0.5), costs.seconds());
    assertEquals(2.0, costs.stepSeconds());
  }
}
