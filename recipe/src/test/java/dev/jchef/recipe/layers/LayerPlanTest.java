package dev.jchef.recipe.layers;

import static dev.jchef.model.testing.Manifests.pkg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.ImmutableList;
import dev.jchef.model.CargoFileException;
import dev.jchef.model.testing.Fixture;
import dev.jchef.model.testing.TestFileSystem;
import dev.jchef.model.workspace.Workspace;
import dev.jchef.recipe.LayerPlan;
import dev.jchef.recipe.RecipeException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A layer plan is read, written, and checked against the workspace it is for. */
class LayerPlanTest {
  private static final TestFileSystem FS = TestFileSystem.UNIX;
  /** core <- util <- server; cli depends on core and server. */
  static final Fixture WORKSPACE =
      Fixture.of(
          "Cargo.toml", "[workspace]\nmembers = [\"crates/*\"]\n",
          "crates/core/Cargo.toml", pkg("core"),
          "crates/core/src/lib.rs", "",
          "crates/util/Cargo.toml", pkg("util") + "[dependencies]\ncore = { path = \"../core\" }\n",
          "crates/util/src/lib.rs", "",
          "crates/server/Cargo.toml", pkg("server") + "[dependencies]\nutil = { path = \"../util\" }\n",
          "crates/server/src/lib.rs", "",
          "crates/cli/Cargo.toml",
          pkg("cli") + "[dependencies]\ncore = { path = \"../core\" }\nserver = { path = \"../server\" }\n",
          "crates/cli/src/main.rs", "");

  private static Workspace workspace() {
    return Workspace.discover(FS.write(WORKSPACE));
  }

  private static LayerPlan plan(List<List<String>> layers, List<String> finalStep) {
    return LayerPlan.of(
        layers.stream().map(ImmutableList::copyOf).collect(ImmutableList.toImmutableList()),
        ImmutableList.copyOf(finalStep));
  }

  @Test
  void writesAndReadsTheSamePlan() {
    LayerPlan plan = plan(List.of(List.of("crates/core", "crates/util"), List.of("crates/server")), List.of("crates/cli"));

    assertEquals(plan, LayerPlan.parse(plan.toToml(), LayerPlan.FILE_NAME));
    assertEquals(plan, LayerPlanCheck.check(plan, workspace()));
    assertEquals(List.of("crates/server"), plan.members(2));
    assertEquals(Set.of("crates/core", "crates/util", "crates/server"), plan.membersThrough(2));
  }

  @Test
  void aPackageDependingOnALaterLayerIsRefusedSayingWhatToMove() {
    RecipeException error =
        assertThrows(
            RecipeException.class,
            () -> LayerPlanCheck.check(
                plan(List.of(List.of("crates/util"), List.of("crates/core")), List.of("crates/server", "crates/cli")),
                workspace()));

    assertEquals(
        "`crates/util` (layer 1) depends on `crates/core`, which is in layer 2: a layer's packages are built on"
            + " the real code of what they depend on; move `crates/core` to layer 1 or earlier, or `crates/util` later",
        error.getMessage());
  }

  @Test
  void aPlanThatNoLongerMatchesTheWorkspaceIsRefused() {
    LayerPlan renamed = plan(List.of(List.of("crates/kernel")), List.of("crates/util", "crates/server", "crates/cli"));
    assertEquals(
        "the plan lists `crates/kernel` in layer 1, which is not a package of the workspace (a member, or a path"
            + " dependency inside the root): was it renamed or moved? The packages are: crates/cli, crates/core,"
            + " crates/server, crates/util; plan the layers again or change the file",
        assertThrows(RecipeException.class, () -> LayerPlanCheck.check(renamed, workspace())).getMessage());

    LayerPlan missingOne = plan(List.of(List.of("crates/core")), List.of("crates/util", "crates/server"));
    assertEquals(
        "the plan does not list the member `crates/cli` (added since it was made?): add it to a layer or to"
            + " [final], or plan the layers again",
        assertThrows(RecipeException.class, () -> LayerPlanCheck.check(missingOne, workspace())).getMessage());

    LayerPlan twice = plan(List.of(List.of("crates/core")), List.of("crates/core", "crates/util", "crates/server", "crates/cli"));
    assertEquals(
        "the plan lists `crates/core` twice; list each package once",
        assertThrows(RecipeException.class, () -> LayerPlanCheck.check(twice, workspace())).getMessage());
  }

  @Test
  void aFileThatIsNotAPlanNamesTheField() {
    CargoFileException error =
        assertThrows(CargoFileException.class, () -> LayerPlan.parse("[[layer]]\nmembers = [1]\n", "jchef-layers.toml"));

    assertEquals(
        "jchef-layers.toml: layer[0].members: expected package directories such as \"crates/a\"", error.getMessage());
  }
}
