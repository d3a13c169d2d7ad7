package org.metriclearn4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.metriclearn4j.data.BundledDatasets;
import org.metriclearn4j.data.CsvDatasetReader;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.deep.DjlRuntime;
import org.metriclearn4j.deep.data.MnistDatasets;
import org.metriclearn4j.deep.data.TensorDataset;
import org.metriclearn4j.deep.model.EmbeddingModel;
import org.metriclearn4j.deep.model.EmbeddingModelFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Applies a saved embedding model to a dataset and writes the embeddings as CSV. */
@Command(
    name = "embed",
    mixinStandardHelpOptions = true,
    description = {
      "Apply an embedding model saved by 'train --output' to a CSV file, a bundled dataset or"
          + " mnist-test, and write the embeddings as CSV (header e0..e(k-1),label)."
    })
final class EmbedCommand implements Callable<Integer> {
  static final String MNIST_TEST = "mnist-test";

  @Spec
  @SuppressWarnings("NullAway.Init") // set by picocli before call()
  CommandSpec spec;

  @Mixin CommonOptions common = new CommonOptions();

  @Mixin ModelOutputOptions files = new ModelOutputOptions();

  @Option(
      names = {"-i", "--input"},
      paramLabel = "CSV|NAME|mnist-test",
      required = true,
      description =
          "A CSV file with a header row and raw (unpreprocessed) features, a bundled dataset, or"
              + " mnist-test (the 10,000 MNIST test images).")
  @SuppressWarnings("NullAway.Init") // required option, set by picocli
  String input;

  @Mixin LabelColumnOption labelColumn = new LabelColumnOption();

  @Override
  public Integer call() throws IOException {
    DjlRuntime.ensureOffline();
    PrintWriter out = spec.commandLine().getOut();
    if (!Files.isRegularFile(files.model)) {
      throw new IllegalArgumentException(
          "--model: expected an existing model file (.json), found '" + files.model + "'");
    }
    float[][] embeddings;
    String[] labels;
    try (EmbeddingModel embedder = EmbeddingModelFiles.load(files.model)) {
      if (input.equals(MNIST_TEST)) {
        TensorDataset test = MnistDatasets.mnist(MnistDatasets.Split.TEST);
        checkWidth(embedder, test.featureSize());
        if (!test.preprocessing().equals(embedder.preprocessing())) {
          throw new IllegalArgumentException(
              "--input: the model expects preprocessing '"
                  + embedder.preprocessing().description()
                  + "', mnist-test has '"
                  + test.preprocessing().description()
                  + "'");
        }
        embeddings = embedder.embed(test);
        labels = new String[test.size()];
        for (int i = 0; i < labels.length; i++) {
          labels[i] = Integer.toString(test.label(i));
        }
      } else {
        LabeledDataset data = read();
        checkWidth(embedder, data.dimension());
        double[][] rows = embedder.embed(data.features());
        embeddings = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
          embeddings[i] = new float[rows[i].length];
          for (int j = 0; j < rows[i].length; j++) {
            embeddings[i][j] = (float) rows[i][j];
          }
        }
        List<String> names = data.classNames();
        int[] y = data.labels();
        labels = new String[y.length];
        for (int i = 0; i < y.length; i++) {
          labels[i] = names.get(y[i]);
        }
      }
      float[][] values = embeddings;
      String[] names = labels;
      AtomicFiles.write(
          files.output,
          LabeledCsv.bytes(
              "e",
              values.length,
              embedder.embeddingDim(),
              (i, j) -> Float.toString(values[i][j]),
              i -> names[i]));
      out.println(
          "embedded "
              + embeddings.length
              + " samples of "
              + input
              + " into "
              + embedder.embeddingDim()
              + " dimensions with "
              + embedder.network()
              + "; wrote "
              + files.output);
    }
    return 0;
  }

  private LabeledDataset read() throws IOException {
    if (BundledDatasets.contains(input)) {
      return BundledDatasets.load(input);
    }
    Path path = Path.of(input);
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException(
          "--input: expected mnist-test, a bundled dataset ("
              + String.join(", ", BundledDatasets.names())
              + ") or an existing CSV file, found '"
              + input
              + "'");
    }
    return CsvDatasetReader.read(path, labelColumn.labelColumn);
  }

  private void checkWidth(EmbeddingModel embedder, int width) {
    if (width != embedder.inputSize()) {
      throw new IllegalArgumentException(
          "--input: the model expects "
              + embedder.inputSize()
              + " features per sample, "
              + input
              + " has "
              + width);
    }
  }
}
