package dev.jchef.model.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jchef.model.CargoFileException;
import dev.jchef.model.testing.Cargo;
import dev.jchef.model.testing.Fixture;
import dev.jchef.model.testing.Processes;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lays out each fixture workspace under {@code src/test/resources/workspaces} on disk and
 * compares the members and targets jchef discovers with what {@code cargo metadata --no-deps}
 * reports: the same packages, and for each the same targets (kind, name, source path). A fixture
 * whose text starts with {@code #error} must be refused by both.
 */
@Tag("slow")
class CargoMetadataDifferentialTest {

  static Stream<String> fixtures() throws IOException, URISyntaxException {
    Path directory = Path.of(CargoMetadataDifferentialTest.class.getResource("/workspaces").toURI());
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void discoversTheMembersAndTargetsCargoDoes(String fixtureName, @TempDir Path directory)
      throws IOException {
    Cargo.assumeAvailable();
    String text = Files.readString(Path.of(resource(fixtureName)));
    Path root = Fixture.parse(text).writeTo(directory.toRealPath());
    Processes.Result cargo =
        Cargo.run(root, List.of("metadata", "--no-deps", "--format-version", "1", "--offline"));

    if (text.startsWith("#error")) {
      assertNotEquals(0, cargo.exitCode(), "cargo accepted an #error fixture");
      assertThrows(CargoFileException.class, () -> Workspace.discover(root));
      return;
    }
    assertEquals(0, cargo.exitCode(), cargo.stderr());
    assertEquals(
        MetadataComparison.fromCargo(cargo.stdout()),
        MetadataComparison.fromJchef(Workspace.discover(root)));
  }

  private static String resource(String fixtureName) {
    try {
      return Path.of(
              CargoMetadataDifferentialTest.class.getResource("/workspaces/" + fixtureName).toURI())
          .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

}
