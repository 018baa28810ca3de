package dev.jchef.recipe.layers;

import dev.jchef.model.workspace.Member;
import dev.jchef.model.workspace.Workspace;
import dev.jchef.recipe.LayerPlan;
import dev.jchef.recipe.RecipeException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Whether a {@link LayerPlan} still matches its workspace ({@code jchef layers --check}, and before a layer step). */
public final class LayerPlanCheck {
  private LayerPlanCheck() {}

  /**
   * Returns {@code plan}, if it matches {@code workspace}: every listed directory is a package of it (a
   * member other than the root package, or a path dependency inside the root), listed once; every
   * member is listed; and every package's path dependencies are in its own layer or an earlier one
   * (for the final step: anywhere).
   *
   * @throws RecipeException saying what to change
   */
  public static LayerPlan check(LayerPlan plan, Workspace workspace) {
    Map<String, Member> packages = new HashMap<>();
    workspace.members().stream().filter(m -> !m.directory().equals(Member.ROOT)).forEach(m -> packages.put(m.directory(), m));
    workspace.nonMemberPathDependencies().stream()
        .filter(m -> !m.directory().startsWith(".."))
        .forEach(m -> packages.put(m.directory(), m));
    Map<String, Integer> layerOf = new HashMap<>();
    List<List<String>> steps = new ArrayList<>(plan.layers());
    steps.add(plan.finalStep());
    for (int i = 0; i < steps.size(); i++) {
      String step = i < plan.layers().size() ? "layer " + (i + 1) : "the final step";
      for (String directory : steps.get(i)) {
        if (directory.equals(Member.ROOT)) {
          throw new RecipeException(
              "the plan lists the root package in " + step + ": it cannot be in a layer, since its manifest"
                  + " is the workspace's; leave it out of the plan");
        }
        if (!packages.containsKey(directory)) {
          throw new RecipeException(
              "the plan lists `" + directory + "` in " + step + ", which is not a package of the workspace"
                  + " (a member, or a path dependency inside the root): was it renamed or moved? The"
                  + " packages are: " + String.join(", ", new TreeSet<>(packages.keySet()))
                  + "; plan the layers again or change the file");
        }
        Integer previous = layerOf.put(directory, i);
        if (previous != null) {
          throw new RecipeException("the plan lists `" + directory + "` twice; list each package once");
        }
      }
    }
    Set<String> unlisted = new TreeSet<>();
    for (Member member : workspace.members()) {
      if (!member.directory().equals(Member.ROOT) && !layerOf.containsKey(member.directory())) {
        unlisted.add(member.directory());
      }
    }
    if (!unlisted.isEmpty()) {
      throw new RecipeException(
          "the plan does not list the member" + (unlisted.size() == 1 ? " `" : "s `") + String.join("`, `", unlisted)
              + "` (added since it was made?): add " + (unlisted.size() == 1 ? "it" : "them")
              + " to a layer or to [final], or plan the layers again");
    }
    for (int i = 0; i < plan.layers().size(); i++) {
      for (String directory : plan.layers().get(i)) {
        for (String dependency : packages.get(directory).buildPathDependencies()) {
          Integer dependencyLayer = layerOf.get(dependency);
          if (dependencyLayer == null || dependencyLayer > i) {
            String where =
                dependencyLayer == null
                    ? (dependency.equals(Member.ROOT) ? "the root package, which cannot be in a layer" : "in no layer")
                    : dependencyLayer < plan.layers().size() ? "in layer " + (dependencyLayer + 1) : "in the final step";
            throw new RecipeException(
                "`" + directory + "` (layer " + (i + 1) + ") depends on `" + dependency + "`, which is " + where
                    + ": a layer's packages are built on the real code of what they depend on; move `"
                    + dependency + "` to layer " + (i + 1) + " or earlier, or `" + directory + "` later");
          }
        }
      }
    }
    return plan;
  }

}
