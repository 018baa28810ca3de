package dev.jchef.model.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jchef.model.testing.Fixture;
import dev.jchef.model.testing.TestFileSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Discovery must not depend on the order in which a file system lists a directory: the same tree,
 * created in two random orders (which changes listing order on real disks), gives equal members
 * and targets, on Jimfs and on the real file system.
 */
class DiscoveryOrderProperties {
  private static final List<String> TARGET_FILES =
      List.of(
          "src/lib.rs", "src/main.rs", "src/bin/a.rs", "src/bin/b.rs", "src/bin/c/main.rs",
          "src/bin/d.rs", "src/bin/e.rs", "src/bin/f.rs", "examples/x.rs", "examples/y/main.rs",
          "tests/t1.rs", "tests/t2.rs", "benches/b1.rs", "build.rs");

  @Property(tries = 60)
  void membersAndTargetsDoNotDependOnCreationOrder(
      @ForAll("workspaces") Fixture fixture, @ForAll long seed) throws IOException {
    Path first = fixture.writeShuffled(TestFileSystem.UNIX.newDirectory(), new Random(seed));
    Path second = fixture.writeShuffled(TestFileSystem.UNIX.newDirectory(), new Random(seed + 1));
    assertEquals(summary(first), summary(second));

    Path diskFirst = Files.createTempDirectory("jchef-order");
    Path diskSecond = Files.createTempDirectory("jchef-order");
    try {
      fixture.writeShuffled(diskFirst, new Random(seed + 2));
      fixture.writeShuffled(diskSecond, new Random(seed + 3));
      assertEquals(summary(first), summary(diskFirst));
      assertEquals(summary(first), summary(diskSecond));
    } finally {
      delete(diskFirst);
      delete(diskSecond);
    }
  }

  /** Members and their targets, without the root's absolute path. */
  private static List<Member> summary(Path root) {
    return Workspace.discover(root).members();
  }

  @Provide
  Arbitrary<Fixture> workspaces() {
    Arbitrary<List<String>> memberNames =
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6).list().ofMinSize(1).ofMaxSize(5).uniqueElements();
    return memberNames.flatMap(
        names ->
            Arbitraries.subsetOf(TARGET_FILES)
                .list()
                .ofSize(names.size())
                .map(
                    files -> {
                      Fixture fixture =
                          Fixture.of("Cargo.toml", "[workspace]\nmembers = [\"crates/*\"]\n");
                      for (int i = 0; i < names.size(); i++) {
                        String dir = "crates/" + names.get(i) + "/";
                        fixture =
                            fixture.with(
                                dir + "Cargo.toml",
                                "[package]\nname = \"pkg-" + names.get(i) + "\"\nedition = \"2021\"\n");
                        for (String file : files.get(i)) {
                          fixture = fixture.with(dir + file, "");
                        }
                      }
                      return fixture;
                    }));
  }

  private static void delete(Path directory) throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
