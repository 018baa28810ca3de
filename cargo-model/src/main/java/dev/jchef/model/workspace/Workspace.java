package dev.jchef.model.workspace;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.Iterables;
import dev.jchef.model.CargoFileException;
import dev.jchef.model.ToolchainFile;
import dev.jchef.model.internal.RelativePaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Cargo workspace read from its root directory, without running Cargo: the root manifest, the
 * members with their targets, and the lockfile, configuration and toolchain files beside them.
 *
 * <p>Membership follows the Cargo reference's
 * <a href="https://doc.rust-lang.org/cargo/reference/workspaces.html">Workspaces</a> chapter:
 * the root package, {@code workspace.members} (paths and globs), minus {@code workspace.exclude}
 * unless listed by path in members, plus every path dependency inside the root (of any kind, also
 * under {@code [target.*]} and through {@code [workspace.dependencies]}), transitively. A root
 * without {@code [workspace]} is a workspace of one. Other packages below the root (vendored
 * crates, fixtures, nested workspaces) are not members and are never read.
 *
 * <p>Path dependencies that are not members are read too, as {@link #nonMemberPathDependencies()}.
 *
 * <p>Everything is read through the {@link Path}'s own file system, and no {@code .rs} file is
 * opened: only names decide targets.
 */
public final class Workspace {
  static final String MANIFEST = "Cargo.toml";
  static final String LOCKFILE = "Cargo.lock";

  private final Path root;
  private final Manifest rootManifest;
  private final ImmutableList<Member> members;
  private final ImmutableList<Member> nonMemberPathDependencies;
  private final Optional<Lockfile> lockfile;
  private final Optional<CargoConfig> config;
  private final Optional<ToolchainFile> toolchainFile;
  private final ImmutableList<String> warnings;

  private Workspace(
      Path root,
      Manifest rootManifest,
      ImmutableList<Member> members,
      ImmutableList<Member> nonMemberPathDependencies,
      Optional<Lockfile> lockfile,
      Optional<CargoConfig> config,
      Optional<ToolchainFile> toolchainFile,
      ImmutableList<String> warnings) {
    this.root = root;
    this.rootManifest = rootManifest;
    this.members = members;
    this.nonMemberPathDependencies = nonMemberPathDependencies;
    this.lockfile = lockfile;
    this.config = config;
    this.toolchainFile = toolchainFile;
    this.warnings = warnings;
  }

  /**
   * Reads the workspace whose root manifest is {@code root/Cargo.toml}.
   *
   * @throws CargoFileException when the root manifest, a member's manifest or the lockfile cannot
   *     be read, or members or targets cannot be resolved as Cargo would
   */
  public static Workspace discover(Path root) {
    Path absoluteRoot = checkNotNull(root).toAbsolutePath().normalize();
    Path manifestFile = absoluteRoot.resolve(MANIFEST);
    if (!Files.isRegularFile(manifestFile)) {
      throw CargoFileException.inFile(
          MANIFEST, "no Cargo.toml in " + absoluteRoot + ": not a workspace root", null);
    }
    Manifest rootManifest = Manifest.read(manifestFile, MANIFEST);
    MemberDiscovery discovery = new MemberDiscovery(absoluteRoot, rootManifest);
    ImmutableList<Member> members = discovery.members();
    ImmutableList<Member> nonMemberPathDependencies = discovery.nonMemberPathPackages(members);
    Path lockfilePath = absoluteRoot.resolve(LOCKFILE);
    Optional<Lockfile> lockfile =
        Files.isRegularFile(lockfilePath)
            ? Optional.of(Lockfile.read(lockfilePath, LOCKFILE))
            : Optional.empty();
    return new Workspace(
        absoluteRoot,
        rootManifest,
        members,
        nonMemberPathDependencies,
        lockfile,
        CargoConfig.find(absoluteRoot),
        ToolchainFile.find(absoluteRoot),
        ImmutableList.<String>builder()
            .addAll(discovery.warnings())
            .addAll(linkedPackages(absoluteRoot, members, nonMemberPathDependencies))
            .build());
  }

  /**
   * A warning for each package inside the root whose directory is reached through a symbolic
   * link. Why: cook writes a real directory of dummies at that path, and a copy step that does
   * not replace a directory with a link (Docker's {@code COPY}) would leave the dummies there and
   * the real sources elsewhere, so the real build would compile dummies.
   */
  private static List<String> linkedPackages(Path root, List<Member> members, List<Member> pathDependencies) {
    List<String> warnings = new ArrayList<>();
    for (Member member : Iterables.concat(members, pathDependencies)) {
      if (member.directory().equals(Member.ROOT) || member.directory().startsWith("..")) {
        continue;
      }
      Path path = root;
      for (String part : member.directory().split("/")) {
        path = path.resolve(part);
        if (Files.isSymbolicLink(path)) {
          String link = root.relativize(path).toString().replace('\\', '/');
          warnings.add(
              member.directory() + " is reached through the symbolic link " + link + ": cook writes a real"
                  + " directory of dummies there, and a copy that does not replace a directory with a link"
                  + " (Docker's COPY) would leave them for the real build; copy the package's files to "
                  + member.directory() + " (not the link), or make " + link + " a real directory");
          break;
        }
      }
    }
    return warnings;
  }

  /**
   * Reads the workspace that {@code directory} belongs to, found as cargo finds it for a command
   * started there: {@code directory} may be the root, a member, or a directory inside one.
   *
   * <p>Errors name a file relative to {@code directory} when it lies under it, else by its
   * absolute path, so that the name leads to the file from where the command was started.
   *
   * @throws CargoFileException as {@link #discover}, when {@code directory} does not exist (named
   *     by its absolute path), when there is no {@code Cargo.toml} in {@code directory} or above it, or when the package there is not a member of the
   *     workspace above it (cargo refuses that too; the message names the root and what to change)
   */
  public static Workspace find(Path directory) {
    Path start = checkNotNull(directory).toAbsolutePath().normalize();
    if (!Files.exists(start)) {
      throw CargoFileException.inFile(start.toString(), "no such directory", null);
    }
    try {
      return findFrom(start);
    } catch (CargoFileException e) {
      throw e.namedFrom(start, start);
    }
  }

  private static Workspace findFrom(Path start) {
    Path root = WorkspaceRoot.of(start);
    Workspace workspace;
    try {
      workspace = discover(root);
    } catch (CargoFileException e) {
      throw e.namedFrom(root, start);
    }
    Path packageDirectory = start;
    while (!Files.isRegularFile(packageDirectory.resolve(MANIFEST))) {
      packageDirectory = packageDirectory.getParent();
    }
    String relative = Member.directoryName(RelativePaths.relativize(root, packageDirectory));
    boolean member = workspace.members().stream().anyMatch(m -> m.directory().equals(relative));
    if (!relative.equals(Member.ROOT) && !member) {
      throw CargoFileException.inFile(
          packageDirectory.resolve(MANIFEST).toString(),
          "this package believes it is in the workspace at " + root + " but is not one of its members;"
              + " add `" + relative + "` to workspace.members of " + root.resolve(MANIFEST)
              + ", or to workspace.exclude, or give the package an empty [workspace] table",
          null);
    }
    return workspace;
  }

  /** The root directory, absolute and normalised. */
  public Path root() {
    return root;
  }

  /** The root's {@code Cargo.toml}; virtual when it has no {@code [package]}. */
  public Manifest rootManifest() {
    return rootManifest;
  }

  /** Every member, sorted by directory (the root package, if any, first). */
  public ImmutableList<Member> members() {
    return members;
  }

  /**
   * The packages members depend on by path, directly or through each other, that are not members
   * themselves: excluded directories and packages outside the root ({@link Member#directory()}
   * then starts with {@code ..}). Cargo builds them as local crates, so a dependency build needs
   * them. Sorted by directory.
   */
  public ImmutableList<Member> nonMemberPathDependencies() {
    return nonMemberPathDependencies;
  }

  /** The member named {@code name}. */
  public Optional<Member> member(String name) {
    return members.stream().filter(m -> m.name().equals(name)).findFirst();
  }

  /** {@code Cargo.lock} at the root, when present. */
  public Optional<Lockfile> lockfile() {
    return lockfile;
  }

  /** {@code .cargo/config} or {@code .cargo/config.toml} at the root, when present. */
  public Optional<CargoConfig> config() {
    return config;
  }

  /** {@code rust-toolchain} or {@code rust-toolchain.toml} at the root, when present. */
  public Optional<ToolchainFile> toolchainFile() {
    return toolchainFile;
  }

  /** Problems that do not stop the workspace from being read, such as an unreadable non-member. */
  public ImmutableList<String> warnings() {
    return warnings;
  }
}
