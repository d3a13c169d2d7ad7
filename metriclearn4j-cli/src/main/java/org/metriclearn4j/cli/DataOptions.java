package org.metriclearn4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.metriclearn4j.data.BundledDatasets;
import org.metriclearn4j.data.CsvDatasetReader;
import org.metriclearn4j.data.LabeledDataset;
import picocli.CommandLine.Option;

/** Where the data comes from: a bundled dataset by name or a CSV file. */
final class DataOptions {
  @Option(
      names = {"-d", "--dataset"},
      paramLabel = "NAME|CSV",
      defaultValue = "iris",
      description =
          "A bundled dataset (see 'metriclearn4j datasets') or a CSV file with a header row"
              + " (default: ${DEFAULT-VALUE}).")
  String dataset = "iris";

  @Option(
      names = "--label-column",
      paramLabel = "NAME",
      description = "The label column of a CSV file (default: the last column).")
  @Nullable String labelColumn;

  /**
   * Loads the dataset.
   *
   * @return the dataset
   * @throws IllegalArgumentException if it is neither a bundled name nor a readable file
   * @throws java.io.IOException if the file cannot be read
   */
  LabeledDataset load() throws java.io.IOException {
    if (BundledDatasets.contains(dataset)) {
      return BundledDatasets.load(dataset);
    }
    Path path = Path.of(dataset);
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException(
          "--dataset: expected a bundled dataset ("
              + String.join(", ", BundledDatasets.names())
              + ") or an existing CSV file, found '"
              + dataset
              + "'");
    }
    return CsvDatasetReader.read(path, labelColumn);
  }
}
