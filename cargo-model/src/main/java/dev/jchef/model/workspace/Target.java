package dev.jchef.model.workspace;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.jchef.model.TargetKind;
import java.util.Comparator;

/**
 * A build target of a package, as Cargo discovers it.
 *
 * @param name the crate name: a lib's name has underscores for dashes; a build script is
 *     {@code build-script-<file stem>}
 * @param path the source file relative to the package directory, {@code /}-separated and
 *     normalised ({@code ./src/main.rs} is {@code src/main.rs})
 * @param crateTypes for a lib, its crate types ({@code lib}, {@code cdylib}, {@code proc-macro}
 *     ...); for an example, the declared crate types if any; empty otherwise
 * @param harness whether a test or bench uses the libtest harness ({@code harness = false} turns
 *     it off); true for other kinds
 */
public record Target(
    TargetKind kind,
    String name,
    String path,
    ImmutableList<String> crateTypes,
    boolean harness,
    ImmutableList<String> requiredFeatures) {

  /** Path, then kind, then name: the order cargo-chef's recipe lists targets in. */
  public static final Comparator<Target> RECIPE_ORDER =
      Comparator.comparing(Target::path).thenComparing(Target::kind).thenComparing(Target::name);

  public Target {
    checkNotNull(kind);
    checkNotNull(name);
    checkNotNull(path);
    checkNotNull(crateTypes);
    checkNotNull(requiredFeatures);
  }

  /** Whether this is a procedural-macro library. */
  public boolean isProcMacro() {
    return kind == TargetKind.LIB && crateTypes.contains("proc-macro");
  }
}
