package dev.jchef.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jchef.model.testing.Fixture;
import dev.jchef.model.testing.TestFileSystem;
import dev.jchef.recipe.json.RecipeJson;
import dev.jchef.recipe.plan.Planner;
import dev.jchef.recipe.testing.Recipes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The same workspace always gives the same recipe bytes: whatever order its files were created
 * in (which is the order some file systems list them), and whatever order its manifests write
 * their keys and tables in. And a written recipe reads back as an equal one.
 */
class RecipeDeterminismProperties {

  @Property(tries = 80)
  void creationOrderAndKeyOrderDoNotChangeTheRecipe(
      @ForAll("memberCounts") int members, @ForAll long seed) {
    Fixture canonical = workspace(members, null);
    Fixture shuffled = workspace(members, new Random(seed));
    String expected = Recipes.json(TestFileSystem.UNIX, canonical);

    String actual =
        RecipeJson.write(
            Planner.prepare(shuffled.writeShuffled(TestFileSystem.UNIX.newDirectory(), new Random(~seed))));

    assertEquals(expected, actual);
  }

  @Property(tries = 40)
  void aWrittenRecipeReadsBackEqual(@ForAll("memberCounts") int members, @ForAll long seed) {
    Recipe recipe = Planner.prepare(workspace(members, new Random(seed)).writeTo(TestFileSystem.WINDOWS.newDirectory()));

    assertEquals(recipe, RecipeJson.read(RecipeJson.write(recipe), "recipe.json"));
  }

  @Provide
  Arbitrary<Integer> memberCounts() {
    return Arbitraries.integers().between(1, 6);
  }

  /** A workspace of {@code count} members; with {@code random}, every table's keys are shuffled. */
  private static Fixture workspace(int count, Random random) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      names.add("member-" + i);
    }
    Fixture fixture =
        Fixture.of(
            "Cargo.toml",
            toml(
                random,
                section("workspace", "members = [\"crates/*\"]", "resolver = \"2\""),
                section("workspace.dependencies", "serde = \"1\"", "anyhow = \"1.0\"", "log = { version = \"0.4\", default-features = false }"),
                section("profile.release", "lto = true", "codegen-units = 1")));
    for (int i = 0; i < count; i++) {
      String dir = "crates/" + names.get(i) + "/";
      List<String> dependencies = new ArrayList<>(List.of("serde.workspace = true", "itoa = \"1\""));
      if (i > 0) {
        dependencies.add(names.get(i - 1) + " = { path = \"../" + names.get(i - 1) + "\", version = \"0.1.0\" }");
      }
      fixture =
          fixture
              .with(
                  dir + "Cargo.toml",
                  toml(
                      random,
                      section("package", "name = \"" + names.get(i) + "\"", "version = \"0.1.0\"", "edition = \"2021\"", "description = \"d\""),
                      section("dependencies", dependencies.toArray(String[]::new)),
                      section("dev-dependencies", "anyhow.workspace = true"),
                      section("features", "default = [\"std\"]", "std = []")))
              .with(dir + "src/lib.rs", "")
              .with(dir + "src/bin/b" + i + ".rs", "")
              .with(dir + "src/bin/a" + i + ".rs", "")
              .with(dir + "tests/t.rs", "");
    }
    return fixture;
  }

  private static List<String> section(String header, String... keys) {
    List<String> lines = new ArrayList<>(List.of(keys));
    lines.add(0, "[" + header + "]");
    return lines;
  }

  @SafeVarargs
  private static String toml(Random random, List<String>... sections) {
    List<List<String>> ordered = new ArrayList<>();
    for (List<String> section : sections) {
      List<String> keys = new ArrayList<>(section.subList(1, section.size()));
      if (random != null) {
        Collections.shuffle(keys, random);
      }
      keys.add(0, section.get(0));
      ordered.add(keys);
    }
    if (random != null) {
      Collections.shuffle(ordered, random);
    }
    StringBuilder out = new StringBuilder();
    for (List<String> section : ordered) {
      out.append(String.join("\n", section)).append("\n\n");
    }
    return out.toString();
  }
}
