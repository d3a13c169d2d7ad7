package org.metriclearn4j.distance;

/**
 * The Chebyshev (maximum, L-infinity) distance {@code max_i |x_i - y_i|} between finite real
 * vectors. A metric. The distance between empty vectors is 0.
 */
public final class Chebyshev implements Distance {

  /** Creates the (stateless) Chebyshev distance. */
  public Chebyshev() {}

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if the lengths differ or an entry is NaN or infinite
   */
  @Override
  public double distance(double[] x, double[] y) {
    Vectors.checkSameLength(x, y);
    double m = 0;
    for (int i = 0; i < x.length; i++) {
      m = Math.max(m, Math.abs(x[i] - y[i]));
    }
    return Vectors.checkedResult(m, x, y);
  }

  @Override
  public String name() {
    return "chebyshev";
  }

  /** {@return true: the Chebyshev distance is a metric} */
  @Override
  public boolean isMetric() {
    return true;
  }

  @Override
  public String toString() {
    return name();
  }
}
