package org.metriclearn4j.verification;

import org.metriclearn4j.constraints.Pairs;
import org.metriclearn4j.distance.Distance;

/**
 * Decides whether two samples are of the same class by thresholding their distance: "same" when
 * {@code distance(x, y) <= threshold}, the rule of metric-learn's pair classifiers, here for any
 * {@link Distance} (so for the metric of every learner). Immutable.
 */
public final class PairClassifier {
  private final Distance distance;
  private final double threshold;

  private PairClassifier(Distance distance, double threshold) {
    this.distance = distance;
    this.threshold = threshold;
  }

  /**
   * Returns the classifier of a distance and a threshold.
   *
   * @param distance the distance, for example a fitted {@code MahalanobisMetric}
   * @param threshold pairs at most this far apart are predicted "same"; not NaN (an infinite value
   *     predicts every pair the same way)
   * @return the classifier
   * @throws IllegalArgumentException if the threshold is NaN
   */
  public static PairClassifier of(Distance distance, double threshold) {
    if (Double.isNaN(threshold)) {
      throw new IllegalArgumentException("threshold: expected a number, found NaN");
    }
    return new PairClassifier(distance, threshold);
  }

  /** {@return the distance} */
  public Distance distance() {
    return distance;
  }

  /** {@return the threshold on the distance} */
  public double threshold() {
    return threshold;
  }

  /**
   * Returns a classifier with the same distance and another threshold.
   *
   * @param newThreshold the threshold, not NaN
   * @return the new classifier
   */
  public PairClassifier withThreshold(double newThreshold) {
    return of(distance, newThreshold);
  }

  /**
   * Returns the decision value {@code threshold - distance(x, y)}: {@code >= 0} means "same", and
   * larger means more confidently so.
   *
   * @param x a sample
   * @param y a sample of the same length
   * @return the decision value
   */
  public double decisionFunction(double[] x, double[] y) {
    return threshold - distance.distance(x, y);
  }

  /**
   * Returns whether two samples are predicted to be of the same class.
   *
   * @param x a sample
   * @param y a sample of the same length
   * @return {@code distance(x, y) <= threshold}
   */
  public boolean predictSame(double[] x, double[] y) {
    return distance.distance(x, y) <= threshold;
  }

  /**
   * Returns the decision value of every pair.
   *
   * @param pairs the pairs (their labels are not used)
   * @return {@code threshold - distance} per pair
   */
  public double[] decisionFunction(Pairs pairs) {
    double[] d = PairDistances.of(distance, pairs);
    for (int p = 0; p < d.length; p++) {
      d[p] = threshold - d[p];
    }
    return d;
  }

  /**
   * Returns the prediction for every pair.
   *
   * @param pairs the pairs (their labels are not used)
   * @return {@code true} where the pair is predicted "same"
   */
  public boolean[] predict(Pairs pairs) {
    double[] d = PairDistances.of(distance, pairs);
    boolean[] out = new boolean[d.length];
    for (int p = 0; p < d.length; p++) {
      out[p] = d[p] <= threshold;
    }
    return out;
  }

  /**
   * Returns the fraction of pairs whose prediction matches their label.
   *
   * @param pairs labelled pairs
   * @return the accuracy in {@code [0, 1]}
   */
  public double accuracy(Pairs pairs) {
    boolean[] predicted = predict(pairs);
    boolean[] truth = pairs.similar();
    int correct = 0;
    for (int p = 0; p < predicted.length; p++) {
      if (predicted[p] == truth[p]) {
        correct++;
      }
    }
    return correct / (double) predicted.length;
  }

  @Override
  public String toString() {
    return "PairClassifier[" + distance.name() + " <= " + threshold + "]";
  }
}
