package dev.jchef.model.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TestRegistryTest {

  @Test
  void everyCrateHasUpToDateChecksums() throws IOException {
    for (Path crate : TestRegistry.crates(TestRegistry.directory())) {
      assertEquals(
          TestRegistry.checksums(crate),
          Files.readString(crate.resolve(TestRegistry.CHECKSUM_FILE)),
          crate.getFileName() + ": regenerate with TestRegistry.main (see its Javadoc)");
    }
  }
}
