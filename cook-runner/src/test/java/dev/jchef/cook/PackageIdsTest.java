package dev.jchef.cook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PackageIdsTest {
  @Test
  void namesOfEveryFormCargoWrites() {
    assertEquals("serde", PackageIds.name("registry+https://github.com/rust-lang/crates.io-index#serde@1.0.0"));
    assertEquals("app", PackageIds.name("path+file:///src/app#0.1.0"));
    assertEquals("app", PackageIds.name("path+file:///src/crates/x#app@0.1.0"));
  }

  @Test
  void theDirectoryOfAPathPackageDecoded() {
    assertEquals(Optional.of("/src/my app"), PackageIds.directory("path+file:///src/my%20app#app@0.1.0"));
    assertEquals(Optional.of("C:/src/app"), PackageIds.directory("path+file:///C:/src/app#0.1.0"));
    assertEquals(Optional.empty(), PackageIds.directory("registry+https://github.com/rust-lang/crates.io-index#serde@1.0.0"));
  }

  @Test
  void theOlderFormOfCargoBefore177AsDebianCargoWritesIt() {
    String local = "model 0.0.1 (path+file:///app/crates/model)";
    String registry = "serde 1.0.152 (registry+https://github.com/rust-lang/crates.io-index)";

    assertEquals("model", PackageIds.name(local));
    assertEquals("serde", PackageIds.name(registry));
    assertEquals(true, PackageIds.isLocal(local));
    assertEquals(false, PackageIds.isLocal(registry));
    assertEquals(Optional.of("/app/crates/model"), PackageIds.directory(local));
    assertEquals(Optional.empty(), PackageIds.directory(registry));
  }
}
