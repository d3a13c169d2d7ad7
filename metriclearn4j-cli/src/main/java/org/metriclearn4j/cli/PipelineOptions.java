package org.metriclearn4j.cli;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.metriclearn4j.learn.SupervisedMetricLearner;
import org.metriclearn4j.neighbors.KNeighborsClassifier;
import org.metriclearn4j.neighbors.KNeighborsClassifier.Weights;
import org.metriclearn4j.pipeline.Pipeline;
import org.metriclearn4j.transform.StandardScaler;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The kNN classifier and preprocessing shared by compare and evaluate. */
final class PipelineOptions {
  @Mixin NeighborsOption neighbors = new NeighborsOption();

  @Option(
      names = "--weights",
      paramLabel = "uniform|distance",
      defaultValue = "uniform",
      description = "kNN vote weights (default: ${DEFAULT-VALUE}).")
  String weights = "uniform";

  @Option(
      names = "--standardize",
      defaultValue = "false",
      description = "Standardise features (fitted on each training fold) before anything else.")
  boolean standardize;

  KNeighborsClassifier classifier() {
    Weights w =
        switch (weights.toLowerCase(Locale.ROOT)) {
          case "uniform" -> Weights.UNIFORM;
          case "distance" -> Weights.DISTANCE;
          default ->
              throw new IllegalArgumentException(
                  "--weights: expected 'uniform' or 'distance', found '" + weights + "'");
        };
    if (neighbors.k < 1) {
      throw new IllegalArgumentException("--neighbors: expected >= 1, found " + neighbors.k);
    }
    return KNeighborsClassifier.builder().k(neighbors.k).weights(w).build();
  }

  /**
   * Returns the pipeline: optional scaler, optional metric learner, kNN.
   *
   * @param learner the metric learner, or null for plain kNN
   * @return the pipeline
   */
  Pipeline pipeline(@Nullable SupervisedMetricLearner learner) {
    Pipeline.Builder builder = Pipeline.builder();
    if (standardize) {
      builder.add(StandardScaler.create());
    }
    if (learner != null) {
      builder.add(learner);
    }
    return builder.classifier(classifier()).build();
  }

  String describe() {
    return "kNN k="
        + neighbors.k
        + " "
        + weights
        + (standardize ? ", standardised" : ", raw features");
  }
}
