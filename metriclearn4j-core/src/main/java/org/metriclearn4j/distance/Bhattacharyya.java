package org.metriclearn4j.distance;

/**
 * The Bhattacharyya distance {@code -ln sum_i sqrt(p_i q_i)} between discrete probability vectors
 * (A. Bhattacharyya, "On a measure of divergence between two statistical populations defined by
 * their probability distributions", Bulletin of the Calcutta Mathematical Society 35, 1943). The
 * sum is the Bhattacharyya coefficient, in {@code [0, 1]}.
 *
 * <p>Domain: probability vectors (finite, non-negative entries summing to 1 within 1e-9). Symmetric
 * and zero only for identical distributions, but not a metric (it violates the triangle inequality;
 * {@link Matusita} and {@link Hellinger} are the related metrics). Returns {@code +Infinity} when
 * the two distributions have disjoint supports (coefficient 0).
 */
public final class Bhattacharyya implements Distance {

  /** Creates the (stateless) Bhattacharyya distance. */
  public Bhattacharyya() {}

  /**
   * Returns the Bhattacharyya coefficient {@code sum_i sqrt(p_i q_i)}, clamped to {@code [0, 1]}.
   *
   * @param x a probability vector {@code p}
   * @param y a probability vector {@code q} of the same length
   * @return the coefficient
   * @throws IllegalArgumentException if an input is not a probability vector or the lengths differ
   */
  public static double coefficient(double[] x, double[] y) {
    Vectors.checkProbabilities(x, y);
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += Math.sqrt(x[i] * y[i]);
    }
    return Math.min(1, s);
  }

  /**
   * {@inheritDoc}
   *
   * @return the distance in {@code [0, +Infinity]}
   * @throws IllegalArgumentException if an input is not a probability vector or the lengths differ
   */
  @Override
  public double distance(double[] x, double[] y) {
    double bc = coefficient(x, y);
    return bc == 0 ? Double.POSITIVE_INFINITY : Math.max(0, -Math.log(bc));
  }

  @Override
  public String name() {
    return "bhattacharyya";
  }

  @Override
  public String toString() {
    return name();
  }
}
