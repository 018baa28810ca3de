package dev.jchef.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** One run of the command line in a directory, with what it printed. */
record CommandLineRun(int exitCode, String out, String err) {

  static CommandLineRun in(Path directory, String... args) {
    return in(directory, System.getenv(), args);
  }

  static CommandLineRun in(Path directory, Map<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode =
        Main.run(directory, environment, new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new CommandLineRun(exitCode, out.toString(), err.toString());
  }
}
