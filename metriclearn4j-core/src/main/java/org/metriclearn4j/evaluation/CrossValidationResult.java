package org.metriclearn4j.evaluation;

import java.util.List;

/**
 * The outcome of a cross-validation: per fold, the test accuracy, the time taken to fit the
 * pipeline and a one-line summary of what was fitted.
 *
 * @param pipeline the evaluated pipeline's name
 * @param scores the test accuracy of each fold, in fold order
 * @param fitSeconds the wall-clock seconds each fold's fit took
 * @param summaries a one-line summary of each fold's fitted pipeline
 */
public record CrossValidationResult(
    String pipeline, List<Double> scores, List<Double> fitSeconds, List<String> summaries) {

  /**
   * Validates and copies the lists.
   *
   * @param pipeline the evaluated pipeline's name
   * @param scores the test accuracy of each fold, in fold order
   * @param fitSeconds the wall-clock seconds each fold's fit took
   * @param summaries a one-line summary of each fold's fitted pipeline
   * @throws IllegalArgumentException if there is no fold or the lists differ in length
   */
  public CrossValidationResult {
    if (scores.isEmpty()) {
      throw new IllegalArgumentException("scores: expected at least one fold, found none");
    }
    if (fitSeconds.size() != scores.size() || summaries.size() != scores.size()) {
      throw new IllegalArgumentException(
          "fitSeconds, summaries: expected "
              + scores.size()
              + " entries (one per fold), found "
              + fitSeconds.size()
              + " and "
              + summaries.size());
    }
    scores = List.copyOf(scores);
    fitSeconds = List.copyOf(fitSeconds);
    summaries = List.copyOf(summaries);
  }

  /**
   * Returns the number of folds.
   *
   * @return the number of folds
   */
  public int numFolds() {
    return scores.size();
  }

  /**
   * Returns the mean of the fold scores.
   *
   * @return the mean of the fold scores
   */
  public double mean() {
    double sum = 0;
    for (double s : scores) {
      sum += s;
    }
    return sum / scores.size();
  }

  /**
   * Returns the population standard deviation of the fold scores, {@code sqrt(mean((s - mean)^2))},
   * as NumPy's {@code np.std} (and scikit-learn's reports) compute it.
   *
   * @return the standard deviation
   */
  public double standardDeviation() {
    double mean = mean();
    double sum = 0;
    for (double s : scores) {
      sum += (s - mean) * (s - mean);
    }
    return Math.sqrt(sum / scores.size());
  }

  /**
   * Returns the total seconds spent fitting, over all folds.
   *
   * @return the total seconds spent fitting, over all folds
   */
  public double totalFitSeconds() {
    double sum = 0;
    for (double s : fitSeconds) {
      sum += s;
    }
    return sum;
  }
}
