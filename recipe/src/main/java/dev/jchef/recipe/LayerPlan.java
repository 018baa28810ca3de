package dev.jchef.recipe;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.jchef.model.CargoFileException;
import dev.jchef.model.internal.RelativePaths;
import dev.jchef.model.internal.TomlReader;
import dev.jchef.model.workspace.TomlTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
 * the root that are not members. {@code jchef layers --check} refuses a plan that no longer matches
 * the workspace, saying what to change.
 *
 * <p>Immutable; {@link #of} makes one, {@link #read} and {@link #parse} read one.
 */
public final class LayerPlan {
  /** The plan's usual file name, at the workspace root. */
  public static final String FILE_NAME = "jchef-layers.toml";

  private final ImmutableList<ImmutableList<String>> layers;
  private final ImmutableList<String> finalStep;

  private LayerPlan(List<? extends List<String>> layers, List<String> finalStep) {
    this.layers = layers.stream().map(ImmutableList::copyOf).collect(ImmutableList.toImmutableList());
    this.finalStep = ImmutableList.copyOf(finalStep);
  }

  /**
   * Returns the plan of these layers and final step.
   *
   * @param layers the layers, first built first; each a list of package directories relative to
   *     the workspace root ({@code crates/a})
   * @param finalStep the packages the final build compiles
   */
  public static LayerPlan of(List<? extends List<String>> layers, List<String> finalStep) {
    return new LayerPlan(layers, finalStep);
  }

  /** Returns the layers, first built first: each an unmodifiable list of package directories. */
  public List<List<String>> layers() {
    return Collections.<List<String>>unmodifiableList(layers);
  }

  /** Returns the packages the final build compiles. */
  public List<String> finalStep() {
    return finalStep;
  }

  /**
   * Returns the plan in the file {@code file}.
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
   * Returns the plan {@code text} holds.
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

  /** Returns the plan as {@code jchef-layers.toml} text; {@link #parse} reads it back. */
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

  /**
   * Returns the packages of layer {@code layer}, counted from 1.
   *
   * @throws IllegalArgumentException when the plan has no such layer
   */
  public List<String> members(int layer) {
    checkArgument(layer >= 1 && layer <= layers.size(), "the plan has layers 1 to %s, not %s", layers.size(), layer);
    return layers.get(layer - 1);
  }

  /**
   * Returns the packages of layers 1 to {@code layer}: those real in that layer's step, in order.
   *
   * @throws IllegalArgumentException when the plan has no such layer
   */
  public Set<String> membersThrough(int layer) {
    checkArgument(layer >= 1 && layer <= layers.size(), "the plan has layers 1 to %s, not %s", layers.size(), layer);
    return layers.subList(0, layer).stream().flatMap(List::stream).collect(ImmutableSet.toImmutableSet());
  }

  /** Returns every package in a layer (not the final step's), in order. */
  public Set<String> layerMembers() {
    return membersThrough(layers.size());
  }

  /** Returns every package of the plan, in order: the layers', then the final step's. */
  public List<String> packages() {
    Set<String> all = new LinkedHashSet<>();
    layers.forEach(all::addAll);
    all.addAll(finalStep);
    return ImmutableList.copyOf(all);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LayerPlan that && layers.equals(that.layers) && finalStep.equals(that.finalStep);
  }

  @Override
  public int hashCode() {
    return 31 * layers.hashCode() + finalStep.hashCode();
  }

  /** Returns the plan in one line: {@code [[crates/a, crates/b], [crates/c]] then [crates/cli]}. */
  @Override
  public String toString() {
    return layers + " then " + finalStep;
  }
}
