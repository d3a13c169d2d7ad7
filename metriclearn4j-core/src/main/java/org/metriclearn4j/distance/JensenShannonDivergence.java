package org.metriclearn4j.distance;

/**
 * The Jensen–Shannon divergence {@code JS(p, q) = KL(p || m) / 2 + KL(q || m) / 2} with {@code m =
 * (p + q) / 2} (natural log, so in {@code [0, ln 2]}) between discrete probability vectors (J. Lin,
 * "Divergence measures based on the Shannon entropy", IEEE Transactions on Information Theory
 * 37(1), 1991). Always finite, even for disjoint supports.
 *
 * <p>Domain: probability vectors (finite, non-negative entries summing to 1 within 1e-9). Symmetric
 * and zero only for identical distributions, but not a metric; its square root is ({@link
 * JensenShannonDistance}).
 */
public final class JensenShannonDivergence implements Distance {

  /** Creates the (stateless) Jensen–Shannon divergence. */
  public JensenShannonDivergence() {}

  /**
   * {@inheritDoc}
   *
   * @return the divergence in {@code [0, ln 2]}
   * @throws IllegalArgumentException if an input is not a probability vector or the lengths differ
   */
  @Override
  public double distance(double[] x, double[] y) {
    Vectors.checkProbabilities(x, y);
    return divergence(x, y);
  }

  /** {@return {@code JS(p, q)} without checks, clamped to {@code [0, ln 2]}} */
  static double divergence(double[] p, double[] q) {
    double s = 0;
    for (int i = 0; i < p.length; i++) {
      double m = 0.5 * (p[i] + q[i]);
      if (p[i] > 0) {
        s += p[i] * Math.log(p[i] / m);
      }
      if (q[i] > 0) {
        s += q[i] * Math.log(q[i] / m);
      }
    }
    return Math.min(Math.log(2), Math.max(0, 0.5 * s));
  }

  @Override
  public String name() {
    return "jensen-shannon-divergence";
  }

  @Override
  public String toString() {
    return name();
  }
}
