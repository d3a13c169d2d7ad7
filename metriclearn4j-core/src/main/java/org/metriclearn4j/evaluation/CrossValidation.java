package org.metriclearn4j.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.pipeline.FittedPipeline;
import org.metriclearn4j.pipeline.Pipeline;

/**
 * K-fold cross-validation of a {@link Pipeline}: for each fold, the whole pipeline is fitted on the
 * other folds and scored (accuracy) on that fold. Folds run one after the other; the learners
 * parallelise inside.
 */
public final class CrossValidation {
  private CrossValidation() {}

  /**
   * Cross-validates a pipeline.
   *
   * @param pipeline the pipeline, refitted from scratch on each training fold
   * @param data the dataset the folds index
   * @param folds the test fold of every sample of {@code data}
   * @return per-fold accuracy, fit time and fitted-pipeline summary
   * @throws IllegalArgumentException if the folds are for another number of samples, or a fold's
   *     fit fails (the message names the fold)
   */
  public static CrossValidationResult evaluate(
      Pipeline pipeline, LabeledDataset data, Folds folds) {
    if (folds.size() != data.size()) {
      throw new IllegalArgumentException(
          "folds: expected an assignment of the "
              + data.size()
              + " samples of '"
              + data.name()
              + "', found one of "
              + folds.size()
              + " samples");
    }
    List<Double> scores = new ArrayList<>();
    List<Double> seconds = new ArrayList<>();
    List<String> summaries = new ArrayList<>();
    for (int f = 0; f < folds.numFolds(); f++) {
      LabeledDataset train = data.subset(folds.trainIndices(f));
      LabeledDataset test = data.subset(folds.testIndices(f));
      long start = System.nanoTime();
      FittedPipeline fitted;
      try {
        fitted = pipeline.fit(train);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("fold " + f + ": " + e.getMessage(), e);
      }
      seconds.add((System.nanoTime() - start) / 1e9);
      scores.add(fitted.score(test));
      summaries.add(fitted.summary());
    }
    return new CrossValidationResult(pipeline.name(), scores, seconds, summaries);
  }
}
