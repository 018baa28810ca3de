package dev.jchef.cli;

import dev.jchef.recipe.git.GitRevision;
import dev.jchef.recipe.git.RecipeHistory;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code jchef history}: the recipe fingerprint of each of the newest first-parent commits, why it
 * changed where it did, and the hit rate a container build of every commit would get.
 */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description =
        "For the newest first-parent commits: each one's recipe fingerprint, why it changed from"
            + " the commit before (every change with --verbose), and the dependency-layer hit rate"
            + " over them. Reads git directly; nothing is checked out.")
final class HistoryCommand implements Callable<Integer> {
  @Option(names = "-n", paramLabel = "N", defaultValue = "50", description = "How many commits (default: ${DEFAULT-VALUE}).")
  int count;

  @Option(names = "--rev", paramLabel = "REV", defaultValue = "HEAD", description = "The newest commit (default: ${DEFAULT-VALUE}).")
  String revision;

  @Mixin GitLocation git;

  @Option(names = "--bin", paramLabel = "NAME", description = "As prepare --bin; repeatable.")
  List<String> bins = new ArrayList<>();

  @Mixin VerboseOption verbose;

  @ParentCommand Main main;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (count < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "-n " + count + ": give at least 1 commit");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<RecipeHistory.Entry> entries = new ArrayList<>();
    {
      GitRevision newest = git.revision(main.workingDirectory(), revision);
      // The header once there is a history to show: outside a repository, or for a revision that
      // does not exist, the error alone.
      out.println("commit     recipe       layer  why the layer was rebuilt");
      out.flush();
      RecipeHistory.walk(
          newest,
          count,
          bins,
          entry -> {
            entries.add(entry);
            if (main.terminal()) {
              err.print("\r\033[K");
            }
            out.println(
                (entry.commit().substring(0, 10) + " "
                        + entry.fingerprint().map(f -> f.substring(0, 12)).orElse("------------") + " "
                        + (entry.hit() ? "hit  " : "MISS ") + "  " + entry.reason().orElse(""))
                    .strip());
            if (verbose.verbose) {
              entry.change().ifPresent(change -> change.render().lines().forEach(line -> out.println("    " + line)));
            }
            out.flush();
            if (main.terminal() && entries.size() < count) {
              err.print("jchef history: " + entries.size() + " of " + Plural.count(count, "commit"));
              err.flush();
            }
          });
    }
    if (main.terminal()) {
      err.print("\r\033[K");
      err.flush();
    }
    long hits = entries.stream().filter(RecipeHistory.Entry::hit).count();
    out.printf(
        Locale.ROOT,
        "hit rate: %d of %s (%.1f%%) would reuse the dependency layer of the commit before%n",
        hits, Plural.count(entries.size(), "commit"), 100 * RecipeHistory.hitRate(entries));
    return ExitCode.OK;
  }
}
