package org.metriclearn4j.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The saved model a command applies and the CSV file it writes (transform, embed). */
final class ModelOutputOptions {
  @Option(
      names = {"-m", "--model"},
      paramLabel = "FILE",
      required = true,
      description =
          "The saved model: a model file from 'fit --output' (transform) or the JSON sidecar"
              + " from 'train --output' (embed).")
  @SuppressWarnings("NullAway.Init") // required option, set by picocli
  Path model;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "CSV",
      required = true,
      description = "Where to write the CSV (written whole or not at all).")
  @SuppressWarnings("NullAway.Init") // required option, set by picocli
  Path output;
}
