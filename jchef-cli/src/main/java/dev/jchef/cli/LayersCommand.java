package dev.jchef.cli;

import dev.jchef.cook.BuildProfile;
import dev.jchef.cook.CookOptions;
import dev.jchef.cook.CookRunner;
import dev.jchef.cook.LayerCheck;
import dev.jchef.model.internal.JchefFiles;
import dev.jchef.model.workspace.Member;
import dev.jchef.model.workspace.Workspace;
import dev.jchef.recipe.LayerPlan;
import dev.jchef.recipe.layers.CompileCosts;
import dev.jchef.recipe.layers.LayerPlanCheck;
import dev.jchef.recipe.layers.LayerPlanner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code jchef layers}: plans member layers from the git history, checks a plan, prints the
 * Dockerfile lines for it, and gives the final build step its fixed source times.
 */
@Command(
    name = "layers",
    mixinStandardHelpOptions = true,
    description =
        "Plan member layers for container builds: after a source change, only the layers from the"
            + " changed package on and the final step compile. Without an action, suggests a plan"
            + " from the git history (rarely changed packages first, in dependency order) and prints"
            + " the workspace crates a commit is expected to compile with it and without.")
final class LayersCommand implements Callable<Integer> {
  @Option(names = "--plan", paramLabel = "FILE", defaultValue = LayerPlan.FILE_NAME,
      description = "The plan file, relative to the workspace root (default: ${DEFAULT-VALUE}).")
  String planFile;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Action action;

  @Option(names = "--layers", paramLabel = "N", defaultValue = "3", description = "How many layers to suggest (default: ${DEFAULT-VALUE}).")
  int layers;

  @Option(names = "--history", paramLabel = "N", defaultValue = "200",
      description = "How many first-parent commits to learn from (default: ${DEFAULT-VALUE}).")
  int history;

  @Option(names = "--rev", paramLabel = "REV", defaultValue = "HEAD", description = "The newest commit (default: ${DEFAULT-VALUE}).")
  String revision;

  @Option(names = {"-r", "--release"}, description = "With --dockerfile: the steps build in release mode; with --measure: measure a release build.")
  boolean release;

  @Option(names = "--step-seconds", paramLabel = "S", defaultValue = "2.0",
      description = "The fixed cost of one layer step in seconds: starting jchef and cargo, recompiling the dummies of"
          + " later layers (default: ${DEFAULT-VALUE}, measured on ripgrep 13).")
  double stepSeconds;

  @Option(names = "--measure",
      description = "Weigh packages by their compile times, measured with cargo build --timings (into jchef-measure/"
          + " in the target directory; the first run also compiles the dependencies there), instead of the stand-in"
          + " (the bytes of their .rs files).")
  boolean measure;

  @Mixin GitLocation git;

  @ParentCommand Main main;

  @Spec CommandSpec spec;

  /** What to do instead of suggesting. */
  static final class Action {
    @Option(names = "--write", required = true, description = "Suggest, and write the plan file.")
    boolean write;

    @Option(names = "--check", required = true, description = "Check the plan file against the workspace.")
    boolean check;

    @Option(names = "--dockerfile", required = true,
        description = "Print the Dockerfile lines of the plan file: one COPY and cook step per layer, then the final build.")
    boolean dockerfile;

    @Option(names = "--fix-times", required = true,
        description = "Before a final cargo build that jchef does not run: keep the layer packages' units only where"
            + " their files are the ones they were built from, and set the files' times to match."
            + " `jchef build` does this and also records what cargo builds.")
    boolean fixTimes;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (action != null && action.fixTimes) {
      Path root = main.workingDirectory();
      LayerPlan plan = LayerPlan.read(root.resolve(planFile), planFile);
      LayerCheck check =
          CookRunner.in(root, CookOptions.defaults())
              .withEnvironment(main.environment())
              .withOutput(out, spec.commandLine().getErr(), false)
              .fixLayerTimes(plan);
      out.println("jchef layers: " + check.summary());
      return ExitCode.OK;
    }
    Workspace workspace = Workspace.find(main.workingDirectory());
    Path planPath = workspace.root().resolve(planFile);
    if (action != null && (action.check || action.dockerfile)) {
      LayerPlan plan = LayerPlanCheck.check(LayerPlan.read(planPath, planFile), workspace);
      if (action.check) {
        out.println("jchef layers: " + planFile + " fits the workspace: " + describe(plan));
      } else {
        out.print(dockerfile(plan));
      }
      return ExitCode.OK;
    }
    if (workspace.members().stream().allMatch(m -> m.directory().equals(Member.ROOT))
        && workspace.nonMemberPathDependencies().stream().allMatch(m -> m.directory().startsWith(".."))) {
      out.println("jchef layers: this workspace has no package that can go in a layer (only the root package,"
          + " which the final step builds): member layers do not apply; the dependency layer of jchef cook is all"
          + " there is to cache");
      return ExitCode.OK;
    }
    CompileCosts costs = costs(workspace);
    LayerPlanner.Suggestion suggestion = suggest(workspace, costs);
    out.printf(
        Locale.ROOT, "jchef layers: %s read; changes per package: %s%n", Plural.count(suggestion.commits(), "commit"),
        suggestion.changes().entrySet().stream()
            .sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", ")));
    LayerPlan plan = suggestion.plan();
    if (layers > suggestion.packages()) {
      out.println("jchef layers: --layers " + layers + ": only " + suggestion.packages() + " package"
          + (suggestion.packages() == 1 ? " can" : "s can") + " go in a layer, so the plan has at most that many layers");
    }
    if (plan.layers().isEmpty()) {
      out.println("jchef layers: no plan with layers is expected to be faster with this history and these compile"
          + " times (each layer step costs " + stepSeconds + " s, and what a layer saves is the compile time of"
          + " its packages in the commits that do not change them): build without member layers");
    }
    for (int i = 1; i <= plan.layers().size(); i++) {
      out.println("layer " + i + ": " + String.join(", ", plan.members(i)));
    }
    out.println("final:   " + (plan.finalStep().isEmpty() ? "(none listed)" : String.join(", ", plan.finalStep())));
    workspace.members().stream()
        .filter(m -> m.directory().equals(Member.ROOT))
        .forEach(m -> out.println("         and " + m.name() + ", the root package, which the final step always builds"
            + " (its manifest is the workspace's, so it is never listed)"));
    out.printf(
        Locale.ROOT,
        "expected workspace crates compiled per commit: %.2f with these layers, %.2f without (every package, every commit)%n",
        suggestion.expectedWithPlan(), suggestion.expectedToday());
    out.printf(
        Locale.ROOT,
        "expected seconds of the steps after cook per commit: %.1f with these layers, %.1f without (%s; %.1f s per step)%n",
        suggestion.secondsWithPlan(), suggestion.secondsToday(), costs.source(), costs.stepSeconds());
    if (action != null && action.write) {
      try {
        Files.writeString(planPath, plan.toToml(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + planPath, e);
      }
      out.println("jchef layers: written to " + planPath);
    }
    return ExitCode.OK;
  }

  /** The packages' compile times: measured with --measure, else the stand-in. */
  private CompileCosts costs(Workspace workspace) {
    if (stepSeconds < 0) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--step-seconds must be at least 0");
    }
    if (!measure) {
      return CompileCosts.standIn(workspace, stepSeconds);
    }
    CookOptions options = CookOptions.defaults().withProfile(release ? BuildProfile.RELEASE : BuildProfile.DEV);
    Map<String, Double> byName =
        CookRunner.in(workspace.root(), options)
            .withEnvironment(main.environment())
            .withOutput(spec.commandLine().getOut(), spec.commandLine().getErr(), main.terminal())
            .measureCompileSeconds();
    Map<String, Double> byDirectory = new TreeMap<>();
    workspace.members().forEach(m -> byDirectory.put(m.directory(), byName.getOrDefault(m.name(), 0.0)));
    spec.commandLine().getOut().println(
        "jchef layers: measured compile seconds: "
            + byDirectory.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", ")));
    return new CompileCosts(byDirectory, stepSeconds, "measured by cargo build --timings" + (release ? " --release" : ""));
  }

  private LayerPlanner.Suggestion suggest(Workspace workspace, CompileCosts costs) {
    if (history < 1 || layers < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--history and --layers must be at least 1");
    }
    // With --repo, the history of another tree of the same packages (paths from its root).
    return LayerPlanner.suggest(workspace, git.revision(main.workingDirectory(), workspace.root(), revision), history, layers, costs);
  }

  private static String describe(LayerPlan plan) {
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= plan.layers().size(); i++) {
      text.append("layer ").append(i).append(' ').append(plan.members(i)).append("; ");
    }
    return text.append("final ").append(plan.finalStep()).toString();
  }

  /** The builder stage's lines after cook, for this plan. */
  private String dockerfile(LayerPlan plan) {
    String flags = release ? " --release" : "";
    StringBuilder text = new StringBuilder();
    text.append("# Member layers (").append(planFile).append("): each step is cached while its packages' files are\n")
        .append("# unchanged. The real root manifest is what the packages inherit from.\n")
        .append("COPY ").append(planFile).append(' ').append(planFile).append('\n')
        .append("COPY Cargo.toml " + JchefFiles.WORKSPACE_MANIFEST + "\n");
    for (int i = 1; i <= plan.layers().size(); i++) {
      List<String> members = plan.members(i);
      for (String member : members) {
        text.append("COPY ").append(member).append(' ').append(member).append('\n');
      }
      text.append("RUN jchef cook").append(flags).append(" --layer ").append(i)
          .append(planFile.equals(LayerPlan.FILE_NAME) ? "" : " --layers " + planFile).append('\n');
    }
    text.append("COPY . .\n")
        .append("RUN jchef build").append(flags)
        .append(planFile.equals(LayerPlan.FILE_NAME) ? "" : " --layers " + planFile).append('\n');
    return text.toString();
  }
}
