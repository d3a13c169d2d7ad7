package org.metriclearn4j.distance;

/**
 * The squared Euclidean distance {@code sum_i (x_i - y_i)^2} between finite real vectors. Not a
 * metric: it is symmetric and zero only for identical inputs, but violates the triangle inequality
 * (on a line, {@code d(0, 2) = 4 > d(0, 1) + d(1, 2) = 2}). It ranks neighbours exactly as {@link
 * Euclidean} does. The result overflows to {@code +Infinity} only when the squared distance exceeds
 * the range of a double.
 */
public final class SquaredEuclidean implements Distance {

  /** Creates the (stateless) squared Euclidean distance. */
  public SquaredEuclidean() {}

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if the lengths differ or an entry is NaN or infinite
   */
  @Override
  public double distance(double[] x, double[] y) {
    Vectors.checkSameLength(x, y);
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      double diff = x[i] - y[i];
      s += diff * diff;
    }
    return Vectors.checkedResult(s, x, y);
  }

  @Override
  public String name() {
    return "squared-euclidean";
  }

  @Override
  public String toString() {
    return name();
  }
}
