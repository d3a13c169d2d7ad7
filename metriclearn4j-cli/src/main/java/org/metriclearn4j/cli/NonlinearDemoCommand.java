package org.metriclearn4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import java.util.function.DoubleFunction;
import org.jspecify.annotations.Nullable;
import org.knowm.xchart.XYChart;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.data.Synthetic;
import org.metriclearn4j.evaluation.CrossValidationResult;
import org.metriclearn4j.evaluation.Folds;
import org.metriclearn4j.evaluation.StratifiedKFold;
import org.metriclearn4j.kernel.Kernel;
import org.metriclearn4j.kernel.KernelPca;
import org.metriclearn4j.learn.KernelLfda;
import org.metriclearn4j.learn.Lfda;
import org.metriclearn4j.neighbors.KNeighborsClassifier;
import org.metriclearn4j.pipeline.FittedPipeline;
import org.metriclearn4j.pipeline.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Shows that a kernel pipeline separates what a linear metric cannot: on seeded concentric rings
 * and interleaved moons, cross-validated kNN accuracy of plain kNN, LFDA + kNN, kernel PCA (RBF) +
 * LFDA + kNN and kernel LFDA (RBF) + kNN, with the learned embeddings drawn in one figure.
 */
@Command(
    name = "nonlinear",
    mixinStandardHelpOptions = true,
    description = {
      "Kernel versus linear on data no linear map can separate: two concentric rings (radii 1"
          + " and "
          + NonlinearDemoCommand.INNER_RADIUS
          + ") and two interleaved moons, generated"
          + " from --seed.",
      "For each, stratified k-fold cross-validated kNN accuracy of: knn on the raw 2-D points;"
          + " lfda+knn (a linear map to --dim dimensions); kernel-pca+lfda+knn (RBF kernel PCA as"
          + " the first stage, then the same LFDA); kernel-lfda+knn (RBF kernel LFDA to --dim"
          + " dimensions).",
      "RBF width: --gamma, or by default chosen inside each training fold: the median"
          + " heuristic gamma0 = 1/median squared pairwise distance, times the best of"
          + " 0.5, 1, 2, 4, 8, 16 by 3-fold cross-validation on that training fold."
    })
final class NonlinearDemoCommand implements Callable<Integer> {
  static final double INNER_RADIUS = 0.5;
  static final int MIN_SAMPLES = 40;

  @Spec
  @SuppressWarnings("NullAway.Init") // set by picocli before call()
  CommandSpec spec;

  @Mixin CommonOptions common = new CommonOptions();

  @Option(
      names = {"-n", "--samples"},
      paramLabel = "N",
      defaultValue = "300",
      description = "Points per dataset, half per class (default: ${DEFAULT-VALUE}).")
  int samples = 300;

  @Option(
      names = "--noise",
      paramLabel = "SIGMA",
      defaultValue = "0.1",
      description =
          "Standard deviation of the Gaussian noise added to each coordinate"
              + " (default: ${DEFAULT-VALUE}).")
  double noise = 0.1;

  @Option(
      names = "--seed",
      paramLabel = "SEED",
      defaultValue = "0",
      description = "Seed of the data, the folds and the learners (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--folds",
      paramLabel = "K",
      defaultValue = "5",
      description = "Cross-validation folds (default: ${DEFAULT-VALUE}).")
  int folds = 5;

  @Mixin NeighborsOption neighbors = new NeighborsOption();

  @Option(
      names = "--dim",
      paramLabel = "1|2",
      defaultValue = "1",
      description =
          "Dimension of the learned embeddings (default: ${DEFAULT-VALUE}: a linear map is then"
              + " a projection onto a line).")
  int dim = 1;

  @Option(
      names = "--datasets",
      paramLabel = "NAMES",
      split = ",",
      defaultValue = "rings,moons",
      description = "Which datasets, comma-separated: rings, moons (default: ${DEFAULT-VALUE}).")
  List<String> datasetNames = List.of("rings", "moons");

  @Option(
      names = "--gamma",
      paramLabel = "GAMMA",
      description = "A fixed RBF gamma for both kernel pipelines (default: chosen per fold).")
  @Nullable Double gamma;

  @Option(
      names = "--csv",
      paramLabel = "FILE",
      description =
          "Write the per-fold accuracies as CSV (dataset,pipeline,fold,accuracy,rbf_gamma).")
  @Nullable Path csv;

  @Option(
      names = "--figure",
      paramLabel = "FILE.png",
      description =
          "Write a PNG: per dataset the points by class, the LFDA embedding and the two kernel"
              + " embeddings, each fitted on the whole dataset.")
  @Nullable Path figure;

  /** One pipeline of the comparison; {@code kernel} ones take the RBF gamma. */
  private record Entry(String name, String title, boolean kernel, DoubleFunction<Pipeline> make) {}

  @Override
  public Integer call() throws IOException {
    validate();
    PrintWriter out = spec.commandLine().getOut();
    List<Entry> entries = entries();
    StringBuilder csvText = new StringBuilder("dataset,pipeline,fold,accuracy,rbf_gamma\n");
    List<XYChart> panels = new ArrayList<>();
    for (LabeledDataset data : datasets()) {
      out.printf(
          Locale.ROOT,
          "%s: %d points, noise %s, seed %d; %d-fold stratified CV accuracy, kNN k=%d,"
              + " embeddings of dimension %d%n",
          data.name(),
          data.size(),
          noise,
          seed,
          folds,
          neighbors.k,
          dim);
      out.printf(Locale.ROOT, "  %-22s %-17s %s%n", "pipeline", "accuracy", "RBF gamma per fold");
      Folds split = StratifiedKFold.shuffled(folds, seed).split(data);
      for (Entry entry : entries) {
        List<Double> scores = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        List<String> summaries = new ArrayList<>();
        StringJoiner gammas = new StringJoiner(" ");
        for (int f = 0; f < folds; f++) {
          LabeledDataset train = data.subset(split.trainIndices(f));
          LabeledDataset test = data.subset(split.testIndices(f));
          long start = System.nanoTime();
          double g = entry.kernel() ? gammaFor(entry, train) : Double.NaN;
          FittedPipeline fitted = entry.make().apply(g).fit(train);
          seconds.add((System.nanoTime() - start) / 1e9);
          summaries.add(fitted.summary());
          scores.add(fitted.score(test));
          String gammaText = entry.kernel() ? String.format(Locale.ROOT, "%.3g", g) : "";
          if (entry.kernel()) {
            gammas.add(gammaText);
          }
          csvText.append(
              String.format(
                  Locale.ROOT,
                  "%s,%s,%d,%.4f,%s%n",
                  data.name(),
                  entry.name(),
                  f + 1,
                  scores.get(f),
                  gammaText));
        }
        CrossValidationResult result =
            new CrossValidationResult(entry.name(), scores, seconds, summaries);
        out.printf(
            Locale.ROOT,
            "  %-22s %-17s %s%n",
            entry.name(),
            Report.meanStd(result),
            entry.kernel() ? gammas.toString() : "-");
      }
      out.flush();
      if (figure != null) {
        panels.addAll(panels(data, entries));
      }
    }
    if (csv != null) {
      AtomicFiles.write(csv, csvText.toString().getBytes(StandardCharsets.UTF_8));
      out.println("wrote " + csv);
    }
    if (figure != null) {
      ScatterPanels.writePng(panels, entries.size(), figure);
      out.println("wrote " + figure);
    }
    return 0;
  }

  private void validate() {
    if (samples < MIN_SAMPLES) {
      throw usage("--samples: expected an integer >= " + MIN_SAMPLES + ", found " + samples);
    }
    if (!(noise >= 0 && noise <= 1)) {
      throw usage("--noise: expected a value in [0, 1], found " + noise);
    }
    if (folds < 2 || folds > samples / 4) {
      throw usage("--folds: expected an integer in [2, " + samples / 4 + "], found " + folds);
    }
    if (neighbors.k < 1 || neighbors.k > samples / 4) {
      throw usage(
          "--neighbors: expected an integer in [1, " + samples / 4 + "], found " + neighbors.k);
    }
    if (dim != 1 && dim != 2) {
      throw usage("--dim: expected 1 or 2 (the data are 2-D), found " + dim);
    }
    for (String name : datasetNames) {
      if (!name.equals("rings") && !name.equals("moons")) {
        throw usage("--datasets: expected rings and/or moons, found '" + name + "'");
      }
    }
    Double g = gamma;
    if (g != null && !(g > 0 && Double.isFinite(g))) {
      throw usage("--gamma: expected a finite value > 0, found " + g);
    }
    Path f = figure;
    if (f != null && !f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
      throw usage("--figure: expected a file name ending in .png, found '" + f + "'");
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  private List<LabeledDataset> datasets() {
    List<LabeledDataset> data = new ArrayList<>();
    for (String name : datasetNames) {
      data.add(
          name.equals("rings")
              ? Synthetic.concentricRings(samples, INNER_RADIUS, noise, seed)
              : Synthetic.moons(samples, noise, seed));
    }
    return data;
  }

  private List<Entry> entries() {
    KNeighborsClassifier knn = KNeighborsClassifier.builder().k(neighbors.k).build();
    Lfda lfda = Lfda.builder().outputDimension(dim).build();
    return List.of(
        new Entry("knn", "points by class", false, g -> Pipeline.of(knn)),
        new Entry(
            "lfda+knn",
            "LFDA (linear)",
            false,
            g -> Pipeline.builder().add(lfda).classifier(knn).build()),
        new Entry(
            "kernel-pca+lfda+knn",
            "kernel PCA + LFDA",
            true,
            g ->
                Pipeline.builder()
                    .add(KernelPca.builder().kernel(Kernel.rbf(g)).seed(seed).build())
                    .add(lfda)
                    .classifier(knn)
                    .build()),
        new Entry(
            "kernel-lfda+knn",
            "kernel LFDA",
            true,
            g ->
                Pipeline.builder()
                    .add(
                        KernelLfda.builder()
                            .kernel(Kernel.rbf(g))
                            .outputDimension(dim)
                            .seed(seed)
                            .build())
                    .classifier(knn)
                    .build()));
  }

  private double gammaFor(Entry entry, LabeledDataset train) {
    Double g = gamma;
    return g != null ? g : RbfWidth.select(entry.make(), train, seed);
  }

  /** The figure's row for one dataset: the points, then each learned embedding of all of them. */
  private List<XYChart> panels(LabeledDataset data, List<Entry> entries) {
    List<XYChart> row = new ArrayList<>();
    for (Entry entry : entries) {
      String title = data.name() + ": " + entry.title();
      String axis = null;
      double[][] points;
      if (entry.name().equals("knn")) {
        points = data.features();
      } else {
        double g = entry.kernel() ? gammaFor(entry, data) : Double.NaN;
        points = entry.make().apply(g).fit(data).transform(data.features());
        axis =
            entry.kernel()
                ? String.format(Locale.ROOT, "coordinate (RBF gamma %.3g)", g)
                : "coordinate";
      }
      XYChart panel = ScatterPanels.panel(title, points, data.labels(), data.classNames(), seed);
      if (axis != null) {
        panel.setXAxisTitle(dim == 1 ? axis : axis.replace("coordinate", "coordinate 1"));
      }
      panel.getStyler().setLegendVisible(row.isEmpty());
      row.add(panel);
    }
    return row;
  }
}
