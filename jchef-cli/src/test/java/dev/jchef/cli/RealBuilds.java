package dev.jchef.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jchef.model.testing.Processes;
import dev.jchef.model.testing.TreeCopy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real build on top of a cook, as a Dockerfile's {@code COPY . .} and {@code cargo build} do
 * it, and what the fault tests check of it: which registry crates it compiled and what the program
 * prints.
 */
final class RealBuilds {
  /** The example workspace the fault tests cook. */
  static final Path EXAMPLE = Path.of("..", "examples", "demo-workspace");
  /** What the example's real program prints first; a dummy prints nothing. */
  static final String REAL_OUTPUT = "HELLO, JCHEF!!! WELCOME!!!\n";

  private static final Pattern REGISTRY_UNIT =
      Pattern.compile("\"reason\":\"compiler-artifact\",\"package_id\":\"registry\\+[^#]*#([^@\"]+)@[^\"]*\".*?\"fresh\":false");

  private RealBuilds() {}

  /**
   * Copies the sources over the cooked directory keeping their times (older than the cook, as
   * {@code COPY . .} does), builds, and asserts that no registry crate compiled and the program is
   * the real one; {@code when} says which case failed.
   */
  static void assertRealBuildOnTop(Path sources, Path cooked, Map<String, String> environment, String when) {
    copyTree(sources, cooked);
    Processes.Result build = Processes.run(cooked, environment,
        List.of(environment.getOrDefault("CARGO", "cargo"), "build", "--message-format=json"));
    assertEquals(0, build.exitCode(), build.stderr());
    assertEquals(List.of(), compiledRegistryCrates(build.stdout()), "registry crates rebuilt " + when);
    Path program = cooked.resolve("target/debug/app");
    Processes.Result run = Processes.run(cooked, environment, List.of(program.toString()));
    assertEquals(0, run.exitCode(), run.stderr());
    assertEquals(REAL_OUTPUT, run.stdout().lines().findFirst().orElse("") + "\n", "the real program " + when);
  }

  /** Copies a tree but not its {@code target/}, keeping the files' times. */
  static Path copyTree(Path from, Path to) {
    return TreeCopy.copy(from, to, true);
  }


  private static List<String> compiledRegistryCrates(String messages) {
    TreeSet<String> crates = new TreeSet<>();
    Matcher unit = REGISTRY_UNIT.matcher(messages);
    while (unit.find()) {
      crates.add(unit.group(1));
    }
    return List.copyOf(crates);
  }
}
