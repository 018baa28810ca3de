package dev.jchef.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code, without exiting. */
  public static int run(String... args) {
    return new CommandLine(new Main()).execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
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
