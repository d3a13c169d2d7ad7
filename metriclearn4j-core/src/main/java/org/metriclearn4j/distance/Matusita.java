package org.metriclearn4j.distance;

/**
 * The Matusita distance {@code sqrt(sum_i (sqrt p_i - sqrt q_i)^2)} between discrete probability
 * vectors (K. Matusita, "Decision rules, based on the distance, for problems of fit, two samples,
 * and estimation", Annals of Mathematical Statistics 26, 1955), in {@code [0, sqrt 2]}. It equals
 * {@code sqrt(2 - 2 BC)} with {@code BC} the {@link Bhattacharyya#coefficient Bhattacharyya
 * coefficient}, and {@code sqrt 2} times the {@link Hellinger} distance.
 *
 * <p>Domain: probability vectors (finite, non-negative entries summing to 1 within 1e-9). A metric:
 * the Euclidean distance between the vectors of square roots.
 */
public final class Matusita implements Distance {

  /** Creates the (stateless) Matusita distance. */
  public Matusita() {}

  /**
   * {@inheritDoc}
   *
   * @return the distance in {@code [0, sqrt 2]}
   * @throws IllegalArgumentException if an input is not a probability vector or the lengths differ
   */
  @Override
  public double distance(double[] x, double[] y) {
    Vectors.checkProbabilities(x, y);
    return rootDistance(x, y);
  }

  /** {@return {@code sqrt(sum_i (sqrt p_i - sqrt q_i)^2)} without checks} */
  static double rootDistance(double[] p, double[] q) {
    double s = 0;
    for (int i = 0; i < p.length; i++) {
      double diff = Math.sqrt(p[i]) - Math.sqrt(q[i]);
      s += diff * diff;
    }
    return Math.sqrt(s);
  }

  @Override
  public String name() {
    return "matusita";
  }

  /** {@return true: the Matusita distance is a metric on probability vectors} */
  @Override
  public boolean isMetric() {
    return true;
  }

  @Override
  public String toString() {
    return name();
  }
}
