package org.metriclearn4j.cli;

import picocli.CommandLine.Option;

/** Options every subcommand accepts. */
final class CommonOptions {
  @Option(
      names = "--verbose",
      description = "Print stack traces of errors and more detail.",
      defaultValue = "false")
  boolean verbose;
}
