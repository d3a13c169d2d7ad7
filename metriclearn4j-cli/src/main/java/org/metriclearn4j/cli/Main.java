package org.metriclearn4j.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code metriclearn4j} command. Exit codes: 0 on success, 2 on bad usage, 1 on
 * failure. Errors are printed to standard error in one line; {@code --verbose} adds the stack
 * trace.
 */
@Command(
    name = "metriclearn4j",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Learn distances from data and use them: kNN, retrieval, evaluation.",
    subcommands = {
      DatasetsCommand.class,
      CompareCommand.class,
      FitCommand.class,
      TransformCommand.class,
      EvaluateCommand.class,
      TrainCommand.class,
      EmbedCommand.class,
      DemoCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.@org.jspecify.annotations.Nullable CommandSpec spec;

  /**
   * Runs the command and exits the JVM with its exit code.
   *
   * @param args command-line arguments
   */
  public static void main(String[] args) {
    System.exit(execute(args, stdout(), stderr()));
  }

  /**
   * Runs the command with the given output streams.
   *
   * @param args command-line arguments
   * @param out standard output
   * @param err standard error
   * @return the exit code
   */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(new OneLineErrors());
    int code = commandLine.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        java.util.Objects.requireNonNull(spec).commandLine(), "a subcommand is required");
  }

  @SuppressWarnings("SystemOut") // the command line's one place that binds to the process's stdout
  private static PrintWriter stdout() {
    return new PrintWriter(
        new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
  }

  @SuppressWarnings("SystemOut") // the command line's one place that binds to the process's stderr
  private static PrintWriter stderr() {
    return new PrintWriter(
        new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
  }
}
