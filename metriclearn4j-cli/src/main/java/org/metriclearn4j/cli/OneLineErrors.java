package org.metriclearn4j.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Prints a failure as one line on standard error ({@code metriclearn4j: error: ...}), with the
 * stack trace only when {@code --verbose} was given, and returns exit code 1.
 */
final class OneLineErrors implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(
      Exception exception, CommandLine commandLine, ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    String message = exception.getMessage();
    if (message == null || message.isBlank()) {
      message = exception.getClass().getSimpleName();
    }
    err.println("metriclearn4j " + commandLine.getCommandName() + ": error: " + oneLine(message));
    if (isVerbose(parseResult)) {
      exception.printStackTrace(err);
    } else {
      err.println("(run with --verbose for details)");
    }
    err.flush();
    return 1;
  }

  private static boolean isVerbose(ParseResult parseResult) {
    ParseResult current = parseResult;
    while (current != null) {
      if (current.hasMatchedOption("--verbose")) {
        return true;
      }
      current = current.subcommand();
    }
    return false;
  }

  private static String oneLine(String message) {
    return message.replace('\n', ' ').replace('\r', ' ');
  }
}
