package dev.jchef.model.workspace;

import com.google.common.collect.ImmutableList;
import dev.jchef.model.CargoFileException;
import dev.jchef.model.internal.RelativePaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Finds the members of a workspace as Cargo's {@code find_members} does: listed members (globs
 * expanded; a glob that matches nothing stands for itself), then the root, each followed through
 * its path dependencies. A manifest is skipped when it lies under an {@code exclude} entry and
 * not under a member listed by path; a path dependency outside the root is a member only when its
 * {@code package.workspace} points back at this root.
 */
final class MemberDiscovery {
  private final Path root;
  private final Path rootManifestPath;
  private final Manifest rootManifest;
  private final Optional<WorkspaceSection> workspace;
  private final FieldReader rootFields;
  private final Map<Path, Manifest> manifests = new LinkedHashMap<>();
  private final List<String> warnings = new ArrayList<>();

  MemberDiscovery(Path root, Manifest rootManifest) {
    this.root = root;
    this.rootManifestPath = root.resolve(Workspace.MANIFEST);
    this.rootManifest = rootManifest;
    this.workspace = rootManifest.workspace();
    this.rootFields = new FieldReader(Workspace.MANIFEST);
    discover();
  }

  private void discover() {
    if (workspace.isEmpty()) {
      if (rootManifest.isVirtual()) {
        throw CargoFileException.inFile(
            Workspace.MANIFEST, "has neither [package] nor [workspace]", null);
      }
      manifests.put(rootManifestPath, rootManifest);
      return;
    }
    for (String entry : workspace.get().members()) {
      for (Path directory : expandMember(entry)) {
        String shown = RelativePaths.relativize(root, directory);
        visit(
            directory.resolve(Workspace.MANIFEST),
            false,
            () ->
                rootFields.error(
                    "workspace.members",
                    "member `" + shown + "`"
                        + (MemberGlob.isPattern(entry) ? " (matched by `" + entry + "`)" : "")
                        + " has no Cargo.toml"));
      }
    }
    visit(rootManifestPath, false, () -> new IllegalStateException("root manifest vanished"));
  }

  private List<Path> expandMember(String entry) {
    List<Path> expanded;
    try {
      expanded = MemberGlob.expand(root, entry);
    } catch (IllegalArgumentException e) {
      throw rootFields.error("workspace.members", "could not parse pattern: " + e.getMessage());
    }
    if (expanded.isEmpty()) {
      return List.of(RelativePaths.resolve(root, entry));
    }
    return expanded.stream().filter(Files::isDirectory).toList();
  }

  private void visit(
      Path manifestPath, boolean isPathDependency, Supplier<? extends RuntimeException> missing) {
    Path normalized = manifestPath.normalize();
    if (manifests.containsKey(normalized)) {
      return;
    }
    if (isPathDependency
        && !normalized.getParent().startsWith(root)
        && !belongsToThisWorkspace(normalized, missing)) {
      return;
    }
    if (isExcluded(normalized)) {
      return;
    }
    Manifest manifest = normalized.equals(rootManifestPath) ? rootManifest : load(normalized, missing);
    manifests.put(normalized, manifest);
    if (manifest.isVirtual()) {
      return;
    }
    Path directory = normalized.getParent();
    FieldReader fields = new FieldReader(manifest.file());
    for (Dependency dependency : manifest.dependencies()) {
      Optional<Path> target = pathOf(dependency, directory, fields, thisWorkspace());
      if (target.isPresent()) {
        String field = dependencyField(dependency);
        visit(
            target.get().resolve(Workspace.MANIFEST),
            true,
            () ->
                fields.error(
                    field,
                    noManifestAt(target.get())));
      }
    }
  }

  /**
   * What is wrong with a path dependency whose directory has no manifest, naming the directory by
   * its absolute path: the path as written is relative to a manifest, or to the workspace root
   * when inherited, which a message read elsewhere would leave open.
   */
  private static String noManifestAt(Path directory) {
    return "the path leads to " + directory + ", which has no Cargo.toml";
  }

  /** The directory of a path dependency, following {@code workspace = true} to its workspace. */
  private static Optional<Path> pathOf(
      Dependency dependency, Path directory, FieldReader fields, Owner owner) {
    DependencySpec spec = dependency.spec();
    if (!spec.inheritsFromWorkspace()) {
      return spec.path().map(path -> RelativePaths.resolve(directory, path));
    }
    DependencySpec inherited =
        owner
            .workspace()
            .map(ws -> ws.dependencies().get(dependency.key()))
            .orElseThrow(
                () ->
                    fields.error(
                        dependencyField(dependency),
                        "`workspace = true`, but `"
                            + dependency.key()
                            + "` is not in [workspace.dependencies]"));
    return inherited.path().map(path -> RelativePaths.resolve(owner.root(), path));
  }

  /** The workspace a package inherits from, and that workspace's root directory. */
  private record Owner(Path root, Optional<WorkspaceSection> workspace) {}

  private static String dependencyField(Dependency dependency) {
    String table =
        dependency
            .platform()
            .map(p -> FieldReader.join("target", p) + "." + dependency.kind().tableName())
            .orElse(dependency.kind().tableName());
    return FieldReader.join(table, dependency.key());
  }

  private boolean belongsToThisWorkspace(
      Path manifestPath, Supplier<? extends RuntimeException> missing) {
    if (!Files.isRegularFile(manifestPath)) {
      throw missing.get();
    }
    Manifest manifest;
    try {
      manifest = Manifest.read(manifestPath, manifestPath.toString());
    } catch (CargoFileException e) {
      warnings.add("not a member, and cannot be read: " + e.getMessage());
      return false;
    }
    return manifest
        .packageSection()
        .flatMap(PackageSection::workspace)
        .map(ws -> RelativePaths.resolve(manifestPath.getParent(), ws).equals(root))
        .orElse(false);
  }

  private boolean isExcluded(Path manifestPath) {
    WorkspaceSection ws = workspace.orElseThrow();
    return WorkspaceExclusion.isExcluded(root, ws.exclude(), ws.members(), manifestPath);
  }

  private Manifest load(Path manifestPath, Supplier<? extends RuntimeException> missing) {
    if (!Files.isRegularFile(manifestPath)) {
      throw missing.get();
    }
    return Manifest.read(manifestPath, RelativePaths.relativize(root, manifestPath));
  }

  /** The members found, as {@link Member}s sorted by directory. */
  ImmutableList<Member> members() {
    Map<String, String> directoriesByName = new HashMap<>();
    List<Member> members = new ArrayList<>();
    for (Map.Entry<Path, Manifest> entry : manifests.entrySet()) {
      if (entry.getValue().isVirtual()) {
        continue;
      }
      Member member = toMember(entry.getKey(), entry.getValue(), thisWorkspace());
      String previous = directoriesByName.put(member.name(), member.directory());
      if (previous != null) {
        throw CargoFileException.inFile(
            member.manifest().file(),
            "two packages named `" + member.name() + "` in this workspace: `" + previous
                + "` and `" + member.directory() + "`",
            null);
      }
      members.add(member);
    }
    members.sort(Comparator.comparing(Member::directory));
    return ImmutableList.copyOf(members);
  }

  /**
   * The packages that members reach through path dependencies (directly or through each other)
   * but that are not members: excluded directories, and packages outside the root. Cargo builds
   * them as local crates. One that cannot be read is left out with a warning.
   */
  ImmutableList<Member> nonMemberPathPackages(ImmutableList<Member> members) {
    Map<String, Member> found = new LinkedHashMap<>();
    Set<String> memberDirectories = new HashSet<>();
    members.forEach(m -> memberDirectories.add(m.directory()));
    List<Member> toVisit = new ArrayList<>(members);
    while (!toVisit.isEmpty()) {
      Member from = toVisit.remove(toVisit.size() - 1);
      for (String dependency : from.pathDependencies()) {
        if (memberDirectories.contains(dependency) || found.containsKey(dependency)) {
          continue;
        }
        Path directory = RelativePaths.resolve(root, dependency);
        Path manifestPath = directory.resolve(Workspace.MANIFEST);
        try {
          Manifest manifest =
              Manifest.read(manifestPath, RelativePaths.relativize(root, manifestPath));
          if (manifest.isVirtual()) {
            throw CargoFileException.inFile(
                manifest.file(), "a path dependency must be a package", null);
          }
          Member member = toMember(manifestPath, manifest, ownerOf(directory));
          found.put(dependency, member);
          toVisit.add(member);
        } catch (CargoFileException e) {
          warnings.add("path dependency left out: " + e.getMessage());
        }
      }
    }
    return found.values().stream()
        .sorted(Comparator.comparing(Member::directory))
        .collect(ImmutableList.toImmutableList());
  }

  private Member toMember(Path manifestPath, Manifest manifest, Owner owner) {
    Path directory = manifestPath.getParent();
    String edition = edition(manifest, owner.workspace());
    FieldReader fields = new FieldReader(manifest.file());
    Set<String> pathDependencies = new TreeSet<>();
    Set<String> buildPathDependencies = new TreeSet<>();
    for (Dependency dependency : manifest.dependencies()) {
      Optional<Path> target = pathOf(dependency, directory, fields, owner);
      if (target.isPresent()) {
        if (!Files.isRegularFile(target.get().resolve(Workspace.MANIFEST))) {
          throw fields.error(
              dependencyField(dependency),
              noManifestAt(target.get()));
        }
        String dependencyDirectory = Member.directoryName(RelativePaths.relativize(root, target.get()));
        pathDependencies.add(dependencyDirectory);
        if (dependency.kind() != DependencyKind.DEV) {
          buildPathDependencies.add(dependencyDirectory);
        }
      }
    }
    return new Member(
        Member.directoryName(RelativePaths.relativize(root, directory)),
        manifest,
        edition,
        TargetDiscovery.discover(manifest, directory, edition),
        ImmutableList.copyOf(pathDependencies),
        ImmutableList.copyOf(buildPathDependencies));
  }

  private Owner thisWorkspace() {
    return new Owner(root, workspace);
  }

  /**
   * The workspace a package that is not a member inherits from: the nearest ancestor directory
   * whose manifest has a {@code [workspace]} (this root, for packages below it).
   */
  private Owner ownerOf(Path packageDirectory) {
    for (Path directory = packageDirectory.getParent();
        directory != null;
        directory = directory.getParent()) {
      if (directory.equals(root)) {
        return thisWorkspace();
      }
      Path candidate = directory.resolve(Workspace.MANIFEST);
      if (Files.isRegularFile(candidate)) {
        Optional<WorkspaceSection> found =
            Manifest.read(candidate, RelativePaths.relativize(root, candidate)).workspace();
        if (found.isPresent()) {
          return new Owner(directory, found);
        }
      }
    }
    return new Owner(packageDirectory, Optional.empty());
  }

  private static String edition(Manifest manifest, Optional<WorkspaceSection> owner) {
    Optional<Inheritable> edition = manifest.packageSection().orElseThrow().edition();
    if (edition.isEmpty()) {
      return "2015";
    }
    if (!edition.get().isFromWorkspace()) {
      return edition.get().literal().orElseThrow();
    }
    return owner
        .flatMap(ws -> ws.packageTable().getString("edition"))
        .orElseThrow(
            () ->
                CargoFileException.atField(
                    manifest.file(),
                    "package.edition",
                    "`edition.workspace = true`, but workspace.package.edition is not set"));
  }

  ImmutableList<String> warnings() {
    return ImmutableList.copyOf(warnings);
  }
}
