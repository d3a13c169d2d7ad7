package org.metriclearn4j.distance;

/**
 * The symmetric Kullback–Leibler divergence (Jeffreys' J-divergence) {@code J(p, q) = KL(p || q) +
 * KL(q || p) = sum_i (p_i - q_i) ln(p_i / q_i)} (natural log) between discrete probability vectors
 * (H. Jeffreys, "An invariant form for the prior probability in estimation problems", Proceedings
 * of the Royal Society A 186, 1946).
 *
 * <p>Returns {@code +Infinity} unless both distributions have the same support. Domain: probability
 * vectors (finite, non-negative entries summing to 1 within 1e-9). Symmetric, non-negative and zero
 * only for identical distributions, but not a metric (no triangle inequality).
 */
public final class SymmetricKullbackLeibler implements Distance {

  /** Creates the (stateless) J-divergence. */
  public SymmetricKullbackLeibler() {}

  /**
   * {@inheritDoc}
   *
   * @return the divergence in {@code [0, +Infinity]}
   * @throws IllegalArgumentException if an input is not a probability vector or the lengths differ
   */
  @Override
  public double distance(double[] x, double[] y) {
    Vectors.checkProbabilities(x, y);
    return KullbackLeibler.divergence(x, y) + KullbackLeibler.divergence(y, x);
  }

  @Override
  public String name() {
    return "symmetric-kullback-leibler";
  }

  @Override
  public String toString() {
    return name();
  }
}
