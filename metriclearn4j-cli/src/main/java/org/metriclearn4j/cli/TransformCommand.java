package org.metriclearn4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
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

  @Mixin ModelOutputOptions files = new ModelOutputOptions();

  @Option(
      names = {"-i", "--input"},
      paramLabel = "CSV",
      required = true,
      description = "Input CSV.")
  @SuppressWarnings("NullAway.Init") // required option, set by picocli
  Path input;

  @Mixin LabelColumnOption labelColumn = new LabelColumnOption();

  @Override
  public Integer call() throws IOException {
    List<Transform> chain = ModelFiles.loadTransforms(files.model);
    LabeledDataset dataset = CsvDatasetReader.read(input, labelColumn.labelColumn);
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
    double[][] values = rows;
    AtomicFiles.write(
        files.output,
        LabeledCsv.bytes(
            "z",
            values.length,
            values.length == 0 ? 0 : values[0].length,
            (i, j) -> Double.toString(values[i][j]),
            i -> dataset.classNames().get(dataset.label(i))));
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "wrote "
            + rows.length
            + " rows of "
            + (rows.length == 0 ? 0 : rows[0].length)
            + " features to "
            + files.output);
    return 0;
  }
}
