package dev.jchef.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jchef.model.testing.Cargo;
import dev.jchef.model.testing.Fixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;

/** jchef layers: suggest from history, check, print the Dockerfile lines, fix the times. */
class LayersCommandTest {
  private static final PersonIdent AUTHOR =
      new PersonIdent("Test", "test@example.com", Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC);
  /** 300 KB of Rust: 2 s of compile time by the stand-in's measure. */
  private static final String HEAVY = "// " + "x".repeat(300_000 - 4) + "\n";

  private static final Fixture WORKSPACE =
      Fixture.of(
          "Cargo.toml", "[workspace]\nmembers = [\"crates/*\"]\n",
          "crates/core/Cargo.toml", "[package]\nname = \"core\"\nversion = \"1.0.0\"\n",
          "crates/core/src/lib.rs", HEAVY,
          "crates/app/Cargo.toml",
          "[package]\nname = \"app\"\nversion = \"1.0.0\"\n[dependencies]\ncore = { path = \"../core\" }\n",
          "crates/app/src/main.rs", "");

  @TempDir Path directory;

  @Test
  void suggestsWritesChecksAndPrintsTheDockerfileLines() throws Exception {
    try (Git git = Git.init().setDirectory(directory.toFile()).setInitialBranch("main").call()) {
      WORKSPACE.writeTo(directory);
      commit(git, "workspace");
      for (int i = 0; i < 3; i++) {
        Fixture.of("crates/app/src/main.rs", "// " + i + "\n").writeTo(directory);
        commit(git, "app " + i);
      }
    }

    CommandLineRun suggest = CommandLineRun.in(directory.resolve("crates/app"), "layers", "--layers", "3", "--write");

    assertEquals(
        new CommandLineRun(
            0,
            "jchef layers: 4 commits read; changes per package: crates/core 0, crates/app 3\n"
                + "jchef layers: --layers 3: only 2 packages can go in a layer, so the plan has at most that many layers\n"
                + "layer 1: crates/core\n"
                + "final:   crates/app\n"
                + "expected workspace crates compiled per commit: 1.00 with these layers, 2.00 without (every package, every commit)\n"
                + "expected seconds of the steps after cook per commit: 2.0 with these layers, 4.0 without (stand-in: 150 KB"
                + " of .rs compile per second; measure with --measure; 2.0 s per step)\n"
                + "jchef layers: written to " + directory.toRealPath().resolve("jchef-layers.toml") + "\n",
            ""),
        suggest);
    assertEquals(
        "jchef layers: jchef-layers.toml fits the workspace: layer 1 [crates/core]; final [crates/app]\n",
        CommandLineRun.in(directory, "layers", "--check").out());
    assertEquals(
        "# Member layers (jchef-layers.toml): each step is cached while its packages' files are\n"
            + "# unchanged. The real root manifest is what the packages inherit from.\n"
            + "COPY jchef-layers.toml jchef-layers.toml\n"
            + "COPY Cargo.toml .jchef/workspace.toml\n"
            + "COPY crates/core crates/core\n"
            + "RUN jchef cook --release --layer 1\n"
            + "COPY . .\n"
            + "RUN jchef build --release\n",
        CommandLineRun.in(directory, "layers", "--dockerfile", "--release").out());
  }

  /**
   * Without a record in the target directory (nothing was built in layers here), no unit is
   * vouched for: the layer package's files get the current time, never the fixed one, so cargo
   * compiles them; the final step's files are left alone.
   */
  @Tag("slow")
  @Test
  void fixTimesWithoutARecordGivesTheLayerPackagesTheCurrentTime() throws Exception {
    Cargo.assumeAvailable();
    WORKSPACE.with("jchef-layers.toml", "[[layer]]\nmembers = [\"crates/core\"]\n[final]\nmembers = [\"crates/app\"]\n")
        .writeTo(directory);
    FileTime old = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));
    Files.setLastModifiedTime(directory.resolve("crates/core/src/lib.rs"), old);
    Files.setLastModifiedTime(directory.resolve("crates/app/src/main.rs"), old);
    Instant start = Instant.now().minusSeconds(1);

    CommandLineRun fix = CommandLineRun.in(directory, "layers", "--fix-times");

    assertEquals(
        new CommandLineRun(
            0, "jchef layers: 1 layer package: 0 files kept their units (fixed time), 2 to compile, 0 units to build again\n", ""),
        fix);
    assertTrue(Files.getLastModifiedTime(directory.resolve("crates/core/src/lib.rs")).toInstant().isAfter(start));
    assertEquals(old, Files.getLastModifiedTime(directory.resolve("crates/app/src/main.rs")));
  }

  @Test
  void withoutAPlanTheLayerCommandsSayHowToWriteOne() {
    WORKSPACE.writeTo(directory);

    CommandLineRun fix = CommandLineRun.in(directory, "layers", "--fix-times");

    assertEquals(
        new CommandLineRun(
            1, "",
            "jchef layers: jchef-layers.toml: no layer plan here: write one with `jchef layers --write` in the"
                + " workspace and commit it; a Dockerfile copies it in before the layer steps (`jchef layers"
                + " --dockerfile` prints the lines)\n"),
        fix);
  }

  @Test
  void aWorkspaceOfOnePackageIsToldLayersDoNotApply() throws Exception {
    try (Git git = Git.init().setDirectory(directory.toFile()).setInitialBranch("main").call()) {
      Fixture.of("Cargo.toml", "[package]\nname = \"solo\"\nversion = \"1.0.0\"\n", "src/main.rs", "").writeTo(directory);
      commit(git, "solo");
    }

    CommandLineRun suggest = CommandLineRun.in(directory, "layers");

    assertEquals(0, suggest.exitCode(), suggest.err());
    assertEquals(
        "jchef layers: this workspace has no package that can go in a layer (only the root package, which the"
            + " final step builds): member layers do not apply; the dependency layer of jchef cook is all there is to"
            + " cache\n",
        suggest.out());
  }

  @Test
  void theRootPackageIsNamedAsBuiltByTheFinalStep() throws Exception {
    try (Git git = Git.init().setDirectory(directory.toFile()).setInitialBranch("main").call()) {
      Fixture.of(
              "Cargo.toml",
              "[package]\nname = \"tool\"\nversion = \"1.0.0\"\n[dependencies]\ncore = { path = \"crates/core\" }\n"
                  + "[workspace]\nmembers = [\"crates/*\"]\n",
              "src/main.rs", "",
              "crates/core/Cargo.toml", "[package]\nname = \"core\"\nversion = \"1.0.0\"\n",
              "crates/core/src/lib.rs", HEAVY)
          .writeTo(directory);
      commit(git, "workspace");
    }

    CommandLineRun suggest = CommandLineRun.in(directory, "layers", "--layers", "1");

    assertEquals(0, suggest.exitCode(), suggest.err());
    assertTrue(suggest.out().startsWith("jchef layers: 1 commit read; "), suggest.out());
    assertTrue(
        suggest.out().contains(
            "layer 1: crates/core\nfinal:   (none listed)\n         and tool, the root package, which the final step"
                + " always builds (its manifest is the workspace's, so it is never listed)\n"),
        suggest.out());
  }

  @Test
  void aPlanThatNoLongerFitsIsRefusedSayingWhatToChange() throws Exception {
    WORKSPACE.with("jchef-layers.toml", "[[layer]]\nmembers = [\"crates/core\"]\n[final]\nmembers = []\n").writeTo(directory);

    CommandLineRun check = CommandLineRun.in(directory, "layers", "--check");

    assertEquals(
        new CommandLineRun(
            1, "",
            "jchef layers: the plan does not list the member `crates/app` (added since it was made?): add it to a"
                + " layer or to [final], or plan the layers again\n"),
        check);
  }

  private static void commit(Git git, String message) throws Exception {
    git.add().addFilepattern(".").call();
    git.commit().setMessage(message).setAuthor(AUTHOR).setCommitter(AUTHOR).setSign(false).call();
  }
}
