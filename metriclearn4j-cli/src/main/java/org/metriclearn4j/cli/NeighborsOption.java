package org.metriclearn4j.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --neighbors} option of the commands that classify with kNN (compare, evaluate, demo).
 */
final class NeighborsOption {
  @Option(
      names = {"-k", "--neighbors"},
      paramLabel = "K",
      defaultValue = "5",
      description = "Neighbours of the kNN classifier (default: ${DEFAULT-VALUE}).")
  int k = 5;
}
