package dev.jchef.cook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jchef.model.testing.Fixture;
import dev.jchef.model.testing.TestRegistry;
import dev.jchef.recipe.Recipe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;

/**
 * Path dependencies that are not members (the README's "What goes into the recipe") with real cargo: a path dependency outside the root, an excluded one
 * inside it, and a {@code [patch]} path crate, which the user provides before cook like a vendor
 * directory. Cook succeeds, and the real build compiles no registry crate.
 */
@Tag("slow")
class PathDependenciesEndToEndTest {
  @TempDir Path base;

  @Test
  void pathDependenciesOutsideTheMembersAndPatchedCratesCookAndBuild() throws IOException {
    Fixture.of(
            "Cargo.toml",
            "[package]\nname = \"shared\"\nversion = \"0.2.0\"\nedition = \"2021\"\n"
                + "[dependencies]\nchef-greeting = \"1.0.0\"\n",
            "src/lib.rs",
            "pub fn shared() -> String { chef_greeting::greet(\"shared\") }\n")
        .writeTo(base.resolve("shared"));
    Path registryShout = TestRegistry.directory().resolve("chef-shout-1.0.0");
    Fixture project =
        Fixture.of(
            "Cargo.toml",
            """
            [workspace]
            members = ["app"]
            exclude = ["libs"]

            [patch.crates-io]
            chef-shout = { path = "patched/chef-shout" }
            """,
            "app/Cargo.toml",
            """
            [package]
            name = "app"
            version = "0.1.0"
            edition = "2021"

            [dependencies]
            shared = { path = "../../shared" }
            helper = { path = "../libs/helper" }
            """,
            "app/src/main.rs",
            "fn main() { println!(\"{} {}\", shared::shared(), helper::helper()); }\n",
            "libs/helper/Cargo.toml",
            "[package]\nname = \"helper\"\nversion = \"0.3.0\"\nedition = \"2021\"\n[dependencies]\nchef-extra = \"1.0.0\"\n",
            "libs/helper/src/lib.rs",
            "pub fn helper() -> u32 { chef_extra::extra() }\n",
            "patched/chef-shout/Cargo.toml",
            Files.readString(registryShout.resolve("Cargo.toml")),
            "patched/chef-shout/src/lib.rs",
            "pub fn shout(text: &str) -> String { format!(\"{} (patched)\", text.to_uppercase()) }\n");
    CookScenario scenario = CookScenario.of(base, project);
    CookScenario.Run lock = scenario.exec(scenario.project, List.of("cargo", "generate-lockfile"));
    assertEquals(0, lock.exitCode(), lock.stderr());

    Recipe recipe = scenario.prepare();
    assertEquals(
        List.of(".jchef/outside/shared/Cargo.toml", "Cargo.toml", "app/Cargo.toml", "libs/helper/Cargo.toml"),
        recipe.manifests().stream().map(m -> m.relativePath()).toList());
    // The patched crate is provided, like a vendor directory, before cook.
    copy(scenario.project.resolve("patched"), scenario.cook.resolve("patched"));

    CookResult cook = scenario.cook(recipe, CookOptions.defaults());
    assertTrue(cook.compiledUnits() > 0, cook.summary());

    copyProjectExceptPatched(scenario);
    CookScenario.BuildOutcome build = scenario.build();
    assertEquals(List.of(), build.externalCompiled());
    assertEquals(List.of("app app", "helper helper", "shared shared"), build.localCompiled());
    CookScenario.Run program = scenario.exec(scenario.cook, List.of(scenario.cook.resolve("target/debug/app").toString()));
    assertEquals("HELLO, SHARED (patched) 42\n", program.stdout());
  }

  @Test
  void aMemberOutsideTheRootIsCookedInsideTheSkeleton() throws IOException {
    // members = ["app", "../tool"] with tool's package.workspace pointing back: cargo accepts
    // it, and the skeleton holds tool at .jchef/outside/tool. (The real build needs the real
    // layout, tool beside the workspace, which this test's cook directory does not have.)
    Fixture.of(
            "Cargo.toml",
            "[package]\nname = \"tool\"\nversion = \"0.1.0\"\nedition = \"2021\"\nworkspace = \"../project\"\n\n"
                + "[dependencies]\nchef-extra = \"1.0.0\"\n",
            "src/lib.rs", "pub fn tool() -> u32 { chef_extra::extra() }\n")
        .writeTo(base.resolve("tool"));
    CookScenario scenario =
        CookScenario.of(
                base,
                Fixture.of(
                    "Cargo.toml", "[workspace]\nmembers = [\"app\", \"../tool\"]\nresolver = \"2\"\n",
                    "app/Cargo.toml",
                    "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\ntool = { path = \"../../tool\" }\n",
                    "app/src/main.rs", "fn main() { println!(\"{}\", tool::tool()); }\n"))
            .lock();

    CookResult cook = scenario.cook(scenario.prepare(), CookOptions.defaults());

    assertTrue(cook.skeleton().written().contains(".jchef/outside/tool/src/lib.rs"), cook.skeleton().written().toString());
    try (Stream<Path> deps = Files.list(scenario.cook.resolve("target/debug/deps"))) {
      assertTrue(
          deps.anyMatch(p -> p.getFileName().toString().matches("libchef_extra-[0-9a-f]+\\.rlib")),
          "the outside member's registry dependency was compiled and kept");
    }
  }

  @Test
  void aPatchedMemberThatARegistryCrateCompilesAgainstIsBuiltFromTheCopyTheUserProvides() throws IOException {
    // chef-greeting (registry) calls chef_shout::shout, which the member chef-shout provides
    // through [patch], using the member suffix: against their dummies, chef-greeting does not
    // compile, and cook's error says what to do; once the real ones are copied in, cook builds
    // them and leaves them alone.
    Path registryShout = TestRegistry.directory().resolve("chef-shout-1.0.0");
    Fixture project =
        Fixture.of(
            "Cargo.toml",
            "[workspace]\nmembers = [\"app\", \"chef-shout\", \"suffix\"]\nresolver = \"2\"\n\n"
                + "[patch.crates-io]\nchef-shout = { path = \"chef-shout\" }\n",
            "app/Cargo.toml",
            "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nchef-greeting = \"1.0.0\"\n",
            "app/src/main.rs", "fn main() { println!(\"{}\", chef_greeting::greet(\"member\")); }\n",
            "chef-shout/Cargo.toml",
            Files.readString(registryShout.resolve("Cargo.toml")) + "\n[dependencies]\nsuffix = { path = \"../suffix\" }\n",
            "chef-shout/src/lib.rs",
            "pub fn shout(text: &str) -> String { format!(\"{} {}\", text.to_uppercase(), suffix::SUFFIX) }\n",
            "suffix/Cargo.toml", "[package]\nname = \"suffix\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
            "suffix/src/lib.rs", "pub const SUFFIX: &str = \"(member)\";\n");
    CookScenario scenario = CookScenario.of(base, project).lock();
    Recipe recipe = scenario.prepare();

    CookException dummy =
        assertThrows(CookException.class, () -> scenario.expectingFailures().cook(recipe, CookOptions.defaults()));
    assertTrue(dummy.getMessage().contains("; cooked as dummies: chef-shout, suffix, which [patch]"), dummy.getMessage());

    // chef-shout's path dependency suffix must be real too, for the real chef-shout to compile.
    scenario.provide("chef-shout");
    scenario.provide("suffix");
    CookResult cook = scenario.cook(recipe, CookOptions.defaults());
    assertEquals(List.of("chef-shout", "suffix"), cook.skeleton().provided());
    assertEquals(
        "pub const SUFFIX: &str = \"(member)\";\n",
        Files.readString(scenario.cook.resolve("suffix/src/lib.rs")),
        "the copy the user provided is left alone");
    scenario.copySourcesKeepingTimes();
    CookScenario.BuildOutcome build = scenario.build();

    assertEquals(List.of(), build.externalCompiled());
    assertEquals(List.of("app app"), build.localCompiled(), "chef-shout's real units from the cook are fresh");
    assertEquals("HELLO, MEMBER (member)\n", scenario.program("target/debug/app"));
  }

  /** COPY . . in a container keeps the files' times; the provided crate is not newer. */
  private static void copyProjectExceptPatched(CookScenario scenario) throws IOException {
    try (Stream<Path> files = Files.list(scenario.project)) {
      for (Path entry : files.toList()) {
        if (!entry.getFileName().toString().equals("patched")) {
          copy(entry, scenario.cook.resolve(entry.getFileName().toString()));
        }
      }
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        Path destination = to.resolve(from.relativize(path).toString());
        Files.createDirectories(destination.getParent());
        Files.copy(path, destination, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
