package dev.jchef.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.ImmutableList;
import dev.jchef.model.TargetKind;
import dev.jchef.model.ToolchainFile;
import dev.jchef.recipe.json.RecipeJson;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecipeJsonTest {
  private static final Recipe RECIPE =
      new Recipe(
          ImmutableList.of(
              new RecipeManifest("Cargo.toml", "[workspace]\nmembers = [\"a\"]\n", ImmutableList.of()),
              new RecipeManifest(
                  "a/Cargo.toml",
                  "[package]\nname = \"a\"\n",
                  ImmutableList.of(
                      new RecipeTarget("build.rs", TargetKind.BUILD_SCRIPT, false, "build-script-build"),
                      new RecipeTarget("src/lib.rs", TargetKind.LIB, true, "a"),
                      new RecipeTarget("src/main.rs", TargetKind.BIN, false, "a"),
                      new RecipeTarget("tests/t.rs", TargetKind.TEST, false, "t"),
                      new RecipeTarget("benches/b.rs", TargetKind.BENCH, false, "b"),
                      new RecipeTarget("examples/e.rs", TargetKind.EXAMPLE, false, "e")))),
          Optional.of("[net]\noffline = true\n"),
          Optional.of("version = 4\n"),
          Optional.of(new ToolchainFile(ToolchainFile.Kind.TOML, "[toolchain]\nchannel = \"1.80\"\n")));

  @Test
  void writesCargoChefsSchemaCompactlyInItsFieldOrder() {
    assertEquals(
        "{\"skeleton\":{\"manifests\":["
            + "{\"relative_path\":\"Cargo.toml\",\"contents\":\"[workspace]\\nmembers = [\\\"a\\\"]\\n\",\"targets\":[]},"
            + "{\"relative_path\":\"a/Cargo.toml\",\"contents\":\"[package]\\nname = \\\"a\\\"\\n\",\"targets\":["
            + "{\"path\":\"build.rs\",\"kind\":\"BuildScript\",\"name\":\"build-script-build\"},"
            + "{\"path\":\"src/lib.rs\",\"kind\":{\"Lib\":{\"is_proc_macro\":true}},\"name\":\"a\"},"
            + "{\"path\":\"src/main.rs\",\"kind\":\"Bin\",\"name\":\"a\"},"
            + "{\"path\":\"tests/t.rs\",\"kind\":\"Test\",\"name\":\"t\"},"
            + "{\"path\":\"benches/b.rs\",\"kind\":\"Bench\",\"name\":\"b\"},"
            + "{\"path\":\"examples/e.rs\",\"kind\":\"Example\",\"name\":\"e\"}]}],"
            + "\"config_file\":\"[net]\\noffline = true\\n\","
            + "\"lock_file\":\"version = 4\\n\","
            + "\"rust_toolchain_file\":[\"Toml\",\"[toolchain]\\nchannel = \\\"1.80\\\"\\n\"]}}",
        RecipeJson.write(RECIPE));
  }

  @Test
  void writesNullsForAbsentFiles() {
    Recipe empty = new Recipe(ImmutableList.of(), Optional.empty(), Optional.empty(), Optional.empty());

    assertEquals(
        "{\"skeleton\":{\"manifests\":[],\"config_file\":null,\"lock_file\":null,\"rust_toolchain_file\":null}}",
        RecipeJson.write(empty));
  }

  @Test
  void writeThenReadGivesAnEqualRecipe() {
    assertEquals(RECIPE, RecipeJson.read(RecipeJson.write(RECIPE), "recipe.json"));
  }

  @Test
  void readsARecipeInCargoChefsFormWithExtraFieldsAndSpacing() {
    // Written by hand from cargo-chef 0.1.77's serde types (Recipe, Skeleton, Manifest, Target),
    // pretty-printed, with fields a newer version might add.
    String cargoChef =
        """
        {
          "skeleton": {
            "manifests": [
              {
                "relative_path": "Cargo.toml",
                "contents": "[package]\\nname = \\"app\\"\\nversion = \\"0.0.1\\"\\n",
                "targets": [
                  { "path": "src/main.rs", "kind": "Bin", "name": "app" },
                  { "path": "src/lib.rs", "kind": { "Lib": { "is_proc_macro": false } }, "name": "app" }
                ],
                "future_field": 1
              }
            ],
            "config_file": null,
            "lock_file": "version = 3\\n",
            "rust_toolchain_file": ["Bare", "1.75.0\\n"],
            "another_future_field": {}
          }
        }
        """;

    assertEquals(
        new Recipe(
            ImmutableList.of(
                new RecipeManifest(
                    "Cargo.toml",
                    "[package]\nname = \"app\"\nversion = \"0.0.1\"\n",
                    ImmutableList.of(
                        new RecipeTarget("src/main.rs", TargetKind.BIN, false, "app"),
                        new RecipeTarget("src/lib.rs", TargetKind.LIB, false, "app")))),
            Optional.empty(),
            Optional.of("version = 3\n"),
            Optional.of(new ToolchainFile(ToolchainFile.Kind.BARE, "1.75.0\n"))),
        RecipeJson.read(cargoChef, "recipe.json"));
  }

  @Test
  void namesTheFieldsItDoesNotKnowInOneWarningAndStillReadsTheRecipe() {
    String newer =
        "{\"skeleton\":{\"manifests\":[{\"relative_path\":\"Cargo.toml\",\"contents\":\"\",\"targets\":["
            + "{\"path\":\"src/lib.rs\",\"kind\":{\"Lib\":{\"is_proc_macro\":false,\"edition\":\"2024\"}},"
            + "\"name\":\"a\",\"required_features\":[]}],\"bar\":1}],\"foo\":{}},\"version\":2}";

    RecipeJson.Parsed parsed = RecipeJson.readWithWarnings(newer, "recipe.json");

    assertEquals(
        List.of(
            "recipe.json: fields this jchef does not know, ignored: version, skeleton.foo,"
                + " skeleton.manifests[0].bar, skeleton.manifests[0].targets[0].required_features,"
                + " skeleton.manifests[0].targets[0].kind.Lib.edition"),
        parsed.warnings());
    assertEquals(
        new Recipe(
            ImmutableList.of(
                new RecipeManifest("Cargo.toml", "", ImmutableList.of(new RecipeTarget("src/lib.rs", TargetKind.LIB, false, "a")))),
            Optional.empty(), Optional.empty(), Optional.empty()),
        parsed.recipe());
    assertEquals(
        List.of("r.json: a field this jchef does not know, ignored: skeleton.foo"),
        RecipeJson.readWithWarnings("{\"skeleton\":{\"manifests\":[],\"foo\":1}}", "r.json").warnings());
  }

  @Test
  void aRecipeOfThisSchemaHasNoWarning() {
    assertEquals(List.of(), RecipeJson.readWithWarnings(RecipeJson.write(RECIPE), "recipe.json").warnings());
  }

  @Test
  void aWarningNamesTenFieldsAndCountsTheRest() {
    StringBuilder json = new StringBuilder("{\"skeleton\":{\"manifests\":[]");
    for (int i = 0; i < 12; i++) {
      json.append(",\"f").append(i).append("\":0");
    }
    json.append("}}");

    assertEquals(
        List.of(
            "recipe.json: fields this jchef does not know, ignored: skeleton.f0, skeleton.f1, skeleton.f2,"
                + " skeleton.f3, skeleton.f4, skeleton.f5, skeleton.f6, skeleton.f7, skeleton.f8, skeleton.f9"
                + " and 2 more"),
        RecipeJson.readWithWarnings(json.toString(), "recipe.json").warnings());
  }

  @Test
  void aCargoChefRecipeWithoutTargetsSaysItIsOlderThan0161AndWhatToDo() {
    // cargo-chef before 0.1.61 wrote manifests with their path and contents only.
    String older =
        "{\"skeleton\":{\"manifests\":[{\"relative_path\":\"Cargo.toml\",\"contents\":\"[package]\"}],"
            + "\"config_file\":null,\"lock_file\":null,\"rust_toolchain_file\":null}}";

    assertEquals(
        "recipe.json: skeleton.manifests[0].targets: missing: this is a recipe of cargo-chef before 0.1.61,"
            + " which did not record build targets; prepare it again with jchef, or with cargo-chef 0.1.61"
            + " or newer",
        error(older));
  }

  @Test
  void anAbsentOptionalFieldReadsAsNull() {
    assertEquals(
        new Recipe(ImmutableList.of(), Optional.empty(), Optional.empty(), Optional.empty()),
        RecipeJson.read("{\"skeleton\":{\"manifests\":[]}}", "recipe.json"));
  }

  @Test
  void namesTheFileAndFieldOfAProblem() {
    assertEquals(
        "recipe.json:1:2: not valid JSON: Unexpected character ('x' (code 120)): was expecting double-quote to start property name",
        error("{x"));
    assertEquals("recipe.json: skeleton: missing", error("{}"));
    assertEquals("recipe.json: skeleton.manifests: expected an array", error("{\"skeleton\":{\"manifests\":{}}}"));
    assertEquals(
        "recipe.json: skeleton.manifests[0].relative_path: missing",
        error("{\"skeleton\":{\"manifests\":[{\"contents\":\"\",\"targets\":[]}]}}"));
    assertEquals(
        "recipe.json: skeleton.manifests[0].targets[0].kind: expected {\"Lib\":{\"is_proc_macro\":..}}, Bin, Test, Bench, Example or BuildScript",
        error(
            "{\"skeleton\":{\"manifests\":[{\"relative_path\":\"Cargo.toml\",\"contents\":\"\","
                + "\"targets\":[{\"path\":\"src/x.rs\",\"kind\":\"Binary\",\"name\":\"x\"}]}]}}"));
    assertEquals(
        "recipe.json: skeleton.rust_toolchain_file[0]: expected \"Bare\" or \"Toml\"",
        error("{\"skeleton\":{\"manifests\":[],\"rust_toolchain_file\":[\"Yaml\",\"\"]}}"));
    assertEquals("recipe.json: (top level): expected an object", error("[]"));
  }

  private static String error(String json) {
    return assertThrows(RecipeException.class, () -> RecipeJson.read(json, "recipe.json")).getMessage();
  }

  @Test
  void theFingerprintIsTheSha256OfTheCanonicalJsonWhateverTheInputSpacing() {
    String compact = RecipeJson.write(RECIPE);
    String spaced = compact.replace(",", ",\n  ").replace(":", " : ");

    assertEquals(RECIPE.fingerprint(), RecipeJson.read(spaced, "x").fingerprint());
    assertEquals(64, RECIPE.fingerprint().length());
    assertEquals(
        com.google.common.hash.Hashing.sha256()
            .hashString(compact, java.nio.charset.StandardCharsets.UTF_8)
            .toString(),
        RECIPE.fingerprint());
  }
}
