package org.metriclearn4j.cli;

import picocli.CommandLine.Command;

/** Groups the benchmark commands. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Benchmarks: classic learners on the bundled datasets; deep metric learning on digits.",
    subcommands = {BenchClassicCommand.class, BenchDeepCommand.class})
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
