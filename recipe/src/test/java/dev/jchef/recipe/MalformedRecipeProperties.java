package dev.jchef.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jchef.model.CargoFileException;
import dev.jchef.model.testing.Fixture;
import dev.jchef.model.testing.Mutations;
import dev.jchef.model.testing.TestFileSystem;
import dev.jchef.recipe.git.GitWorkspaceSource;
import dev.jchef.recipe.git.RecipeHistory;
import dev.jchef.recipe.json.RecipeJson;
import dev.jchef.recipe.plan.Planner;
import dev.jchef.recipe.testing.GitRepositoryFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.util.FileUtils;

/**
 * Mutated and random bytes as recipe.json, and as the manifests and lockfile of a git commit:
 * reading the recipe either succeeds or throws a {@link RecipeException} naming the file (and the
 * line and column, or the field), within two seconds; preparing the commit from git either
 * succeeds or throws a {@link CargoFileException} or {@link RecipeException} naming the file;
 * and history over such commits reports them, never throws.
 */
class MalformedRecipeProperties {
  private static final Duration LIMIT = Duration.ofSeconds(2);
  private static final Fixture WORKSPACE =
      Fixture.of(
          "Cargo.toml", "[workspace]\nmembers = [\"app\", \"lib\"]\n[workspace.dependencies]\nserde = \"1\"\n",
          "app/Cargo.toml", "[package]\nname = \"app\"\nversion = \"1.0.0\"\n[dependencies]\nlib = { path = \"../lib\" }\nserde.workspace = true\n",
          "app/src/main.rs", "",
          "lib/Cargo.toml", "[package]\nname = \"lib\"\nversion = \"1.0.0\"\n[build-dependencies]\ncc = \"1\"\n",
          "lib/src/lib.rs", "",
          "lib/build.rs", "",
          "Cargo.lock", "version = 4\n\n[[package]]\nname = \"app\"\nversion = \"1.0.0\"\n");

  private static byte[] recipe() {
    Path root = WORKSPACE.writeTo(TestFileSystem.UNIX.newDirectory());
    return RecipeJson.write(Planner.prepare(root)).getBytes(StandardCharsets.UTF_8);
  }

  @Provide
  Arbitrary<byte[]> recipes() {
    return Mutations.of(List.of(recipe()));
  }

  @Provide
  Arbitrary<byte[]> manifests() {
    return Mutations.of(List.of(WORKSPACE.files().get("app/Cargo.toml").getBytes(StandardCharsets.UTF_8)));
  }

  @Property
  void aRecipeIsReadOrRefusedNamingTheFile(@ForAll("recipes") byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertTimeoutPreemptively(
        LIMIT,
        () -> {
          try {
            RecipeJson.read(text, "recipe.json");
          } catch (RecipeException e) {
            assertTrue(e.getMessage().startsWith("recipe.json"), e.getMessage());
            assertTrue(!e.getMessage().contains("[Source:"), "no parser internals: " + e.getMessage());
          }
        });
  }

  @Property(tries = 25)
  void aCommitWithAMalformedManifestIsPreparedOrRefusedAndHistoryReportsIt(@ForAll("manifests") byte[] bytes)
      throws Exception {
    Path directory = Files.createTempDirectory("jchef-fuzz-git");
    try (GitRepositoryFixture repository = GitRepositoryFixture.init(directory)) {
      repository.commit("workspace", WORKSPACE);
      Files.write(directory.resolve("app/Cargo.toml"), bytes);
      RevCommit broken = repository.commitAll("malformed");
      assertTimeoutPreemptively(
          LIMIT,
          () -> {
            try {
              GitWorkspaceSource.prepare(repository.git.getRepository(), broken, "", List.of());
            } catch (CargoFileException | RecipeException e) {
              assertTrue(e.getMessage().startsWith("app/Cargo.toml") || e.getMessage().startsWith("Cargo.toml"), e.getMessage());
            }
            assertEquals(2, RecipeHistory.of(repository.git.getRepository(), broken, 5, "", List.of()).size());
          });
    } finally {
      FileUtils.delete(directory.toFile(), FileUtils.RECURSIVE);
    }
  }
}
