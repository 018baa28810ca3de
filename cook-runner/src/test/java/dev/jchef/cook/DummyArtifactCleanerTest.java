package dev.jchef.cook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableList;
import dev.jchef.model.testing.Fixture;
import dev.jchef.model.testing.TestFileSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The cleaner on target directories laid out as cargo leaves them, with the messages cargo gave
 * for them; the end-to-end tests show with real cargo that what it removes makes the real build
 * compile every workspace unit again.
 */
class DummyArtifactCleanerTest {
  private static final String LOCAL = "path+file:///work/app#0.0.1";
  private static final String REGISTRY = "registry+https://github.com/rust-lang/crates.io-index#applib@1.0.0";

  /** A release build for a triple with host build scripts, dummies and registry units mixed. */
  private static final Fixture CROSS_BUILD =
      Fixture.of(
          "host/release/.fingerprint/app-1111111111111111/build-script-build-script-build", "",
          "host/release/build/app-1111111111111111/build-script-build", "dummy build script",
          "host/release/build/app-1111111111111111/build_script_build-1111111111111111", "dummy build script",
          "host/release/build/app-1111111111111111/build_script_build-1111111111111111.d", "",
          "x86/release/.fingerprint/app-2222222222222222/run-build-script-build-script-build", "",
          "x86/release/build/app-2222222222222222/out/g.rs", "",
          "x86/release/build/app-2222222222222222/output", "",
          "x86/release/.fingerprint/app-3333333333333333/lib-applib", "",
          "x86/release/deps/libapplib-3333333333333333.rlib", "dummy lib",
          "x86/release/deps/libapplib-3333333333333333.rmeta", "",
          "x86/release/deps/applib-3333333333333333.d", "",
          "x86/release/libapplib.rlib", "dummy lib",
          "x86/release/libapplib.d", "",
          "x86/release/.fingerprint/app-4444444444444444/bin-app", "",
          "x86/release/deps/app-4444444444444444", "dummy program",
          "x86/release/deps/app-4444444444444444.d", "",
          "x86/release/app", "dummy program",
          "x86/release/app.d", "",
          "x86/release/.fingerprint/app-5555555555555555/example-demo-one", "",
          "x86/release/examples/demo_one-5555555555555555", "dummy example",
          "x86/release/examples/demo-one", "dummy example",
          "x86/release/.fingerprint/applib-6666666666666666/lib-applib", "",
          "x86/release/deps/libapplib-6666666666666666.rlib", "registry crate of the same name",
          "x86/release/deps/libapplib-6666666666666666.rmeta", "",
          "x86/release/.fingerprint/app-7777777777777777/lib-applib", "",
          "x86/release/deps/libapplib-7777777777777777.rlib", "an earlier real build's",
          "x86/release/deps/libapplib-7777777777777777.rmeta", "",
          "x86/release/incremental/applib-0abc/s-1/dep-graph.bin", "");

  private static CargoMessages messages(Path target) {
    CargoMessages messages = new CargoMessages();
    messages.add(artifact(LOCAL, "build-script-build", target, "host/release/build/app-1111111111111111/build-script-build"));
    messages.add(new BuildScriptExecuted(LOCAL, file(target, "x86/release/build/app-2222222222222222/out")));
    messages.add(
        artifact(LOCAL, "applib", target, "x86/release/libapplib.rlib", "x86/release/deps/libapplib-3333333333333333.rmeta"));
    messages.add(artifact(LOCAL, "app", target, "x86/release/app"));
    messages.add(artifact(LOCAL, "demo-one", target, "x86/release/examples/demo-one"));
    messages.add(artifact(REGISTRY, "applib", target, "x86/release/deps/libapplib-6666666666666666.rlib"));
    return messages;
  }

  private static CompilerArtifact artifact(String packageId, String target, Path root, String... files) {
    ImmutableList<String> names = Stream.of(files).map(f -> file(root, f)).collect(ImmutableList.toImmutableList());
    return new CompilerArtifact(packageId, target, ImmutableList.of("lib"), false, names, Optional.empty(), "");
  }

  private static String file(Path root, String relative) {
    Path path = root;
    for (String part : relative.split("/")) {
      path = path.resolve(part);
    }
    return path.toString();
  }

  private static List<String> remaining(Path target) throws IOException {
    try (Stream<Path> paths = Files.walk(target)) {
      return paths.filter(Files::isRegularFile)
          .map(p -> target.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }

  private static DummyArtifactCleaner cleaner(Path target) {
    return new DummyArtifactCleaner(target.getFileSystem(), PackageIds::isLocal);
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void removesEveryReportedDummyUnitWhereverCargoPutIt(TestFileSystem fileSystem) throws IOException {
    Path target = fileSystem.write(CROSS_BUILD);

    List<Path> removed = cleaner(target).clean(messages(target));

    assertEquals(
        List.of(
            "x86/release/.fingerprint/app-7777777777777777/lib-applib",
            "x86/release/.fingerprint/applib-6666666666666666/lib-applib",
            "x86/release/deps/libapplib-6666666666666666.rlib",
            "x86/release/deps/libapplib-6666666666666666.rmeta",
            "x86/release/deps/libapplib-7777777777777777.rlib",
            "x86/release/deps/libapplib-7777777777777777.rmeta",
            "x86/release/incremental/applib-0abc/s-1/dep-graph.bin"),
        remaining(target));
    assertEquals(18, removed.size(), removed.toString());
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void findsTheOriginalOfAnUpliftedCopyByItsBytesWhenCargoCouldNotHardLink(TestFileSystem fileSystem)
      throws IOException {
    Path target =
        fileSystem.write(
            Fixture.of(
                "debug/.fingerprint/app-4444444444444444/bin-app", "",
                "debug/deps/app-4444444444444444", "dummy program",
                "debug/deps/app-8888888888888888", "another build of app, other bytes",
                "debug/app", "dummy program"));
    CargoMessages messages = new CargoMessages();
    messages.add(artifact(LOCAL, "app", target, "debug/app"));

    cleaner(target).clean(messages);

    assertEquals(List.of("debug/deps/app-8888888888888888"), remaining(target));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void findsTheOriginalOfAHardLinkedCopy(TestFileSystem fileSystem) throws IOException {
    Path target =
        fileSystem.write(
            Fixture.of(
                "debug/.fingerprint/m-4444444444444444/lib-m", "",
                "debug/deps/libm-4444444444444444.so", "proc macro"));
    Files.createLink(target.resolve("debug").resolve("libm.so"), target.resolve("debug").resolve("deps").resolve("libm-4444444444444444.so"));
    CargoMessages messages = new CargoMessages();
    messages.add(artifact(LOCAL, "m", target, "debug/libm.so"));

    cleaner(target).clean(messages);

    assertEquals(List.of(), remaining(target));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void leavesEverythingOfPackagesThatAreNotDummies(TestFileSystem fileSystem) throws IOException {
    Path target = fileSystem.write(CROSS_BUILD);
    List<String> before = remaining(target);

    List<Path> removed =
        new DummyArtifactCleaner(target.getFileSystem(), packageId -> false).clean(messages(target));

    assertEquals(List.of(), removed);
    assertEquals(before, remaining(target));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void filesCargoNamedButThatAreGoneAreNothingToRemove(TestFileSystem fileSystem) {
    Path target = fileSystem.newDirectory();

    assertEquals(List.of(), cleaner(target).clean(messages(target)));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void findsTheOriginalOfANativeLibraryThatCargoNamesWithoutTheHash(TestFileSystem fileSystem) throws IOException {
    Path target =
        fileSystem.write(
            Fixture.of(
                "debug/.fingerprint/plug-4444444444444444/lib-plug", "",
                "debug/deps/libplug.so", "dummy cdylib",
                "debug/deps/libplug.a", "dummy staticlib",
                "debug/deps/plug.d", "",
                "debug/deps/libother.so", "another crate's"));
    Files.createLink(target.resolve("debug").resolve("libplug.so"), target.resolve("debug").resolve("deps").resolve("libplug.so"));
    Files.copy(target.resolve("debug").resolve("deps").resolve("libplug.a"), target.resolve("debug").resolve("libplug.a"));
    CargoMessages messages = new CargoMessages();
    messages.add(artifact(LOCAL, "plug", target, "debug/libplug.so", "debug/libplug.a"));

    cleaner(target).clean(messages);

    assertEquals(
        List.of("debug/.fingerprint/plug-4444444444444444/lib-plug", "debug/deps/libother.so"), remaining(target));
  }
  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void removesTheDummiesUnitsCargoStartedButNeverReported(TestFileSystem fileSystem) throws IOException {
    Path target =
        fileSystem.write(
            Fixture.of(
                // in flight when the build stopped: dep-info, object files, a program half linked
                "debug/.fingerprint/app-1111111111111111/invoked.timestamp", "",
                "debug/deps/app-1111111111111111.d", "",
                "debug/deps/app-1111111111111111.app.5f1ab-cgu.0.rcgu.o", "",
                "debug/deps/app-1111111111111111", "half a dummy program",
                // a dummy build script's run in flight, for a triple (cargo times a run in its directory)
                "x86/debug/build/app-2222222222222222/invoked.timestamp", "",
                "x86/debug/build/app-2222222222222222/out/g.rs", "",
                "x86/debug/.fingerprint/applib-6666666666666666/lib-applib", "",
                // an earlier real build's unit of the same package: invoked before this build
                "debug/.fingerprint/app-3333333333333333/invoked.timestamp", "",
                "debug/.fingerprint/app-3333333333333333/bin-app", "",
                "debug/deps/app-3333333333333333", "the real program",
                // a registry crate in flight: not a dummy
                "debug/.fingerprint/applib-4444444444444444/invoked.timestamp", "",
                "debug/deps/libapplib-4444444444444444.rmeta", "",
                // a registry crate named as a dummy, which cargo reported
                "debug/.fingerprint/app-5555555555555555/invoked.timestamp", "",
                "debug/.fingerprint/app-5555555555555555/lib-app", "",
                "debug/deps/libapp-5555555555555555.rlib", "registry crate of the same name"));
    Instant started = Instant.now();
    Files.setLastModifiedTime(
        target.resolve("debug/.fingerprint/app-3333333333333333/invoked.timestamp"),
        FileTime.from(started.minus(Duration.ofHours(1))));
    CargoMessages messages = new CargoMessages();
    messages.add(artifact(REGISTRY, "app", target, "debug/deps/libapp-5555555555555555.rlib"));

    List<Path> removed = cleaner(target).cleanUnfinished(target, Set.of("app"), started, messages);

    assertEquals(
        List.of(
            "debug/.fingerprint/app-3333333333333333/bin-app",
            "debug/.fingerprint/app-3333333333333333/invoked.timestamp",
            "debug/.fingerprint/app-5555555555555555/invoked.timestamp",
            "debug/.fingerprint/app-5555555555555555/lib-app",
            "debug/.fingerprint/applib-4444444444444444/invoked.timestamp",
            "debug/deps/app-3333333333333333",
            "debug/deps/libapp-5555555555555555.rlib",
            "debug/deps/libapplib-4444444444444444.rmeta",
            "x86/debug/.fingerprint/applib-6666666666666666/lib-applib"),
        remaining(target));
    assertEquals(5, removed.size(), removed.toString());
  }
}
