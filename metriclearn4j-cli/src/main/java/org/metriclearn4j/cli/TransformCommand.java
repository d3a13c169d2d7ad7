package org.metriclearn4j.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.metriclearn4j.data.CsvDatasetReader;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.io.ModelFiles;
import org.metriclearn4j.transform.Transform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Applies a saved model to the rows of a CSV file and writes the transformed rows. */
@Command(
    name = "transform",
    mixinStandardHelpOptions = true,
    description = {
      "Apply a saved model (from 'fit') to a CSV file and write the transformed features.",
      "The input needs the same feature columns as the training data and a label column,"
          + " which is copied to the output."
    })
final class TransformCommand implements Callable<Integer> {
  @Spec
  @SuppressWarnings("NullAway.Init") // set by picocli before call()
  CommandSpec spec;

  @Mixin CommonOptions common = new CommonOptions();

  @Option(
      names = {"-m", "--model"},
      paramLabel = "FILE",
      required = true,
      description = "Model file.")
  @SuppressWarnings("NullAway.Init") // required option, set by picocli
  Path model;

  @Option(
      names = {"-i", "--input"},
      paramLabel = "CSV",
      required = true,
      description = "Input CSV.")
  @SuppressWarnings("NullAway.Init") // required option, set by picocli
  Path input;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "CSV",
      required = true,
      description = "Output CSV (written atomically).")
  @SuppressWarnings("NullAway.Init") // required option, set by picocli
  Path output;

  @Option(
      names = "--label-column",
      paramLabel = "NAME",
      description = "Label column of the input (default: the last column).")
  @Nullable String labelColumn;

  @Override
  public Integer call() throws IOException {
    List<Transform> chain = ModelFiles.loadTransforms(model);
    LabeledDataset dataset = CsvDatasetReader.read(input, labelColumn);
    int expected = chain.get(0).inputDimension();
    if (dataset.dimension() != expected) {
      throw new IllegalArgumentException(
          "--input: the model expects "
              + expected
              + " feature columns, found "
              + dataset.dimension()
              + " in "
              + input);
    }
    double[][] rows = dataset.features();
    for (Transform transform : chain) {
      rows = transform.transform(rows);
    }
    writeCsv(rows, dataset);
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "wrote "
            + rows.length
            + " rows of "
            + (rows.length == 0 ? 0 : rows[0].length)
            + " features to "
            + output);
    return 0;
  }

  private void writeCsv(double[][] rows, LabeledDataset dataset) throws IOException {
    Path absolute = output.toAbsolutePath();
    Path directory = absolute.getParent();
    Path temp = Files.createTempFile(directory, absolute.getFileName().toString(), ".tmp");
    try {
      try (BufferedWriter writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        int k = rows.length == 0 ? 0 : rows[0].length;
        StringBuilder header = new StringBuilder();
        for (int j = 0; j < k; j++) {
          header.append('z').append(j).append(',');
        }
        writer.write(header.append("label").append('\n').toString());
        for (int i = 0; i < rows.length; i++) {
          StringBuilder line = new StringBuilder();
          for (double v : rows[i]) {
            line.append(v).append(',');
          }
          line.append(dataset.classNames().get(dataset.label(i))).append('\n');
          writer.write(line.toString());
        }
      }
      Files.move(
          temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
