package org.metriclearn4j.distance;

/**
 * The Manhattan (city-block, L1) distance {@code sum_i |x_i - y_i|} between finite real vectors. A
 * metric. The result overflows to {@code +Infinity} only when the distance exceeds the range of a
 * double.
 */
public final class Manhattan implements Distance {

  /** Creates the (stateless) Manhattan distance. */
  public Manhattan() {}

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
      s += Math.abs(x[i] - y[i]);
    }
    return Vectors.checkedResult(s, x, y);
  }

  @Override
  public String name() {
    return "manhattan";
  }

  /** {@return true: the Manhattan distance is a metric} */
  @Override
  public boolean isMetric() {
    return true;
  }

  @Override
  public String toString() {
    return name();
  }
}
