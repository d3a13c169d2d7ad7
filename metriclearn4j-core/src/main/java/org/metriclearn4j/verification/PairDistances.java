package org.metriclearn4j.verification;

import org.metriclearn4j.constraints.Pairs;
import org.metriclearn4j.distance.Distance;

/** The distances of labelled pairs (package-private helper). */
final class PairDistances {
  private PairDistances() {}

  /**
   * Returns {@code distance(x_first, x_second)} for every pair.
   *
   * @param distance the distance
   * @param pairs the pairs
   * @return one distance per pair
   * @throws IllegalArgumentException if a distance is NaN
   */
  static double[] of(Distance distance, Pairs pairs) {
    double[][] points = pairs.points();
    int[] first = pairs.first();
    int[] second = pairs.second();
    double[] out = new double[first.length];
    for (int p = 0; p < out.length; p++) {
      out[p] = distance.distance(points[first[p]], points[second[p]]);
      if (Double.isNaN(out[p])) {
        throw new IllegalArgumentException(
            "distance: " + distance.name() + " returned NaN for pair " + p);
      }
    }
    return out;
  }

  /**
   * Throws unless the arrays have equal non-zero length, the values are not NaN and both labels
   * occur.
   *
   * @param values the values
   * @param labels the labels
   * @param valuesName the argument name of the values
   * @param labelsName the argument name of the labels
   */
  static void check(double[] values, boolean[] labels, String valuesName, String labelsName) {
    if (values.length != labels.length) {
      throw new IllegalArgumentException(
          labelsName
              + ": expected "
              + values.length
              + " labels (one per value of "
              + valuesName
              + "), found "
              + labels.length);
    }
    int positives = 0;
    for (int i = 0; i < values.length; i++) {
      if (Double.isNaN(values[i])) {
        throw new IllegalArgumentException(valuesName + ": expected numbers, found NaN at " + i);
      }
      if (labels[i]) {
        positives++;
      }
    }
    if (positives == 0 || positives == labels.length) {
      throw new IllegalArgumentException(
          labelsName
              + ": expected both similar (true) and dissimilar (false) pairs, found "
              + positives
              + " similar of "
              + labels.length);
    }
  }
}
