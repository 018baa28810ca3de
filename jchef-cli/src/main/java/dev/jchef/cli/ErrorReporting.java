package dev.jchef.cli;

import dev.jchef.cook.CookException;
import dev.jchef.model.CargoFileException;
import dev.jchef.recipe.RecipeException;
import dev.jchef.skeleton.SkeletonRefusedException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * Turns a failed command into one line on standard error naming the file, line or field, and an
 * exit code: cargo's own when cargo failed, else {@link ExitCode#FAILED}; the stack trace only
 * with {@code --verbose}. Errors jchef does not expect keep their stack trace.
 */
final class ErrorReporting implements CommandLine.IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(
      Exception exception, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    boolean expected =
        exception instanceof CargoFileException
            || exception instanceof RecipeException
            || exception instanceof SkeletonRefusedException
            || exception instanceof CookException
            || exception instanceof UncheckedIOException;
    commandLine.getErr().println("jchef " + commandLine.getCommandName() + ": " + exception.getMessage());
    if (!expected || isVerbose(parseResult)) {
      exception.printStackTrace(commandLine.getErr());
    }
    return exception instanceof CookException cook ? cook.exitCode() : ExitCode.FAILED;
  }

  private static boolean isVerbose(CommandLine.ParseResult parseResult) {
    for (CommandLine.ParseResult result = parseResult; result != null; result = result.subcommand()) {
      if (result.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }
}
