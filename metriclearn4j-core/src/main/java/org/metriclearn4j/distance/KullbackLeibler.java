package org.metriclearn4j.distance;

/**
 * The Kullback–Leibler divergence {@code KL(p || q) = sum_i p_i ln(p_i / q_i)} (natural log, in
 * nats) between discrete probability vectors (S. Kullback, R. A. Leibler, "On information and
 * sufficiency", Annals of Mathematical Statistics 22, 1951). Terms with {@code p_i = 0} are 0.
 *
 * <p>Returns {@code +Infinity} when some {@code q_i = 0 < p_i}: {@code p} puts mass where {@code q}
 * has none. Domain: probability vectors (finite, non-negative entries summing to 1 within 1e-9).
 * Non-negative and zero only for identical distributions, but <b>not symmetric</b> ({@code
 * distance(p, q)} is {@code KL(p || q)}) and not a metric; see {@link SymmetricKullbackLeibler} and
 * {@link JensenShannonDivergence} for symmetric forms.
 */
public final class KullbackLeibler implements Distance {

  /** Creates the (stateless) Kullback–Leibler divergence. */
  public KullbackLeibler() {}

  /**
   * Returns {@code KL(x || y)}.
   *
   * @param x the distribution {@code p}
   * @param y the reference distribution {@code q}
   * @return the divergence in {@code [0, +Infinity]}
   * @throws IllegalArgumentException if an input is not a probability vector or the lengths differ
   */
  @Override
  public double distance(double[] x, double[] y) {
    Vectors.checkProbabilities(x, y);
    return divergence(x, y);
  }

  /** {@return {@code KL(p || q)} without checks} */
  static double divergence(double[] p, double[] q) {
    double s = 0;
    for (int i = 0; i < p.length; i++) {
      if (p[i] > 0) {
        if (q[i] == 0) {
          return Double.POSITIVE_INFINITY;
        }
        s += p[i] * Math.log(p[i] / q[i]);
      }
    }
    return Math.max(0, s);
  }

  @Override
  public String name() {
    return "kullback-leibler";
  }

  @Override
  public String toString() {
    return name();
  }
}
