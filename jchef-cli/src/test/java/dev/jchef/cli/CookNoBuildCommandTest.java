package dev.jchef.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jchef.model.testing.Fixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CookNoBuildCommandTest {
  @TempDir Path base;

  private Path preparedRecipe() {
    Path project =
        Fixture.of(
                "Cargo.toml", "[package]\nname = \"app\"\nversion = \"1.0.0\"\n[[test]]\nname = \"t\"\n",
                "src/main.rs", "fn main() { real(); }",
                "tests/t.rs", "#[test] fn t() {}")
            .writeTo(base.resolve("project"));
    assertEquals(0, CommandLineRun.in(project, "prepare").exitCode());
    return project.resolve("recipe.json");
  }

  @Test
  void writesTheSkeletonIntoTheWorkingDirectory() throws IOException {
    Path cook = Files.createDirectories(base.resolve("cook"));
    Files.copy(preparedRecipe(), cook.resolve("recipe.json"));

    CommandLineRun run = CommandLineRun.in(cook, "cook", "--no-build");

    assertEquals(0, run.exitCode());
    assertTrue(
        run.err().matches("jchef cook: skeleton written \\(3 files written, 0 unchanged, 0 removed\\), no build, \\d+\\.\\d s\n"),
        run.err());
    String lintFree =
        "//! A jchef dummy: it compiles the dependencies; the real build compiles the real code.\n"
            + "#![allow(missing_docs, unused_crate_dependencies, unused_extern_crates)]\n";
    String rebuilt = "const _: Option<&str> = option_env!(\"CARGO_PKG_DESCRIPTION\");\n";
    assertEquals(lintFree + "fn main() {}\n" + rebuilt, Files.readString(cook.resolve("src/main.rs")));
    assertEquals(lintFree + rebuilt, Files.readString(cook.resolve("tests/t.rs")));
    assertTrue(Files.readString(cook.resolve("Cargo.toml")).contains("description = \"jchef dummy:"));
    assertTrue(Files.readString(cook.resolve("Cargo.toml")).contains("version = \"0.0.1\""));
  }

  @Test
  void aRecipeWithFieldsThisJchefDoesNotKnowIsCookedWithOneWarning() throws IOException {
    Path cook = Files.createDirectories(base.resolve("cook"));
    String recipe = Files.readString(preparedRecipe());
    Files.writeString(cook.resolve("recipe.json"), recipe.replaceFirst("\\{", "{\"from_the_future\":1,"));

    CommandLineRun run = CommandLineRun.in(cook, "cook", "--no-build");

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(
        run.err().startsWith(
            "jchef cook: warning: recipe.json: a field this jchef does not know, ignored: from_the_future\n"),
        run.err());
  }

  @Test
  void takesARecipePathAndNoStd() throws IOException {
    Path cook = Files.createDirectories(base.resolve("cook"));

    CommandLineRun run =
        CommandLineRun.in(cook, "cook", "--no-build", "--no-std", "--recipe-path", preparedRecipe().toString());

    assertEquals(0, run.exitCode(), run.err());
    String main = Files.readString(cook.resolve("src/main.rs"));
    assertTrue(main.contains("\n#![no_std]\n#![no_main]\n") && main.startsWith("//! A jchef dummy"), main);
  }

  @Test
  void refusesTheRealProjectWithOneLine() throws IOException {
    Path recipe = preparedRecipe();
    Path project = recipe.getParent();

    CommandLineRun run = CommandLineRun.in(project, "cook", "--no-build");

    assertEquals(1, run.exitCode());
    assertTrue(
        run.err().startsWith("jchef cook: refusing to write a skeleton into " + project + ": it holds Rust sources"),
        run.err());
    assertEquals(1, run.err().lines().count());
    assertEquals("fn main() { real(); }", Files.readString(project.resolve("src/main.rs")));
  }

  @Test
  void aDummyChangedSinceTheLastCookIsRefusedAsChangedNotAsNeverWritten() throws IOException {
    Path cook = Files.createDirectories(base.resolve("cook"));
    Files.copy(preparedRecipe(), cook.resolve("recipe.json"));
    assertEquals(0, CommandLineRun.in(cook, "cook", "--no-build").exitCode());
    Files.writeString(cook.resolve("src/main.rs"), "fn main() { my_work(); }");

    assertEquals(
        new CommandLineRun(
            1, "",
            "jchef cook: refusing to write a skeleton into " + cook + ": src/main.rs was changed since jchef"
                + " wrote it (.jchef/written-files.json records what it wrote), so it is yours now and would be"
                + " overwritten; move it away and cook again, or cook in an empty directory that holds only the"
                + " recipe\n"),
        CommandLineRun.in(cook, "cook", "--no-build"));
    assertEquals("fn main() { my_work(); }", Files.readString(cook.resolve("src/main.rs")));
  }

  @Test
  void aRecipeThatIsNotJsonOrNotARecipeGetsOneLine() throws IOException {
    Path cook = Files.createDirectories(base.resolve("cook"));
    Files.writeString(cook.resolve("recipe.json"), "not json");
    assertEquals(
        new CommandLineRun(
            1,
            "",
            "jchef cook: recipe.json:1:1: not valid JSON: Unrecognized token 'not': was expecting"
                + " (JSON String, Number, Array, Object or token 'null', 'true' or 'false')\n"),
        CommandLineRun.in(cook, "cook", "--no-build"));

    Files.writeString(cook.resolve("recipe.json"), "{\"recipe\":1}");
    assertEquals(
        new CommandLineRun(1, "", "jchef cook: recipe.json: skeleton: missing\n"),
        CommandLineRun.in(cook, "cook", "--no-build"));
  }
}
