package dev.jchef.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jchef.model.testing.Fixture;
import dev.jchef.recipe.Recipe;
import dev.jchef.recipe.json.RecipeJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrepareAndHashCommandTest {
  private static final Fixture WORKSPACE =
      Fixture.of(
          "Cargo.toml", "[workspace]\nmembers = [\"app\", \"other\"]\n",
          "app/Cargo.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\n",
          "app/src/main.rs", "",
          "other/Cargo.toml", "[package]\nname = \"other\"\nversion = \"0.1.0\"\n",
          "other/src/lib.rs", "");

  @TempDir Path directory;

  @Test
  void prepareWritesRecipeJsonInTheWorkingDirectory() throws IOException {
    WORKSPACE.writeTo(directory);

    CommandLineRun run = CommandLineRun.in(directory, "prepare");

    String json = Files.readString(directory.resolve("recipe.json"));
    Recipe recipe = RecipeJson.read(json, "recipe.json");
    assertEquals(
        new CommandLineRun(
            0, "",
            "jchef prepare: recipe.json written: 2 members, 3 manifests, fingerprint "
                + recipe.fingerprint().substring(0, 12) + "\n"),
        run);
    assertEquals(3, recipe.manifests().size());
    assertEquals(new CommandLineRun(0, "", ""), CommandLineRun.in(directory, "prepare", "-q"));
  }

  @Test
  void prepareWarnsOfThePatchCratesAndTheFilesTheConfigNamesThatTheRecipeLeavesToTheUser() throws IOException {
    Fixture.of(
            "Cargo.toml",
            "[package]\nname = \"app\"\nversion = \"0.1.0\"\n"
                + "[patch.crates-io]\nchef-shout = { path = \"patched/chef-shout\" }\n",
            "src/main.rs", "",
            "patched/chef-shout/Cargo.toml", "[package]\nname = \"chef-shout\"\nversion = \"1.0.0\"\n",
            "patched/chef-shout/src/lib.rs", "",
            ".cargo/config.toml",
            "[build]\nrustc-wrapper = \"sccache\"\n[target.x86_64-unknown-linux-gnu]\nlinker = \".cargo/cc-wrapper.sh\"\n",
            ".cargo/cc-wrapper.sh", "#!/bin/sh\nexec cc \"$@\"\n")
        .writeTo(directory);

    CommandLineRun run = CommandLineRun.in(directory, "prepare", "-q");

    assertEquals(
        new CommandLineRun(
            0, "",
            "jchef prepare: warning: a dependency source the recipe leaves to you (it has no manifest for it):"
                + " patched/chef-shout ([patch.crates-io] chef-shout); copy it into the build directory before cook,"
                + " as you would a vendor directory\n"
                + "jchef prepare: warning: the Cargo config names a local file the recipe does not carry:"
                + " .cargo/cc-wrapper.sh ([target.x86_64-unknown-linux-gnu] linker); copy it into the build"
                + " directory before cook, at the same path\n"),
        run);
    assertTrue(Files.isRegularFile(directory.resolve("recipe.json")));
  }

  /**
   * A member reached through a directory link: cook would write a real directory of dummies at
   * its path, which a COPY of the link does not replace; prepare says so, naming the link.
   */
  @Test
  void prepareWarnsOfAMemberReachedThroughASymbolicLink() throws IOException {
    Fixture.of(
            "ws/Cargo.toml", "[workspace]\nmembers = [\"crates/linked\"]\n",
            "shared/linked/Cargo.toml", "[package]\nname = \"linked\"\nversion = \"0.1.0\"\n",
            "shared/linked/src/lib.rs", "")
        .writeTo(directory);
    Files.createDirectories(directory.resolve("ws/crates"));
    Files.createSymbolicLink(directory.resolve("ws/crates/linked"), Path.of("../../shared/linked"));

    CommandLineRun run = CommandLineRun.in(directory.resolve("ws"), "prepare", "-q");

    assertEquals(
        new CommandLineRun(
            0, "",
            "jchef prepare: warning: crates/linked is reached through the symbolic link crates/linked: cook writes a"
                + " real directory of dummies there, and a copy that does not replace a directory with a link"
                + " (Docker's COPY) would leave them for the real build; copy the package's files to crates/linked"
                + " (not the link), or make crates/linked a real directory\n"),
        run);
  }

  @Test
  void prepareOfOnePackageCountsOneMemberAndOneManifest() {
    Fixture.of("Cargo.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\n", "src/main.rs", "").writeTo(directory);

    CommandLineRun run = CommandLineRun.in(directory, "prepare");

    assertTrue(run.err().startsWith("jchef prepare: recipe.json written: 1 member, 1 manifest, fingerprint "), run.err());
  }

  @Test
  void prepareInsideAMemberPreparesTheWholeWorkspaceAsCargoWouldAndSaysWhereItsRootIs() throws IOException {
    WORKSPACE.writeTo(directory);
    CommandLineRun.in(directory, "prepare");
    Path member = directory.resolve("app/src");

    CommandLineRun run = CommandLineRun.in(member, "prepare");

    assertTrue(
        run.err().startsWith("jchef prepare: recipe.json written for the workspace at " + directory.toRealPath() + ": 2 members"),
        run.err());
    assertEquals(Files.readString(directory.resolve("recipe.json")), Files.readString(member.resolve("recipe.json")));
  }

  @Test
  void prepareTakesARecipePathAndBinFilters() throws IOException {
    WORKSPACE.writeTo(directory);

    CommandLineRun run =
        CommandLineRun.in(directory, "prepare", "--recipe-path", "out/app.json", "--bin", "app");

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(
        2,
        RecipeJson.read(Files.readString(directory.resolve("out/app.json")), "x").manifests().size());
  }

  @Test
  void hashPrintsTheFingerprint() throws IOException {
    WORKSPACE.writeTo(directory);
    CommandLineRun.in(directory, "prepare");

    CommandLineRun run = CommandLineRun.in(directory, "hash", "recipe.json");

    String expected =
        RecipeJson.read(Files.readString(directory.resolve("recipe.json")), "recipe.json").fingerprint();
    assertEquals(new CommandLineRun(0, expected + "\n", ""), run);
  }

  @Test
  void hashWarnsOnceOfFieldsItDoesNotKnowAndStillPrintsTheFingerprint() throws IOException {
    WORKSPACE.writeTo(directory);
    CommandLineRun.in(directory, "prepare");
    String json = Files.readString(directory.resolve("recipe.json"));
    String fingerprint = RecipeJson.read(json, "recipe.json").fingerprint();
    Files.writeString(
        directory.resolve("newer.json"),
        json.replaceFirst("\\{\"skeleton\":\\{", "{\"skeleton\":{\"foo\":1,")
            .replaceFirst("\"targets\":", "\"bar\":[],\"targets\":"));

    assertEquals(
        new CommandLineRun(
            0, fingerprint + "\n",
            "jchef hash: warning: newer.json: fields this jchef does not know, ignored: skeleton.foo,"
                + " skeleton.manifests[0].bar\n"),
        CommandLineRun.in(directory, "hash", "newer.json"));
  }

  @Test
  void anOlderCargoChefRecipeSaysSoAndWhatToDo() throws IOException {
    Files.writeString(
        directory.resolve("recipe.json"),
        "{\"skeleton\":{\"manifests\":[{\"relative_path\":\"Cargo.toml\",\"contents\":\"\"}],"
            + "\"config_file\":null,\"lock_file\":null}}");

    assertEquals(
        new CommandLineRun(
            1, "",
            "jchef hash: recipe.json: skeleton.manifests[0].targets: missing: this is a recipe of cargo-chef"
                + " before 0.1.61, which did not record build targets; prepare it again with jchef, or with"
                + " cargo-chef 0.1.61 or newer\n"),
        CommandLineRun.in(directory, "hash", "recipe.json"));
  }

  @Test
  void aBrokenManifestGivesOneLineNamingFileLineAndColumnAndKeepsTheOldRecipe()
      throws IOException {
    WORKSPACE.with("other/Cargo.toml", "[package]\nname = = \"other\"\n").writeTo(directory);
    Files.writeString(directory.resolve("recipe.json"), "previous");

    CommandLineRun run = CommandLineRun.in(directory, "prepare");

    assertEquals(
        new CommandLineRun(1, "", "jchef prepare: other/Cargo.toml:2:8: Unknown token\n"), run);
    assertEquals("previous", Files.readString(directory.resolve("recipe.json")));
  }

  @Test
  void verboseAddsTheStackTrace() {
    WORKSPACE.with("other/Cargo.toml", "[package]\nname = = \"other\"\n").writeTo(directory);

    CommandLineRun run = CommandLineRun.in(directory, "prepare", "--verbose");

    assertEquals(1, run.exitCode());
    assertTrue(run.err().startsWith("jchef prepare: other/Cargo.toml:2:8: Unknown token\n"));
    assertTrue(run.err().contains("\tat dev.jchef.model."), run.err());
  }

  @Test
  void anUnknownBinListsTheNames() {
    WORKSPACE.writeTo(directory);

    CommandLineRun run = CommandLineRun.in(directory, "prepare", "--bin", "nope");

    assertEquals(
        new CommandLineRun(
            1,
            "",
            "jchef prepare: no member package or binary target named `nope`;"
                + " packages: app, other; binaries: app\n"),
        run);
    assertFalse(Files.exists(directory.resolve("recipe.json")));
  }

  @Test
  void noManifestSaysWhereToRun() {
    CommandLineRun run = CommandLineRun.in(directory, "prepare");

    assertEquals(
        new CommandLineRun(
            1, "", "jchef prepare: Cargo.toml: not found in " + directory + " or any parent directory: not inside a"
                + " Cargo workspace\n"),
        run);
  }

  @Test
  void hashNamesAMissingOrBrokenRecipe() throws IOException {
    assertEquals(
        new CommandLineRun(1, "", "jchef hash: recipe.json: no such file; run `jchef prepare` first\n"),
        CommandLineRun.in(directory, "hash", "recipe.json"));

    Files.writeString(directory.resolve("recipe.json"), "{\"skeleton\":{\"manifests\":[{}]}}");
    assertEquals(
        new CommandLineRun(1, "", "jchef hash: recipe.json: skeleton.manifests[0].targets: missing\n"),
        CommandLineRun.in(directory, "hash", "recipe.json"));
  }

  @Test
  void hashWithoutAnArgumentHashesRecipeJsonAsCookCooksIt() throws IOException {
    WORKSPACE.writeTo(directory);
    CommandLineRun.in(directory, "prepare");

    assertEquals(CommandLineRun.in(directory, "hash", "recipe.json"), CommandLineRun.in(directory, "hash"));
    assertEquals(0, CommandLineRun.in(directory, "hash").exitCode());
  }

  @Test
  void aMistypedCommandIsAnUnknownCommandWithPicocliSuggestion() {
    assertEquals(
        new CommandLineRun(
            2, "", "jchef: unknown command 'prepair'\nDid you mean: jchef prepare?\nRun 'jchef --help' for the commands.\n"),
        CommandLineRun.in(directory, "prepair"));
  }

  @Test
  void aMistypedOptionIsReportedWithoutTheValueAfterIt() {
    assertEquals(
        new CommandLineRun(
            2, "",
            "jchef prepare: Unknown option: '--recipe-pth'\nPossible solutions: --recipe-path, --repo\n"
                + "Run 'jchef prepare --help' for the options.\n"),
        CommandLineRun.in(directory, "prepare", "--recipe-pth", "x.json"));
  }

  @Test
  void aWrongOptionIsAUsageError() {
    CommandLineRun run = CommandLineRun.in(directory, "prepare", "--no-such-option");

    assertEquals(2, run.exitCode());
    assertTrue(run.err().startsWith("jchef prepare: Unknown option: '--no-such-option'"), run.err());
  }

  @Test
  void bareJchefIsAUsageErrorWithTheUsageOnStandardError() {
    CommandLineRun run = CommandLineRun.in(directory);

    assertEquals(2, run.exitCode());
    assertEquals("", run.out());
    assertTrue(run.err().startsWith("Usage: jchef "), run.err());
    assertTrue(run.err().endsWith("jchef: a command is needed: prepare, cook, hash, diff, history, layers, build or demo\n"
        + "Run 'jchef --help' for the options.\n"), run.err());
  }

  @Test
  void anEmptyOrTruncatedRecipeSaysSoWithoutParserInternals() throws IOException {
    Files.writeString(directory.resolve("empty.json"), "");
    Files.writeString(directory.resolve("cut.json"), "{\"skeleton\": {\"manifests\": [");

    assertEquals(
        new CommandLineRun(1, "", "jchef hash: empty.json: the file is empty, and a recipe is a JSON object\n"),
        CommandLineRun.in(directory, "hash", "empty.json"));
    assertEquals(
        new CommandLineRun(
            1, "", "jchef hash: cut.json:1:29: not valid JSON: Unexpected end-of-input: expected close marker for Array (opened earlier)\n"),
        CommandLineRun.in(directory, "hash", "cut.json"));
  }
}
