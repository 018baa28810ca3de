package dev.jchef.recipe.git;

import static dev.jchef.model.testing.Manifests.pkg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jchef.model.testing.Fixture;
import dev.jchef.recipe.Recipe;
import dev.jchef.recipe.json.RecipeJson;
import dev.jchef.recipe.plan.Planner;
import dev.jchef.recipe.testing.GitRepositoryFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Preparing from git revisions, and the hit rate over a history, on repositories made here. */
class GitHistoryTest {
  private static final String LOCK =
      "version = 4\n\n[[package]]\nname = \"app\"\nversion = \"0.1.0\"\ndependencies = [\"itoa\"]\n\n"
          + "[[package]]\nname = \"itoa\"\nversion = \"1.0.0\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\nchecksum = \"aaa\"\n";
  private static final Fixture PROJECT =
      Fixture.of(
          "Cargo.toml", "[workspace]\nmembers = [\"app\", \"crates/*\"]\n",
          "app/Cargo.toml", pkg("app") + "[dependencies]\nitoa = \"1\"\n",
          "app/src/main.rs", "fn main() {}",
          "app/src/bin/tool.rs", "fn main() {}",
          "crates/lib/Cargo.toml", pkg("lib"),
          "crates/lib/src/lib.rs", "",
          "docs/readme.md", "not a crate",
          ".cargo/config.toml", "[net]\noffline = true\n",
          "rust-toolchain.toml", "[toolchain]\nchannel = \"stable\"\n",
          "Cargo.lock", LOCK);

  @TempDir Path directory;

  @Test
  void aRevisionGivesTheSameBytesAsACheckoutOfIt() {
    try (GitRepositoryFixture repository = GitRepositoryFixture.init(directory)) {
      RevCommit commit = repository.commit("first", PROJECT);

      Recipe fromGit = GitWorkspaceSource.prepare(repository.git.getRepository(), commit, "", List.of());

      assertEquals(RecipeJson.write(Planner.prepare(directory)), RecipeJson.write(fromGit));
      assertTrue(fromGit.configFile().isPresent());
      assertTrue(fromGit.toolchainFile().isPresent());
    }
  }

  @Test
  void aWorkspaceInASubdirectoryOfTheRepositoryKeepsItsLockfileConfigAndToolchainFile() {
    Fixture nested = Fixture.of("README.md", "the repository's root", "Cargo.lock", "not this workspace's");
    for (var file : PROJECT.files().entrySet()) {
      nested = nested.with("sub/ws/" + file.getKey(), file.getValue());
    }
    try (GitRepositoryFixture repository = GitRepositoryFixture.init(directory)) {
      repository.commit("first", nested);

      Recipe fromGit = GitRevision.of(directory.resolve("sub/ws/app"), "HEAD").prepare(List.of());

      assertEquals(RecipeJson.write(Planner.prepare(directory.resolve("sub/ws"))), RecipeJson.write(fromGit));
      assertTrue(fromGit.lockFile().orElseThrow().contains("name = \"itoa\""), fromGit.lockFile().toString());
      assertTrue(fromGit.configFile().isPresent());
      assertTrue(fromGit.toolchainFile().isPresent());
    }
  }

  @Test
  void anOlderRevisionIsReadWithoutTouchingTheWorkTree() {
    try (GitRepositoryFixture repository = GitRepositoryFixture.init(directory)) {
      RevCommit first = repository.commit("first", PROJECT);
      Recipe firstCheckout = Planner.prepare(directory);
      repository.commit("second", Fixture.of("app/Cargo.toml", pkg("app") + "[dependencies]\nitoa = \"1\"\nryu = \"1\"\n"));

      Recipe old =
          GitWorkspaceSource.prepare(
              repository.git.getRepository(),
              GitRepositories.commit(repository.git.getRepository(), "HEAD~1"),
              "",
              List.of());

      assertEquals(RecipeJson.write(firstCheckout), RecipeJson.write(old));
      assertEquals(first.getName(), GitRepositories.commit(repository.git.getRepository(), "HEAD~1").getName());
    }
  }

  @Test
  void historyCountsHitsAndExplainsMissesAcrossMergesDeletionsAndBrokenManifests() throws Exception {
    try (GitRepositoryFixture repository = GitRepositoryFixture.init(directory)) {
      repository.commit("initial", PROJECT);
      repository.commit("edit code", Fixture.of("app/src/main.rs", "fn main() { println!(\"x\"); }"));
      repository.git.checkout().setCreateBranch(true).setName("feature").call();
      repository.commit("add a dependency on the branch", Fixture.of("crates/lib/Cargo.toml", pkg("lib") + "[dependencies]\nryu = \"1\"\n"));
      repository.git.checkout().setName("main").call();
      repository.commit("edit docs on main", Fixture.of("docs/readme.md", "changed"));
      repository.git.merge()
          .include(repository.git.getRepository().resolve("feature"))
          .setFastForward(MergeCommand.FastForwardMode.NO_FF)
          .setMessage("merge feature")
          .call();
      repository.commit("break a manifest", Fixture.of("crates/lib/Cargo.toml", "[package\nname = \"lib\"\n"));
      repository.commit("fix it", Fixture.of("crates/lib/Cargo.toml", pkg("lib") + "[dependencies]\nryu = \"1\"\n"));
      repository.delete("delete the lockfile", "Cargo.lock");
      repository.commit("version bump", Fixture.of("crates/lib/Cargo.toml", pkg("lib", "0.2.0") + "[dependencies]\nryu = \"1\"\n"));

      List<RecipeHistory.Entry> history =
          RecipeHistory.of(
              repository.git.getRepository(),
              GitRepositories.commit(repository.git.getRepository(), "HEAD"),
              20,
              "",
              List.of());

      assertEquals(
          List.of(
              "version bump: hit",
              "delete the lockfile: Cargo.lock: removed",
              "fix it: the commit before could not be prepared",
              "break a manifest: cannot prepare: crates/lib/Cargo.toml:1:9: Newline not permitted here",
              "merge feature: crates/lib/Cargo.toml: + dependencies.ryu = \"1\"",
              "edit docs on main: hit",
              "edit code: hit",
              "initial: no earlier commit to reuse"),
          history.stream().map(e -> e.subject() + ": " + e.reason().orElse("hit")).toList());
      assertEquals(3.0 / 8, RecipeHistory.hitRate(history), 1e-9);
      assertFalse(history.get(2).fingerprint().isEmpty());
      assertEquals(history.get(0).fingerprint(), history.get(1).fingerprint(), "a version bump is masked");
      assertEquals(Optional.empty(), history.get(3).fingerprint());
    }
  }
}
