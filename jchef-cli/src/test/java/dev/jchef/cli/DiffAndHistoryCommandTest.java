package dev.jchef.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jchef.model.testing.Fixture;
import dev.jchef.recipe.json.RecipeJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffAndHistoryCommandTest {
  private static final PersonIdent AUTHOR = new PersonIdent("Test", "test@example.com", java.time.Instant.ofEpochMilli(1_700_000_000_000L), java.time.ZoneOffset.UTC);
  private static final String APP = "[package]\nname = \"app\"\nversion = \"0.1.0\"\n";

  @TempDir Path directory;

  private void commit(Git git, String message, Fixture files) throws Exception {
    files.writeTo(directory);
    git.add().addFilepattern(".").call();
    git.commit().setMessage(message).setAuthor(AUTHOR).setCommitter(AUTHOR).setSign(false).call();
  }

  @Test
  void diffExitsLikeDiff() throws IOException {
    Fixture.of("Cargo.toml", APP, "src/main.rs", "").writeTo(directory.resolve("a"));
    Fixture.of("Cargo.toml", APP + "[dependencies]\nitoa = \"1\"\n", "src/main.rs", "").writeTo(directory.resolve("b"));
    CommandLineRun.in(directory.resolve("a"), "prepare");
    CommandLineRun.in(directory.resolve("b"), "prepare");

    assertEquals(0, CommandLineRun.in(directory, "diff", "a/recipe.json", "a/recipe.json").exitCode());
    assertEquals(
        new CommandLineRun(1, "Cargo.toml\n  + dependencies.itoa = \"1\"\n", ""),
        CommandLineRun.in(directory, "diff", "a/recipe.json", "b/recipe.json"));
    CommandLineRun missing = CommandLineRun.in(directory, "diff", "a/recipe.json", "nope.json");
    assertEquals(2, missing.exitCode());
    assertEquals("jchef diff: nope.json: no such file; run `jchef prepare` first\n", missing.err());
  }

  @Test
  void diffOfEqualRecipesSaysTheyAreEqual() throws IOException {
    Fixture.of("Cargo.toml", APP, "src/main.rs", "").writeTo(directory.resolve("a"));
    Fixture.of("Cargo.toml", APP, "src/main.rs", "fn main() { changed(); }").writeTo(directory.resolve("b"));
    CommandLineRun.in(directory.resolve("a"), "prepare");
    CommandLineRun.in(directory.resolve("b"), "prepare");
    String fingerprint =
        RecipeJson.read(Files.readString(directory.resolve("a/recipe.json")), "a").fingerprint();

    assertEquals(
        new CommandLineRun(
            0, "a/recipe.json and b/recipe.json are equal (fingerprint " + fingerprint.substring(0, 12) + ")\n", ""),
        CommandLineRun.in(directory, "diff", "a/recipe.json", "b/recipe.json"));
  }

  @Test
  void diffOfRecipesEqualInContentButNotInBytesSaysTheirFingerprintsDiffer() throws IOException {
    Fixture.of("Cargo.toml", APP, "src/main.rs", "").writeTo(directory.resolve("a"));
    CommandLineRun.in(directory.resolve("a"), "prepare");
    String json = Files.readString(directory.resolve("a/recipe.json"));
    // As another tool may write the same manifest: other spacing, same keys and values.
    Files.writeString(directory.resolve("other.json"), json.replace("name = \\\"app\\\"", "name=\\\"app\\\""));

    CommandLineRun run = CommandLineRun.in(directory, "diff", "a/recipe.json", "other.json");

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(
        run.out().matches("a/recipe.json and other.json say the same, written differently; their fingerprints differ"
            + " \\([0-9a-f]{12}, [0-9a-f]{12}\\): prepare both with one tool to compare cache keys\n"),
        run.out());
  }

  @Test
  void diffWarnsOfFieldsItDoesNotKnow() throws IOException {
    Fixture.of("Cargo.toml", APP, "src/main.rs", "").writeTo(directory.resolve("a"));
    CommandLineRun.in(directory.resolve("a"), "prepare");
    Files.writeString(
        directory.resolve("newer.json"),
        Files.readString(directory.resolve("a/recipe.json")).replaceFirst("^\\{", "{\"made_by\":\"jchef 9\","));

    CommandLineRun run = CommandLineRun.in(directory, "diff", "a/recipe.json", "newer.json");

    assertEquals(0, run.exitCode());
    assertEquals("jchef diff: warning: newer.json: a field this jchef does not know, ignored: made_by\n", run.err());
  }

  @Test
  void historyOfOneCommitCountsOneCommit() throws Exception {
    try (Git git = Git.init().setDirectory(directory.toFile()).setInitialBranch("main").call()) {
      commit(git, "first", Fixture.of("Cargo.toml", APP, "src/main.rs", ""));
    }

    CommandLineRun run = CommandLineRun.in(directory, "history");

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(
        run.out().endsWith("hit rate: 0 of 1 commit (0.0%) would reuse the dependency layer of the commit before\n"),
        run.out());
  }

  @Test
  void historyOutsideAGitRepositoryPrintsOnlyTheError() {
    assertEquals(
        new CommandLineRun(1, "", "jchef history: " + directory + ": not in a git repository; give one with --repo\n"),
        CommandLineRun.in(directory, "history"));
  }

  @Test
  void historyOfARevisionThatDoesNotExistPrintsOnlyTheError() throws Exception {
    try (Git git = Git.init().setDirectory(directory.toFile()).setInitialBranch("main").call()) {
      commit(git, "first", Fixture.of("Cargo.toml", APP, "src/main.rs", ""));
    }

    CommandLineRun run = CommandLineRun.in(directory, "history", "--rev", "no-such-branch");

    assertEquals("", run.out());
    assertTrue(run.err().startsWith("jchef history: git revision `no-such-branch` not found in "), run.err());
  }

  @Test
  void prepareFromAGitRevisionAndHistory() throws Exception {
    try (Git git = Git.init().setDirectory(directory.toFile()).setInitialBranch("main").call()) {
      commit(git, "first", Fixture.of("Cargo.toml", APP, "src/main.rs", ""));
      commit(git, "code", Fixture.of("src/main.rs", "fn main() {}"));
      commit(git, "dependency", Fixture.of("Cargo.toml", APP + "[dependencies]\nitoa = \"1\"\n"));
    }

    CommandLineRun prepare = CommandLineRun.in(directory, "prepare", "--git-rev", "HEAD~1", "--recipe-path", "old.json");
    assertEquals(0, prepare.exitCode(), prepare.err());
    assertEquals(0, CommandLineRun.in(directory, "diff", "old.json", "old.json").exitCode());

    CommandLineRun history = CommandLineRun.in(directory, "history", "-n", "5");

    assertEquals(0, history.exitCode(), history.err());
    List<String> lines = history.out().lines().toList();
    assertEquals(5, lines.size(), history.out());
    assertEquals("commit     recipe       layer  why the layer was rebuilt", lines.get(0));
    lines = lines.subList(1, lines.size());
    assertTrue(lines.get(0).matches("[0-9a-f]{10} [0-9a-f]{12} MISS   Cargo.toml: \\+ dependencies.itoa = \"1\""), lines.get(0));
    assertTrue(lines.get(1).matches("[0-9a-f]{10} [0-9a-f]{12} hit"), lines.get(1));
    assertTrue(lines.get(2).matches("[0-9a-f]{10} [0-9a-f]{12} MISS   no earlier commit to reuse"), lines.get(2));
    assertEquals(2, CommandLineRun.in(directory, "history", "-n", "0").exitCode());
    assertEquals("hit rate: 1 of 3 commits (33.3%) would reuse the dependency layer of the commit before", lines.get(3));
    assertTrue(Files.exists(directory.resolve("old.json")));
  }

  @Test
  void aRevisionThatDoesNotExistIsOneLine() throws Exception {
    try (Git git = Git.init().setDirectory(directory.toFile()).setInitialBranch("main").call()) {
      commit(git, "first", Fixture.of("Cargo.toml", APP, "src/main.rs", ""));
    }

    CommandLineRun run = CommandLineRun.in(directory, "prepare", "--git-rev", "no-such-branch");

    assertEquals(1, run.exitCode());
    assertTrue(run.err().startsWith("jchef prepare: git revision `no-such-branch` not found in "), run.err());
  }
}
