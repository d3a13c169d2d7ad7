package org.metriclearn4j.distance;

/**
 * A dissimilarity between two vectors of equal length: non-negative and zero for identical inputs.
 * Distances are symmetric; divergences between probability vectors (Kullback–Leibler) may not be,
 * and may be {@code +Infinity} where one distribution has mass the other lacks. Implementations say
 * in their javadoc which formula they compute, which inputs they accept (any finite real vector, or
 * probability vectors only), and whether they are a metric (symmetric, zero only for identical
 * inputs, and satisfying the triangle inequality); {@link #isMetric()} says the same in code.
 */
public interface Distance {

  /**
   * Returns the distance between {@code x} and {@code y}.
   *
   * @param x a vector (read only)
   * @param y a vector of the same length (read only)
   * @return a non-negative distance; finite, except that a divergence may return {@code +Infinity}
   *     as its javadoc states
   * @throws IllegalArgumentException if the lengths differ or an input is outside the distance's
   *     domain (for example not finite), naming the argument and what was found
   */
  double distance(double[] x, double[] y);

  /** {@return a short name, for example {@code "euclidean"}} */
  String name();

  /**
   * Returns whether this distance is a metric on its domain: symmetric, zero only for identical
   * inputs and satisfying the triangle inequality. False unless an implementation says otherwise.
   *
   * @return true for a metric
   */
  default boolean isMetric() {
    return false;
  }
}
