package dev.jchef.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code jchef} command line: {@code jchef prepare} in the planner stage, {@code jchef cook}
 * in the builder stage, as with cargo-chef.
 */
@Command(
    name = "jchef",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description =
        "Cache-friendly Rust builds: prepare a recipe of a Cargo workspace's dependency build"
            + " inputs, then cook it into a dummy project whose build leaves the dependencies"
            + " compiled.")
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final Path workingDirectory;
  private final Map<String, String> environment;
  private final boolean terminal;

  private Main(Path workingDirectory, Map<String, String> environment, boolean terminal) {
    this.workingDirectory = workingDirectory;
    this.environment = Map.copyOf(environment);
    this.terminal = terminal;
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    Main main = new Main(Path.of("").toAbsolutePath(), System.getenv(), System.console() != null);
    int exitCode = main.execute(out, err, args);
    out.flush();
    err.flush();
    System.exit(exitCode);
  }

  /**
   * Runs the command line as if started in {@code workingDirectory} with {@code environment}, not
   * on a terminal, printing to {@code out} and {@code err}; returns the exit code.
   */
  public static int run(
      Path workingDirectory, Map<String, String> environment, PrintWriter out, PrintWriter err,
      String... args) {
    return new Main(workingDirectory.toAbsolutePath(), environment, false).execute(out, err, args);
  }

  /**
   * The subcommands, by name, made only when asked for: picocli reads a command's annotations when
   * it is registered, and reading all of them costs a good part of a short run's time.
   */
  private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

  private static Map<String, Supplier<Object>> subcommands() {
    Map<String, Supplier<Object>> subcommands = new LinkedHashMap<>();
    subcommands.put("prepare", PrepareCommand::new);
    subcommands.put("cook", CookCommand::new);
    subcommands.put("hash", HashCommand::new);
    subcommands.put("diff", DiffCommand::new);
    subcommands.put("history", HistoryCommand::new);
    subcommands.put("layers", LayersCommand::new);
    subcommands.put("build", BuildCommand::new);
    subcommands.put("demo", DemoCommand::new);
    return Collections.unmodifiableMap(subcommands);
  }

  private int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = new CommandLine(this);
    if (args.length > 0 && SUBCOMMANDS.containsKey(args[0])) {
      commandLine.addSubcommand(args[0], SUBCOMMANDS.get(args[0]).get());
    } else {
      SUBCOMMANDS.forEach((name, make) -> commandLine.addSubcommand(name, make.get()));
    }
    return commandLine
        .setOut(out)
        .setErr(err)
        .setExecutionExceptionHandler(new ErrorReporting())
        .setParameterExceptionHandler(Main::usageError)
        .execute(args);
  }

  /**
   * One rule for every wrong command line: the error in one line, picocli's suggestions for a
   * mistyped option, where to find the options, and exit status 2; not the whole usage.
   */
  private static int usageError(CommandLine.ParameterException error, String[] args) {
    CommandLine command = error.getCommandLine();
    PrintWriter err = command.getErr();
    String name = command.getCommandSpec().qualifiedName(" ");
    Optional<String> unknownCommand = unknownCommand(error, command);
    err.println(name + ": " + unknownCommand.map(c -> "unknown command '" + c + "'").orElseGet(() -> problem(error)));
    CommandLine.UnmatchedArgumentException.printSuggestions(error, err);
    err.println("Run '" + name + " --help' for the " + (unknownCommand.isPresent() ? "commands." : "options."));
    return ExitCode.USAGE;
  }

  /** The mistyped command, which picocli reports as an "unmatched argument at index 0". */
  private static Optional<String> unknownCommand(CommandLine.ParameterException error, CommandLine command) {
    if (error instanceof CommandLine.UnmatchedArgumentException unmatched
        && !unmatched.getUnmatched().isEmpty()
        && !unmatched.getUnmatched().get(0).startsWith("-")
        && !command.getSubcommands().isEmpty()) {
      return Optional.of(unmatched.getUnmatched().get(0));
    }
    return Optional.empty();
  }

  /**
   * The problem in the user's terms. picocli reports a mistyped option together with the value
   * after it ({@code --recipe-pth x.json}: two "unknown options"); only the arguments that look
   * like options are named here.
   */
  private static String problem(CommandLine.ParameterException error) {
    if (!(error instanceof CommandLine.UnmatchedArgumentException unmatched)) {
      return error.getMessage();
    }
    List<String> options = unmatched.getUnmatched().stream().filter(argument -> argument.startsWith("-")).toList();
    if (options.isEmpty()) {
      return error.getMessage();
    }
    return (options.size() == 1 ? "Unknown option: '" : "Unknown options: '") + String.join("', '", options) + "'";
  }

  /** The directory the command was started in; relative paths are resolved against it. */
  Path workingDirectory() {
    return workingDirectory;
  }

  /** The environment cargo runs with. */
  Map<String, String> environment() {
    return environment;
  }

  /** Whether standard error is a terminal, where progress redraws one line. */
  boolean terminal() {
    return terminal;
  }

  /** Bare {@code jchef}: a usage error, so the usage goes to standard error, exit status 2. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed: prepare, cook, hash, diff, history, layers, build or demo");
  }

  /** The version Maven wrote into {@code version.properties}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      Properties properties = new Properties();
      try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
        properties.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new String[] {"jchef " + properties.getProperty("version")};
    }
  }
}
