package dev.jchef.cook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CookStateTest {
  private static final String LIBC = "debug/.fingerprint/libc-0123456789abcdef";
  private static final CookCacheKey KEY = new CookCacheKey("e".repeat(64), "s".repeat(64));

  @TempDir Path base;
  private Path root;
  private Path units;
  private Path cargoHome;
  private Path staging;
  private Path watched;

  @BeforeEach
  void setUp() throws IOException {
    root = Files.createDirectories(base.resolve("app"));
    units = root.resolve("target");
    cargoHome = Files.createDirectories(base.resolve("cargo-home"));
    staging = Files.createDirectories(units.resolve(".jchef-cache-fetch"));
    watched = Files.writeString(base.resolve("build.rs"), "fn main() {}");
  }

  private void stateFile(String relative, String content) throws IOException {
    Path file = staging.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));
  }

  private void record(String madeAt, String watchedHash) {
    TreeMap<String, java.util.SortedMap<String, String>> inputs = new TreeMap<>();
    TreeMap<String, String> files = new TreeMap<>();
    files.put(watched.toString(), watchedHash);
    inputs.put(LIBC, files);
    new CookStateRecord(KEY.exact(), KEY.scope(), madeAt, units.toString(), cargoHome.toString(), inputs)
        .write(staging.resolve(CookStateRecord.FILE_NAME));
  }

  @Test
  void unitsComeBackWithOneTimeNoOlderThanTheirInputsAndMembersUnitsStayOut() throws IOException {
    stateFile(LIBC + "/lib-libc", "fingerprint");
    stateFile("debug/deps/liblibc-0123456789abcdef.rlib", "rlib");
    stateFile("debug/.fingerprint/app-fedcba9876543210/lib-app", "a member's fingerprint");
    stateFile("debug/deps/libapp-fedcba9876543210.rlib", "a dummy's rlib");
    stateFile("debug/build/app-fedcba9876543210/out/x", "a member's build output");
    Files.setLastModifiedTime(watched, FileTime.from(Instant.now().plusSeconds(3600)));
    record(root.toString(), ContentHash.of(watched));

    CookState.Restored restored = CookState.restore(KEY, staging, units, root, cargoHome, Set.of("app"));

    assertEquals(2, restored.files());
    assertEquals(1, restored.units());
    assertEquals(1, restored.memberUnits());
    assertEquals(List.of(), restored.changedUnits());
    assertEquals("rlib", Files.readString(units.resolve("debug/deps/liblibc-0123456789abcdef.rlib")));
    assertFalse(Files.exists(units.resolve("debug/deps/libapp-fedcba9876543210.rlib")));
    assertFalse(Files.exists(units.resolve("debug/.fingerprint/app-fedcba9876543210")));
    assertFalse(Files.exists(units.resolve("debug/build/app-fedcba9876543210")));
    FileTime time = Files.getLastModifiedTime(units.resolve(LIBC + "/lib-libc"));
    assertEquals(time, Files.getLastModifiedTime(units.resolve("debug/deps/liblibc-0123456789abcdef.rlib")));
    assertFalse(time.toInstant().isBefore(Files.getLastModifiedTime(watched).toInstant()), "no older than the input");
    assertFalse(Files.exists(staging), "the fetched state is removed");
  }

  @Test
  void aUnitWhoseInputChangedLosesItsFingerprint() throws IOException {
    stateFile(LIBC + "/lib-libc", "fingerprint");
    stateFile("debug/deps/liblibc-0123456789abcdef.rlib", "rlib");
    record(root.toString(), "0".repeat(64));

    CookState.Restored restored = CookState.restore(KEY, staging, units, root, cargoHome, Set.of());

    assertEquals(List.of("libc-0123456789abcdef"), restored.changedUnits());
    assertFalse(Files.exists(units.resolve(LIBC)), "cargo compiles the unit again");
  }

  @Test
  void unitsTheDirectoryHadAlreadyAreCargosToJudgeNotTheRecords() throws IOException {
    Files.createDirectories(units.resolve(LIBC));
    Files.writeString(units.resolve(LIBC + "/lib-libc"), "a local build's fingerprint");
    stateFile(LIBC + "/lib-libc", "fingerprint");
    record(root.toString(), "0".repeat(64));

    CookState.Restored restored = CookState.restore(KEY, staging, units, root, cargoHome, Set.of());

    assertEquals(List.of(), restored.changedUnits());
    assertEquals(1, restored.kept());
    assertEquals("a local build's fingerprint", Files.readString(units.resolve(LIBC + "/lib-libc")));
  }

  @Test
  void aStateMadeAtOtherPathsIsRefusedSayingWhyAndNothingIsRestored() throws IOException {
    stateFile("debug/deps/liblibc-0123456789abcdef.rlib", "rlib");
    record("/somewhere/else", ContentHash.of(watched));

    CookCacheException e =
        assertThrows(CookCacheException.class, () -> CookState.restore(KEY, staging, units, root, cargoHome, Set.of()));

    assertTrue(e.getMessage().contains("made at other paths (directory /somewhere/else"), e.getMessage());
    assertFalse(Files.exists(units.resolve("debug")));
    assertFalse(Files.exists(staging));
  }

  @Test
  void aStateWithoutItsRecordOrWithALinkIsRefused() throws IOException {
    stateFile("debug/deps/liblibc-0123456789abcdef.rlib", "rlib");
    CookCacheException noRecord =
        assertThrows(CookCacheException.class, () -> CookState.restore(KEY, staging, units, root, cargoHome, Set.of()));
    assertTrue(noRecord.getMessage().contains("no readable jchef-state.json"), noRecord.getMessage());

    Files.createDirectories(staging.resolve("debug/deps"));
    Files.createSymbolicLink(staging.resolve("debug/deps/link"), Path.of("/etc/passwd"));
    record(root.toString(), ContentHash.of(watched));
    CookCacheException link =
        assertThrows(CookCacheException.class, () -> CookState.restore(KEY, staging, units, root, cargoHome, Set.of()));
    assertTrue(link.getMessage().contains("debug/deps/link, which is not a regular file"), link.getMessage());
    assertFalse(Files.exists(units.resolve("debug")));
  }

  @Test
  void aStateHoldsTheReportedUnitsOfRegistryPackagesOnlyWithTheirInputsHashed() throws IOException {
    Path debug = units.resolve("debug");
    for (String entry : List.of(
        "deps/liblibc-0123456789abcdef.rlib", "deps/liblibc-0123456789abcdef.rmeta", "deps/libc-0123456789abcdef.d",
        ".fingerprint/libc-0123456789abcdef/lib-libc", "build/libc-1111111111111111/build-script-build",
        ".fingerprint/libc-1111111111111111/build-script", "build/libc-2222222222222222/out/gen.rs",
        ".fingerprint/libc-2222222222222222/run-build-script", "deps/libapp-3333333333333333.rlib",
        ".fingerprint/app-3333333333333333/lib-app", "deps/libold-4444444444444444.rlib",
        ".fingerprint/old-4444444444444444/lib-old")) {
      Path file = debug.resolve(entry);
      Files.createDirectories(file.getParent());
      Files.writeString(file, entry);
    }
    Files.writeString(debug.resolve("build/libc-2222222222222222/output"), "cargo:rerun-if-changed=build.rs\n");
    Path libcRoot = Files.createDirectories(base.resolve("registry/libc-0.2"));
    Files.writeString(libcRoot.resolve("build.rs"), "fn main() {}");
    String libc = "registry+https://github.com/rust-lang/crates.io-index#libc@0.2.0";
    String app = "path+file://" + root + "/app#0.0.1";
    CargoMessages messages = new CargoMessages();
    messages.add(new CompilerArtifact(libc, "libc", com.google.common.collect.ImmutableList.of("lib"), false,
        com.google.common.collect.ImmutableList.of(debug.resolve("deps/liblibc-0123456789abcdef.rlib").toString()),
        java.util.Optional.empty(), libcRoot.resolve("Cargo.toml").toString()));
    messages.add(new CompilerArtifact(libc, "build-script-build", com.google.common.collect.ImmutableList.of("custom-build"), true,
        com.google.common.collect.ImmutableList.of(debug.resolve("build/libc-1111111111111111/build-script-build").toString()),
        java.util.Optional.empty(), libcRoot.resolve("Cargo.toml").toString()));
    messages.add(new BuildScriptExecuted(libc, debug.resolve("build/libc-2222222222222222/out").toString()));
    messages.add(new CompilerArtifact(app, "app", com.google.common.collect.ImmutableList.of("lib"), false,
        com.google.common.collect.ImmutableList.of(debug.resolve("deps/libapp-3333333333333333.rlib").toString()),
        java.util.Optional.empty(), root.resolve("app/Cargo.toml").toString()));

    List<String> files = CookState.select(KEY, units, root, cargoHome, messages, id -> id.equals(app));

    assertEquals(List.of(
        "debug/.fingerprint/libc-0123456789abcdef/lib-libc", "debug/.fingerprint/libc-1111111111111111/build-script",
        "debug/.fingerprint/libc-2222222222222222/run-build-script", "debug/build/libc-1111111111111111/build-script-build",
        "debug/build/libc-2222222222222222/out/gen.rs", "debug/build/libc-2222222222222222/output",
        "debug/deps/libc-0123456789abcdef.d", "debug/deps/liblibc-0123456789abcdef.rlib",
        "debug/deps/liblibc-0123456789abcdef.rmeta", "jchef-state.json"), files,
        "the dummy's unit (app) and the unit this cook did not report (old) stay out");
    CookStateRecord record = CookStateRecord.read(units.resolve(CookStateRecord.FILE_NAME));
    assertEquals(root.toString(), record.root());
    assertEquals(java.util.Map.of("debug/.fingerprint/libc-2222222222222222",
        new TreeMap<>(java.util.Map.of(libcRoot.resolve("build.rs").toString(), ContentHash.of(libcRoot.resolve("build.rs"))))),
        record.inputs());
  }

  @Test
  void onlyProfileDirectoriesUnitDirectoriesMayHoldFiles() {
    CookState.checkShape("debug/deps/libx-0123456789abcdef.rlib");
    CookState.checkShape("x86_64-unknown-linux-gnu/release/build/x-0123456789abcdef/out/gen.rs");
    CookState.checkShape("release/.fingerprint/x-0123456789abcdef/lib-x");
    for (String refused : List.of(
        "deps/libx.rlib", "debug/libx.rlib", "debug/deps", "a/b/c/deps/x", "debug/../deps/x", ".hidden/deps/x",
        "debug/incremental/x", "../debug/deps/x")) {
      assertThrows(CookCacheException.class, () -> CookState.checkShape(refused), refused);
    }
  }
}
