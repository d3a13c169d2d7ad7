package org.metriclearn4j.distance;

/**
 * A dissimilarity between two vectors of equal length: zero for identical inputs, symmetric, and
 * non-negative. Implementations say in their javadoc whether they also satisfy the triangle
 * inequality and which inputs they accept (any real vector, or probability vectors only).
 */
public interface Distance {

  /**
   * Returns the distance between {@code x} and {@code y}.
   *
   * @param x a vector (read only)
   * @param y a vector of the same length (read only)
   * @return a non-negative finite distance
   * @throws IllegalArgumentException if the lengths differ or an input is outside the distance's
   *     domain, naming the argument and what was found
   */
  double distance(double[] x, double[] y);

  /** Returns a short name, for example {@code "euclidean"}. */
  String name();
}
