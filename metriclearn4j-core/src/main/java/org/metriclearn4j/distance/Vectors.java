package org.metriclearn4j.distance;

/** Argument checks shared by the distances of this package. */
final class Vectors {
  /** Largest allowed deviation of a probability vector's sum from 1. */
  static final double SUM_TOLERANCE = 1e-9;

  private Vectors() {}

  /** Throws unless {@code y} has the length of {@code x}. */
  static void checkSameLength(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "y: expected length " + x.length + " like x, found " + y.length);
    }
  }

  /**
   * Returns {@code result} when it is a number below {@code +Infinity}; otherwise throws for the
   * first non-finite input entry, or returns {@code result} when the inputs are all finite.
   */
  static double checkedResult(double result, double[] x, double[] y) {
    if (Double.isNaN(result) || result == Double.POSITIVE_INFINITY) {
      checkFinite(x, "x");
      checkFinite(y, "y");
    }
    return result;
  }

  /** Throws for the first entry of {@code v} that is NaN or infinite. */
  static void checkFinite(double[] v, String name) {
    for (int i = 0; i < v.length; i++) {
      if (!Double.isFinite(v[i])) {
        throw new IllegalArgumentException(
            name + ": expected finite values, found " + v[i] + " at index " + i);
      }
    }
  }

  /**
   * Throws unless {@code p} is a probability vector: every entry finite and non-negative, the sum
   * within {@link #SUM_TOLERANCE} of 1.
   */
  static void checkProbability(double[] p, String name) {
    if (p.length == 0) {
      throw new IllegalArgumentException(
          name + ": expected a probability vector with at least one entry, found none");
    }
    double sum = 0;
    for (int i = 0; i < p.length; i++) {
      double v = p[i];
      if (!Double.isFinite(v) || v < 0) {
        throw new IllegalArgumentException(
            name
                + ": expected a probability vector (finite, non-negative entries summing to 1),"
                + " found "
                + v
                + " at index "
                + i);
      }
      sum += v;
    }
    if (!(Math.abs(sum - 1) <= SUM_TOLERANCE)) {
      throw new IllegalArgumentException(
          name
              + ": expected a probability vector summing to 1 (within "
              + SUM_TOLERANCE
              + "), found sum "
              + sum);
    }
  }

  /** Checks that {@code x} and {@code y} are probability vectors of equal length. */
  static void checkProbabilities(double[] x, double[] y) {
    checkSameLength(x, y);
    checkProbability(x, "x");
    checkProbability(y, "y");
  }
}
