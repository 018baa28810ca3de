package dev.jchef.recipe;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.jchef.model.CargoFileException;
import dev.jchef.model.workspace.Member;
import dev.jchef.model.workspace.TomlTable;
import dev.jchef.model.workspace.Workspace;
import dev.jchef.model.internal.RelativePaths;
import dev.jchef.model.internal.TomlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which workspace packages a container build compiles in which step after cook: layers of package
 * directories in dependency order, and the packages the final step compiles. Each layer step
 * copies in the real files of its packages and builds them ({@code jchef cook --layer K}); the
 * container's layer cache keeps a step while its files are unchanged, so a source change compiles
 * the packages of its layer and later ones, not every workspace crate. A plan is a small committed
 * file, {@code jchef-layers.toml}:
 *
 * <pre>
 * [[layer]]
 * members = ["crates/matcher", "crates/globset"]
 *
 * [[layer]]
 * members = ["crates/ignore"]
 *
 * [final]
 * members = ["crates/cli"]
 * </pre>
 *
 * Every package appears once: the members of the workspace except the root package (whose
 * manifest is the workspace's, which every step reads) and, optionally, path dependencies inside
 * the root that are not members. {@link #checkedAgainst} refuses a plan that no longer matches the
 * workspace, saying what to change.
 *
 * @param layers the layers, first built first; each a list of package directories relative to
 *     the workspace root ({@code crates/a}), as {@link Member#directory()} gives them
 * @param finalStep the packages the final build compiles
 */
public record LayerPlan(ImmutableList<ImmutableList<String>> layers, ImmutableList<String> finalStep) {
  /** The plan's usual file name, at the workspace root. */
  public static final String FILE_NAME = "jchef-layers.toml";

  public LayerPlan {
    layers = layers.stream().map(ImmutableList::copyOf).collect(ImmutableList.toImmutableList());
    finalStep = ImmutableList.copyOf(finalStep);
  }

  /**
   * Reads a plan file.
   *
   * @param shown how errors name the file
   * @throws RecipeException when there is no such file, saying how to make one
   * @throws CargoFileException naming the file and line, or the field, when it is not a plan
   */
  public static LayerPlan read(Path file, String shown) {
    if (!Files.exists(file)) {
      throw new RecipeException(
          shown + ": no layer plan here: write one with `jchef layers --write` in the workspace and commit it;"
              + " a Dockerfile copies it in before the layer steps (`jchef layers --dockerfile` prints the lines)");
    }
    return parse(TomlReader.readText(file, shown), shown);
  }

  /**
   * Parses a plan's text.
   *
   * @throws CargoFileException naming {@code shown} and the line, or the field
   */
  public static LayerPlan parse(String text, String shown) {
    TomlTable document = TomlReader.parse(text, shown);
    ImmutableList.Builder<ImmutableList<String>> layers = ImmutableList.builder();
    List<Object> entries = document.getArray("layer").orElse(ImmutableList.of());
    for (int i = 0; i < entries.size(); i++) {
      String field = "layer[" + i + "]";
      if (!(entries.get(i) instanceof TomlTable layer)) {
        throw CargoFileException.atField(shown, field, "expected a [[layer]] table");
      }
      layers.add(directories(layer, field + ".members", shown));
    }
    ImmutableList<String> finalStep =
        document.getTable("final").map(t -> directories(t, "final.members", shown)).orElse(ImmutableList.of());
    return new LayerPlan(layers.build(), finalStep);
  }

  private static ImmutableList<String> directories(TomlTable table, String field, String shown) {
    ImmutableList.Builder<String> result = ImmutableList.builder();
    Optional<ImmutableList<Object>> members = table.getArray("members");
    if (members.isEmpty()) {
      throw CargoFileException.atField(shown, field, "missing: a list of package directories");
    }
    for (Object member : members.get()) {
      if (!(member instanceof String directory) || RelativePaths.normalize(directory).isEmpty()) {
        throw CargoFileException.atField(shown, field, "expected package directories such as \"crates/a\"");
      }
      result.add(RelativePaths.normalize(directory));
    }
    return result.build();
  }

  /** The plan as {@code jchef-layers.toml} text; {@link #parse} reads it back. */
  public String toToml() {
    StringBuilder text = new StringBuilder();
    text.append("# Which workspace packages a container build compiles in which step after cook, written by\n")
        .append("# jchef layers. Each [[layer]] is built by `jchef cook --layer K` after its packages' files are\n")
        .append("# copied in; [final] lists what the final build compiles. Every package appears once.\n");
    for (ImmutableList<String> layer : layers) {
      text.append("\n[[layer]]\nmembers = ").append(list(layer)).append('\n');
    }
    text.append("\n[final]\nmembers = ").append(list(finalStep)).append('\n');
    return text.toString();
  }

  private static String list(List<String> directories) {
    List<String> quoted = new ArrayList<>();
    directories.forEach(d -> quoted.add("\"" + d.replace("\\", "\\\\").replace("\"", "\\\"") + "\""));
    return "[" + String.join(", ", quoted) + "]";
  }

  /** The packages of layer {@code layer}, counted from 1. */
  public ImmutableList<String> members(int layer) {
    checkArgument(layer >= 1 && layer <= layers.size(), "the plan has layers 1 to %s, not %s", layers.size(), layer);
    return layers.get(layer - 1);
  }

  /** The packages of layers 1 to {@code layer}: those real in that layer's step. */
  public ImmutableSet<String> membersThrough(int layer) {
    checkArgument(layer >= 1 && layer <= layers.size(), "the plan has layers 1 to %s, not %s", layers.size(), layer);
    return layers.subList(0, layer).stream().flatMap(List::stream).collect(ImmutableSet.toImmutableSet());
  }

  /** Every package in a layer (not the final step's). */
  public ImmutableSet<String> layerMembers() {
    return membersThrough(layers.size());
  }

  /**
   * This plan, if it matches {@code workspace}: every listed directory is a package of it (a
   * member other than the root package, or a path dependency inside the root), listed once; every
   * member is listed; and every package's path dependencies are in its own layer or an earlier one
   * (for the final step: anywhere).
   *
   * @throws RecipeException saying what to change
   */
  public LayerPlan checkedAgainst(Workspace workspace) {
    Map<String, Member> packages = new HashMap<>();
    workspace.members().stream().filter(m -> !m.directory().equals(Member.ROOT)).forEach(m -> packages.put(m.directory(), m));
    workspace.nonMemberPathDependencies().stream()
        .filter(m -> !m.directory().startsWith(".."))
        .forEach(m -> packages.put(m.directory(), m));
    Map<String, Integer> layerOf = new HashMap<>();
    List<ImmutableList<String>> steps = new ArrayList<>(layers);
    steps.add(finalStep);
    for (int i = 0; i < steps.size(); i++) {
      String step = i < layers.size() ? "layer " + (i + 1) : "the final step";
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
    for (int i = 0; i < layers.size(); i++) {
      for (String directory : layers.get(i)) {
        for (String dependency : packages.get(directory).buildPathDependencies()) {
          Integer dependencyLayer = layerOf.get(dependency);
          if (dependencyLayer == null || dependencyLayer > i) {
            String where =
                dependencyLayer == null
                    ? (dependency.equals(Member.ROOT) ? "the root package, which cannot be in a layer" : "in no layer")
                    : dependencyLayer < layers.size() ? "in layer " + (dependencyLayer + 1) : "in the final step";
            throw new RecipeException(
                "`" + directory + "` (layer " + (i + 1) + ") depends on `" + dependency + "`, which is " + where
                    + ": a layer's packages are built on the real code of what they depend on; move `"
                    + dependency + "` to layer " + (i + 1) + " or earlier, or `" + directory + "` later");
          }
        }
      }
    }
    return this;
  }

  /** Every package of the plan, in order: the layers', then the final step's. */
  public ImmutableList<String> packages() {
    Set<String> all = new LinkedHashSet<>();
    layers.forEach(all::addAll);
    all.addAll(finalStep);
    return ImmutableList.copyOf(all);
  }
}
