package org.metriclearn4j.cli;

import java.util.function.DoubleFunction;
import org.ejml.data.DMatrixRMaj;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.evaluation.CrossValidation;
import org.metriclearn4j.evaluation.Folds;
import org.metriclearn4j.evaluation.StratifiedKFold;
import org.metriclearn4j.linalg.Kernels;
import org.metriclearn4j.pipeline.Pipeline;

/**
 * Chooses the width of an RBF kernel {@code exp(-gamma ||x - y||^2)} from training data only.
 *
 * <p>The rule: start from the median heuristic {@code gamma0 = 1 / median ||x_i - x_j||^2} (over
 * the pairs of at most {@value #MEDIAN_ROWS} training rows), try {@code gamma = m * gamma0} for
 * {@code m} in {@link #MULTIPLES}, score each by {@value #INNER_FOLDS}-fold stratified
 * cross-validation of the whole pipeline on the training data, and keep the best (the widest
 * kernel, i.e. the smallest gamma, among equal scores). Run inside each outer training fold, it
 * never sees the outer test fold.
 */
final class RbfWidth {
  /** The multiples of the median-heuristic gamma that are tried, widest kernel first. */
  static final double[] MULTIPLES = {0.5, 1, 2, 4, 8, 16};

  /** Folds of the inner cross-validation. */
  static final int INNER_FOLDS = 3;

  /** Largest number of rows whose pairwise distances give the median. */
  static final int MEDIAN_ROWS = 1000;

  private RbfWidth() {}

  /**
   * Returns the median-heuristic gamma {@code 1 / median ||x_i - x_j||^2}.
   *
   * @param data the training data (its first {@value #MEDIAN_ROWS} rows are used)
   * @return gamma, finite and positive
   * @throws IllegalArgumentException if all pairwise distances are zero
   */
  static double medianHeuristic(LabeledDataset data) {
    int n = Math.min(data.size(), MEDIAN_ROWS);
    double[][] rows = new double[n][];
    for (int i = 0; i < n; i++) {
      rows[i] = data.row(i);
    }
    DMatrixRMaj x = Kernels.toMatrix(rows);
    DMatrixRMaj d2 = Kernels.squaredDistances(x, x);
    double[] pairs = new double[n * (n - 1) / 2];
    int p = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        pairs[p++] = Math.max(0, d2.get(i, j));
      }
    }
    double median = Report.median(pairs);
    if (!(median > 0)) {
      throw new IllegalArgumentException(
          "data: the median heuristic needs distinct points, found a median squared distance of "
              + median);
    }
    return 1 / median;
  }

  /**
   * Chooses gamma for a pipeline by the rule of the class comment.
   *
   * @param pipeline the pipeline for a given gamma
   * @param train the training data
   * @param seed the seed of the inner folds
   * @return the chosen gamma
   */
  static double select(DoubleFunction<Pipeline> pipeline, LabeledDataset train, long seed) {
    double gamma0 = medianHeuristic(train);
    Folds inner = StratifiedKFold.shuffled(INNER_FOLDS, seed).split(train);
    double best = Double.NEGATIVE_INFINITY;
    double chosen = gamma0;
    for (double multiple : MULTIPLES) {
      double gamma = multiple * gamma0;
      double score = CrossValidation.evaluate(pipeline.apply(gamma), train, inner).mean();
      if (score > best) {
        best = score;
        chosen = gamma;
      }
    }
    return chosen;
  }
}
