package org.metriclearn4j.verification;

import java.util.Arrays;
import java.util.Comparator;
import org.metriclearn4j.constraints.Pairs;
import org.metriclearn4j.distance.Distance;

/**
 * The area under the ROC curve: the probability that a random positive scores higher than a random
 * negative, ties counting one half (the Mann-Whitney statistic divided by {@code P * N}). Computed
 * in {@code O(n log n)} from mid-ranks.
 */
public final class RocAuc {
  private RocAuc() {}

  /**
   * Returns the ROC AUC of scores where larger means "more likely positive".
   *
   * @param scores one score per sample, none NaN ({@code +-Infinity} allowed)
   * @param positive the label of each sample
   * @return the AUC in {@code [0, 1]}
   * @throws IllegalArgumentException if the lengths differ, a score is NaN, or only one label
   *     occurs
   */
  public static double of(double[] scores, boolean[] positive) {
    PairDistances.check(scores, positive, "scores", "positive");
    int n = scores.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
    double rankSumPositive = 0;
    long positives = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && Double.compare(scores[order[j + 1]], scores[order[i]]) == 0) {
        j++;
      }
      double midRank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        if (positive[order[k]]) {
          rankSumPositive += midRank;
          positives++;
        }
      }
      i = j + 1;
    }
    long negatives = n - positives;
    double u = rankSumPositive - positives * (positives + 1) / 2.0;
    return u / ((double) positives * negatives);
  }

  /**
   * Returns the ROC AUC of distances as scores for "same": smaller distance means more likely the
   * same class.
   *
   * @param distances one distance per pair, none NaN
   * @param same whether each pair is of the same class
   * @return the AUC in {@code [0, 1]}
   * @throws IllegalArgumentException as {@link #of}
   */
  public static double ofDistances(double[] distances, boolean[] same) {
    PairDistances.check(distances, same, "distances", "same");
    double[] scores = new double[distances.length];
    for (int p = 0; p < scores.length; p++) {
      scores[p] = -distances[p];
    }
    return of(scores, same);
  }

  /**
   * Returns the ROC AUC of a distance on labelled pairs (similar pairs are the positives).
   *
   * @param distance the distance, for example a fitted metric
   * @param pairs labelled pairs with both labels present
   * @return the AUC in {@code [0, 1]}
   */
  public static double ofPairs(Distance distance, Pairs pairs) {
    return ofDistances(PairDistances.of(distance, pairs), pairs.similar());
  }
}
