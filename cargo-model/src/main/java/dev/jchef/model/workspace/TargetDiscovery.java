package dev.jchef.model.workspace;

import com.google.common.collect.ImmutableList;
import dev.jchef.model.TargetKind;
import dev.jchef.model.internal.RelativePaths;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Discovers a package's targets exactly as Cargo does ("Cargo Targets" in the Cargo reference,
 * <a href="https://doc.rust-lang.org/cargo/reference/cargo-targets.html#target-auto-discovery">target
 * auto-discovery</a>): the conventional files ({@code src/lib.rs}, {@code src/main.rs},
 * {@code src/bin/*.rs}, {@code src/bin/*}{@code /main.rs}, and the same two patterns in
 * {@code examples/}, {@code tests/}, {@code benches/}), explicit tables with path inference, the
 * {@code auto*} switches, the 2015 edition's rule that any explicit table of a kind turns that
 * kind's discovery off, and the build script. Only file names are looked at, never contents.
 */
final class TargetDiscovery {
  private static final String EDITION_2015 = "2015";

  private final Manifest manifest;
  private final PackageSection pkg;
  private final Path packageDir;
  private final boolean edition2015;
  private final FieldReader fields;

  private TargetDiscovery(Manifest manifest, PackageSection pkg, Path packageDir, String edition) {
    this.manifest = manifest;
    this.pkg = pkg;
    this.packageDir = packageDir;
    this.edition2015 = edition.equals(EDITION_2015);
    this.fields = new FieldReader(manifest.file());
  }

  /**
   * The targets of the package in {@code packageDir}, in {@link Target#RECIPE_ORDER}.
   *
   * @param edition the package's effective edition, after workspace inheritance
   */
  static ImmutableList<Target> discover(Manifest manifest, Path packageDir, String edition) {
    PackageSection pkg =
        manifest
            .packageSection()
            .orElseThrow(() -> new IllegalArgumentException("a virtual manifest has no targets"));
    return new TargetDiscovery(manifest, pkg, packageDir, edition).discover();
  }

  private ImmutableList<Target> discover() {
    List<Target> targets = new ArrayList<>();
    Optional<Target> lib = lib();
    lib.ifPresent(targets::add);
    targets.addAll(
        targets(
            TargetKind.BIN,
            "bin",
            manifest.bins(),
            pkg.autobins(),
            inferredBins(),
            declared -> legacyBinPath(declared, lib.isPresent())));
    targets.addAll(
        targets(
            TargetKind.EXAMPLE,
            "example",
            manifest.examples(),
            pkg.autoexamples(),
            inferFromDirectory("examples"),
            declared -> Optional.empty()));
    targets.addAll(
        targets(
            TargetKind.TEST,
            "test",
            manifest.tests(),
            pkg.autotests(),
            inferFromDirectory("tests"),
            declared -> Optional.empty()));
    targets.addAll(
        targets(
            TargetKind.BENCH,
            "bench",
            manifest.benches(),
            pkg.autobenches(),
            inferFromDirectory("benches"),
            this::legacyBenchPath));
    targets.addAll(buildScripts());
    return targets.stream().sorted(Target.RECIPE_ORDER).collect(ImmutableList.toImmutableList());
  }

  private Optional<Target> lib() {
    Optional<TargetDeclaration> declared = manifest.lib();
    Optional<String> inferred = exists("src/lib.rs") ? Optional.of("src/lib.rs") : Optional.empty();
    if (declared.isEmpty()
        && (pkg.autolib().equals(Optional.of(false)) || inferred.isEmpty())) {
      return Optional.empty();
    }
    TargetDeclaration lib = declared.orElseGet(() -> declarationAt(inferred.get()));
    String name = lib.name().orElse(pkg.name().replace('-', '_'));
    if (name.isBlank()) {
      throw fields.error("lib.name", "library target names cannot be empty");
    }
    if (name.contains("-")) {
      throw fields.error("lib.name", "library target names cannot contain hyphens: " + name);
    }
    String path =
        lib.path()
            .or(() -> inferred)
            .or(() -> edition2015 ? existing("src/" + name + ".rs") : Optional.empty())
            .orElseThrow(
                () ->
                    fields.error(
                        "lib",
                        "can't find library `"
                            + name
                            + "`, rename file to `src/lib.rs` or specify lib.path"));
    ImmutableList<String> crateTypes;
    if (lib.crateTypes().isPresent() && lib.crateTypes().get().contains("proc-macro")) {
      crateTypes = ImmutableList.of("proc-macro");
    } else if (lib.crateTypes().isPresent()) {
      crateTypes = lib.crateTypes().get();
    } else if (lib.procMacro().orElse(false)) {
      crateTypes = ImmutableList.of("proc-macro");
    } else {
      crateTypes = ImmutableList.of("lib");
    }
    return Optional.of(
        new Target(
            TargetKind.LIB,
            name,
            RelativePaths.normalize(path),
            crateTypes,
            lib.harness().orElse(true),
            lib.requiredFeatures()));
  }

  /**
   * Combines the declared targets of one kind with the discovered ones, as Cargo's
   * {@code toml_targets_and_inferred} does: a discovered target is added unless a declared one
   * has its name or path, and only when discovery is on for the kind.
   */
  private List<Target> targets(
      TargetKind kind,
      String section,
      ImmutableList<TargetDeclaration> declared,
      Optional<Boolean> autodiscover,
      List<Inferred> inferred,
      Function<TargetDeclaration, Optional<String>> legacyPath) {
    List<TargetDeclaration> combined = new ArrayList<>(declared);
    boolean sectionWritten = manifest.document().containsKey(section);
    if (!sectionWritten) {
      if (!autodiscover.equals(Optional.of(false))) {
        inferred.forEach(i -> combined.add(declarationAt(i.name(), i.path())));
      }
    } else if (autodiscover.orElse(!edition2015)) {
      Set<String> names = new HashSet<>();
      Set<String> paths = new HashSet<>();
      for (TargetDeclaration target : declared) {
        target.name().ifPresent(names::add);
        target.path().map(RelativePaths::normalize).ifPresent(paths::add);
      }
      for (Inferred candidate : inferred) {
        if (!names.contains(candidate.name()) && !paths.contains(candidate.path())) {
          combined.add(declarationAt(candidate.name(), candidate.path()));
        }
      }
    }
    List<Target> result = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < combined.size(); i++) {
      TargetDeclaration target = combined.get(i);
      String field = i < declared.size() ? section + "[" + i + "]" : section;
      String name =
          target
              .name()
              .orElseThrow(() -> fields.error(field, section + " target name is required"));
      if (name.isBlank()) {
        throw fields.error(field, section + " target names cannot be empty");
      }
      if (!seen.add(name)) {
        throw fields.error(
            field,
            "found duplicate " + section + " name " + name + ", but all " + section
                + " targets must have a unique name");
      }
      String path =
          target.path().orElseGet(() -> inferPath(section, field, name, inferred, legacyPath, target));
      ImmutableList<String> crateTypes =
          kind == TargetKind.EXAMPLE
              ? target.crateTypes().orElse(ImmutableList.of())
              : ImmutableList.of();
      result.add(
          new Target(
              kind,
              name,
              RelativePaths.normalize(path),
              crateTypes,
              target.harness().orElse(true),
              target.requiredFeatures()));
    }
    return result;
  }

  private String inferPath(
      String section,
      String field,
      String name,
      List<Inferred> inferred,
      Function<TargetDeclaration, Optional<String>> legacyPath,
      TargetDeclaration target) {
    List<String> matching =
        inferred.stream().filter(i -> i.name().equals(name)).map(Inferred::path).toList();
    if (matching.size() == 1) {
      return matching.get(0);
    }
    Optional<String> legacy = edition2015 ? legacyPath.apply(target) : Optional.empty();
    if (legacy.isPresent()) {
      return legacy.get();
    }
    if (matching.isEmpty()) {
      throw fields.error(
          field,
          "can't find `" + name + "` " + section + "; specify " + section
              + ".path if you want to use a non-default path");
    }
    throw fields.error(
        field,
        "cannot infer path for `" + name + "` " + section + ": found both `" + matching.get(0)
            + "` and `" + matching.get(1) + "`");
  }

  private List<Inferred> inferredBins() {
    List<Inferred> result = new ArrayList<>();
    if (exists("src/main.rs")) {
      result.add(new Inferred(pkg.name(), "src/main.rs"));
    }
    result.addAll(inferFromDirectory("src/bin"));
    return result;
  }

  /** {@code dir/*.rs} by file stem, and {@code dir/NAME/main.rs} by directory name. */
  private List<Inferred> inferFromDirectory(String relativeDir) {
    List<Path> entries = Directories.sortedEntries(RelativePaths.resolve(packageDir, relativeDir));
    List<Inferred> result = new ArrayList<>();
    for (Path entry : entries) {
      String fileName = entry.getFileName().toString();
      if (fileName.startsWith(".")) {
        continue;
      }
      if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
        if (Files.exists(entry.resolve("main.rs"))) {
          result.add(new Inferred(fileName, relativeDir + "/" + fileName + "/main.rs"));
        }
      } else if (fileName.endsWith(".rs")) {
        result.add(
            new Inferred(fileName.substring(0, fileName.length() - 3), relativeDir + "/" + fileName));
      }
    }
    return result;
  }

  /** The 2015 edition's fallbacks for a {@code [[bin]]} without a path. */
  private Optional<String> legacyBinPath(TargetDeclaration bin, boolean hasLib) {
    String name = bin.name().orElseThrow();
    if (!hasLib && exists("src/" + name + ".rs")) {
      return Optional.of("src/" + name + ".rs");
    }
    return existing("src/main.rs").or(() -> existing("src/bin/main.rs"));
  }

  /** The 2015 edition's fallback for a {@code [[bench]]} named {@code bench}. */
  private Optional<String> legacyBenchPath(TargetDeclaration bench) {
    return bench.name().orElseThrow().equals("bench") ? existing("src/bench.rs") : Optional.empty();
  }

  private List<Target> buildScripts() {
    BuildSetting build = pkg.build();
    List<String> scripts =
        build.automatic()
            ? (Files.isRegularFile(RelativePaths.resolve(packageDir, BuildSetting.DEFAULT_SCRIPT))
                ? List.of(BuildSetting.DEFAULT_SCRIPT)
                : List.of())
            : build.scripts();
    List<Target> result = new ArrayList<>();
    for (String script : scripts) {
      String path = RelativePaths.normalize(script);
      String fileName = path.substring(path.lastIndexOf('/') + 1);
      int dot = fileName.lastIndexOf('.');
      String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
      if (stem.isEmpty()) {
        throw fields.error("package.build", "invalid `package.build` file name");
      }
      result.add(
          new Target(
              TargetKind.BUILD_SCRIPT,
              "build-script-" + stem,
              path,
              ImmutableList.of(),
              true,
              ImmutableList.of()));
    }
    return result;
  }

  private boolean exists(String relativePath) {
    return Files.exists(RelativePaths.resolve(packageDir, relativePath));
  }

  private Optional<String> existing(String relativePath) {
    return exists(relativePath) ? Optional.of(relativePath) : Optional.empty();
  }

  private static TargetDeclaration declarationAt(String path) {
    return new TargetDeclaration(
        Optional.empty(),
        Optional.of(path),
        Optional.empty(),
        ImmutableList.of(),
        Optional.empty(),
        Optional.empty());
  }

  private static TargetDeclaration declarationAt(String name, String path) {
    TargetDeclaration atPath = declarationAt(path);
    return new TargetDeclaration(
        Optional.of(name),
        atPath.path(),
        atPath.harness(),
        atPath.requiredFeatures(),
        atPath.crateTypes(),
        atPath.procMacro());
  }

  /** A target found by its file's name. */
  private record Inferred(String name, String path) {}
}
