package org.metriclearn4j.verification;

import java.util.Arrays;
import org.metriclearn4j.constraints.Pairs;
import org.metriclearn4j.distance.Distance;

/**
 * Chooses the distance threshold of a {@link PairClassifier} on labelled validation pairs, with the
 * strategies of metric-learn's {@code calibrate_threshold}: best accuracy, best F-beta, the highest
 * true-positive rate whose true-negative rate is at least a minimum, or the highest true-negative
 * rate whose true-positive rate is at least a minimum. "Positive" means "same class".
 *
 * <p>The candidates are "reject every pair" ({@code Math.nextDown} of the smallest distance) and
 * each distinct distance {@code t} (accept the pairs with {@code distance <= t}); the search is
 * exact, in {@code O(n log n)}. Ties between candidates go to the smaller threshold, except for
 * {@link Strategy#MAX_TNR}, where among equal true-negative rates the larger threshold (the higher
 * true-positive rate) wins. Immutable.
 */
public final class ThresholdCalibration {
  /** What the threshold optimises. */
  public enum Strategy {
    /** The fraction of pairs classified correctly. */
    ACCURACY,
    /** {@code (1 + beta^2) TP / ((1 + beta^2) TP + beta^2 FN + FP)}, 0 when nothing is accepted. */
    F_BETA,
    /**
     * The true-positive rate, among thresholds whose true-negative rate is at least the minimum.
     */
    MAX_TPR,
    /**
     * The true-negative rate, among thresholds whose true-positive rate is at least the minimum.
     */
    MAX_TNR
  }

  private final Strategy strategy;
  private final double beta;
  private final double minRate;

  private ThresholdCalibration(Strategy strategy, double beta, double minRate) {
    this.strategy = strategy;
    this.beta = beta;
    this.minRate = minRate;
  }

  /** {@return the calibration that maximises accuracy} */
  public static ThresholdCalibration accuracy() {
    return new ThresholdCalibration(Strategy.ACCURACY, 1, 0);
  }

  /**
   * Returns the calibration that maximises the F-beta score.
   *
   * @param beta the weight of recall against precision, finite and {@code > 0} (1 gives F1)
   * @return the calibration
   * @throws IllegalArgumentException if {@code beta} is out of range
   */
  public static ThresholdCalibration fBeta(double beta) {
    if (!(beta > 0) || !Double.isFinite(beta)) {
      throw new IllegalArgumentException("beta: expected a finite value > 0, found " + beta);
    }
    return new ThresholdCalibration(Strategy.F_BETA, beta, 0);
  }

  /**
   * Returns the calibration that maximises the true-positive rate subject to a true-negative rate
   * of at least {@code minTnr}.
   *
   * @param minTnr the minimum true-negative rate, in {@code [0, 1]}
   * @return the calibration
   * @throws IllegalArgumentException if {@code minTnr} is out of range
   */
  public static ThresholdCalibration maxTprAtMinTnr(double minTnr) {
    return new ThresholdCalibration(Strategy.MAX_TPR, 1, checkRate("minTnr", minTnr));
  }

  /**
   * Returns the calibration that maximises the true-negative rate subject to a true-positive rate
   * of at least {@code minTpr}.
   *
   * @param minTpr the minimum true-positive rate, in {@code [0, 1]}
   * @return the calibration
   * @throws IllegalArgumentException if {@code minTpr} is out of range
   */
  public static ThresholdCalibration maxTnrAtMinTpr(double minTpr) {
    return new ThresholdCalibration(Strategy.MAX_TNR, 1, checkRate("minTpr", minTpr));
  }

  private static double checkRate(String name, double rate) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException(name + ": expected a rate in [0, 1], found " + rate);
    }
    return rate;
  }

  /** {@return the strategy} */
  public Strategy strategy() {
    return strategy;
  }

  /** {@return beta of {@link Strategy#F_BETA} (1 for the other strategies)} */
  public double beta() {
    return beta;
  }

  /** {@return the minimum rate of {@link Strategy#MAX_TPR} or {@link Strategy#MAX_TNR} (else 0)} */
  public double minRate() {
    return minRate;
  }

  /**
   * Returns a classifier of {@code distance} with the threshold calibrated on validation pairs.
   *
   * @param distance the distance, for example a fitted metric
   * @param validation labelled pairs with both labels present
   * @return the calibrated classifier
   * @throws IllegalArgumentException if only one label occurs or a distance is NaN
   */
  public PairClassifier calibrate(Distance distance, Pairs validation) {
    return PairClassifier.of(
        distance, threshold(PairDistances.of(distance, validation), validation.similar()));
  }

  /**
   * Returns the calibrated threshold for labelled distances.
   *
   * @param distances the distance of each validation pair, none NaN
   * @param same whether each pair is of the same class
   * @return the threshold: pairs with {@code distance <= threshold} are "same"
   * @throws IllegalArgumentException if the lengths differ, a distance is NaN, or only one label
   *     occurs
   */
  public double threshold(double[] distances, boolean[] same) {
    PairDistances.check(distances, same, "distances", "same");
    int n = distances.length;
    double[] sorted = distances.clone();
    Arrays.sort(sorted);
    // for each distinct value, how many positives and negatives have exactly that distance
    double[] values = new double[n];
    int[] posAt = new int[n];
    int[] negAt = new int[n];
    int m = 0;
    for (double v : sorted) {
      if (m == 0 || Double.compare(values[m - 1], v) != 0) {
        values[m++] = v;
      }
    }
    long positives = 0;
    for (int i = 0; i < n; i++) {
      int k = Arrays.binarySearch(values, 0, m, distances[i]);
      if (same[i]) {
        posAt[k]++;
        positives++;
      } else {
        negAt[k]++;
      }
    }
    long negatives = n - positives;
    double bestThreshold = Math.nextDown(values[0]);
    double bestValue = Double.NEGATIVE_INFINITY;
    long tp = 0;
    long fp = 0;
    for (int k = -1; k < m; k++) {
      if (k >= 0) {
        tp += posAt[k];
        fp += negAt[k];
      }
      double candidate = k < 0 ? Math.nextDown(values[0]) : values[k];
      double tpr = tp / (double) positives;
      double tnr = (negatives - fp) / (double) negatives;
      double value;
      boolean feasible = true;
      switch (strategy) {
        case ACCURACY -> value = (tp + negatives - fp) / (double) n;
        case F_BETA -> {
          double b2 = beta * beta;
          double fn = positives - tp;
          value = tp == 0 ? 0 : (1 + b2) * tp / ((1 + b2) * tp + b2 * fn + fp);
        }
        case MAX_TPR -> {
          value = tpr;
          feasible = tnr >= minRate;
        }
        case MAX_TNR -> {
          value = tnr;
          feasible = tpr >= minRate;
        }
        default -> throw new IllegalStateException("unknown strategy " + strategy);
      }
      if (!feasible) {
        continue;
      }
      boolean better = strategy == Strategy.MAX_TNR ? value >= bestValue : value > bestValue;
      if (better) {
        bestValue = value;
        bestThreshold = candidate;
      }
    }
    return bestThreshold;
  }

  @Override
  public String toString() {
    return switch (strategy) {
      case ACCURACY -> "ThresholdCalibration[accuracy]";
      case F_BETA -> "ThresholdCalibration[f_beta, beta=" + beta + "]";
      case MAX_TPR -> "ThresholdCalibration[max_tpr, minTnr=" + minRate + "]";
      case MAX_TNR -> "ThresholdCalibration[max_tnr, minTpr=" + minRate + "]";
    };
  }
}
