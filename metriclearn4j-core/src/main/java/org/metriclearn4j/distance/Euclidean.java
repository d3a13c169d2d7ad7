package org.metriclearn4j.distance;

/**
 * The Euclidean distance {@code sqrt(sum_i (x_i - y_i)^2)} between finite real vectors. A metric.
 *
 * <p>Computed directly; if that overflows, it is recomputed with scaling, so the result is {@code
 * +Infinity} only when the distance itself exceeds the range of a double.
 */
public final class Euclidean implements Distance {

  /** Creates the (stateless) Euclidean distance. */
  public Euclidean() {}

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
    double result = Math.sqrt(s);
    if (Double.isFinite(result)) {
      return result;
    }
    Vectors.checkedResult(result, x, y);
    return scaled(x, y);
  }

  /** Recomputes with halved inputs and the largest difference factored out (no overflow). */
  private static double scaled(double[] x, double[] y) {
    double max = 0;
    for (int i = 0; i < x.length; i++) {
      max = Math.max(max, Math.abs(x[i] / 2 - y[i] / 2));
    }
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      double r = (x[i] / 2 - y[i] / 2) / max;
      s += r * r;
    }
    return 2 * max * Math.sqrt(s);
  }

  @Override
  public String name() {
    return "euclidean";
  }

  /** {@return true: the Euclidean distance is a metric} */
  @Override
  public boolean isMetric() {
    return true;
  }

  @Override
  public String toString() {
    return name();
  }
}
