package org.metriclearn4j.cli;

import picocli.CommandLine.Command;

/** Groups the benchmark commands. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks: accuracy and fit time of every learner on the bundled datasets.",
    subcommands = {BenchClassicCommand.class})
final class BenchCommand implements Runnable {
  @picocli.CommandLine.Spec
  @SuppressWarnings("NullAway.Init") // set by picocli before run()
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "a benchmark is required, e.g. 'bench classic'");
  }
}
