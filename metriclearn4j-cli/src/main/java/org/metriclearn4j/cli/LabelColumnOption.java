package org.metriclearn4j.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The {@code --label-column} option of the commands that read a CSV file given as input. */
final class LabelColumnOption {
  @Option(
      names = "--label-column",
      paramLabel = "NAME",
      description = "The label column of a CSV file (default: the last column).")
  @Nullable String labelColumn;
}
