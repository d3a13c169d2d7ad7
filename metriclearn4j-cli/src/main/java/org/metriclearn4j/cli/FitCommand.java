package org.metriclearn4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.io.ModelFiles;
import org.metriclearn4j.learn.SupervisedMetricLearner;
import org.metriclearn4j.metric.FitSummary;
import org.metriclearn4j.metric.MahalanobisMetric;
import org.metriclearn4j.transform.StandardScaler;
import org.metriclearn4j.transform.Transform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Learns a metric on a whole dataset and saves it (with its preprocessing) as a model file. */
@Command(
    name = "fit",
    mixinStandardHelpOptions = true,
    description = "Learn a metric on a dataset and save it as a versioned JSON model file.")
final class FitCommand implements Callable<Integer> {
  @Spec
  @SuppressWarnings("NullAway.Init") // set by picocli before call()
  CommandSpec spec;

  @Mixin CommonOptions common = new CommonOptions();
  @Mixin DataOptions data = new DataOptions();
  @Mixin LearnerOption learner = new LearnerOption();

  @Option(
      names = "--seed",
      paramLabel = "SEED",
      defaultValue = "0",
      description = "Seed of the learner (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--standardize",
      defaultValue = "false",
      description = "Standardise features first; the scaler is saved in the model file too.")
  boolean standardize;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      required = true,
      description = "Where to write the model (JSON).")
  @SuppressWarnings("NullAway.Init") // required option, set by picocli
  Path output;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    LabeledDataset dataset = data.load();
    List<Transform> chain = new ArrayList<>();
    LabeledDataset training = dataset;
    if (standardize) {
      Transform scaler = StandardScaler.create().fit(training);
      chain.add(scaler);
      training = training.withFeatures(scaler.transform(training.features()));
    }
    SupervisedMetricLearner metricLearner = LearnerCatalog.create(learner.name, seed);
    long start = System.nanoTime();
    MahalanobisMetric metric = metricLearner.fit(training);
    double seconds = (System.nanoTime() - start) / 1e9;
    chain.add(metric);
    ModelFiles.saveTransforms(output, chain);
    FitSummary summary = metric.fitSummary();
    out.println(
        String.format(
            Locale.ROOT,
            "%s on %s: %d -> %d dimensions, %d iterations, %s, objective %.6g, %.3f s",
            metricLearner.name(),
            dataset,
            metric.inputDimension(),
            metric.outputDimension(),
            summary.iterations(),
            summary.converged() ? "converged" : "NOT converged (iteration limit)",
            summary.objective(),
            seconds));
    out.println("saved " + chain.size() + " transform(s) to " + output);
    return 0;
  }
}
