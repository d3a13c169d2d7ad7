package org.metriclearn4j.distance;

/**
 * The Kullback–Leibler divergence between two multivariate normal distributions in closed form (S.
 * Kullback, Information Theory and Statistics, Wiley 1959, ch. 9; natural log, in nats):
 *
 * <pre>
 *   KL(p || q) = 1/2 [ tr(Sq^-1 Sp) + (mq - mp)^T Sq^-1 (mq - mp) - d + ln(det Sq / det Sp) ]
 * </pre>
 *
 * <p>The continuous counterpart of {@link KullbackLeibler}: non-negative, zero only for equal
 * distributions, not symmetric and not a metric. Always finite, since both covariances are positive
 * definite. Evaluated with Cholesky factors {@code Lp, Lq}: {@code tr(Sq^-1 Sp) = ||Lq^-1
 * Lp||_F^2}.
 */
public final class GaussianKullbackLeibler {
  private GaussianKullbackLeibler() {}

  /**
   * Returns {@code KL(p || q)}.
   *
   * @param p the distribution whose expectation is taken
   * @param q the reference distribution, of the same dimension
   * @return the divergence, finite and non-negative
   * @throws IllegalArgumentException if the dimensions differ
   */
  public static double divergence(Gaussian p, Gaussian q) {
    int d = p.dimension();
    if (q.dimension() != d) {
      throw new IllegalArgumentException(
          "q: expected dimension " + d + " like p, found " + q.dimension());
    }
    double[][] lp = p.choleskyFactor();
    double[][] lq = q.choleskyFactor();
    double trace = 0;
    double[] column = new double[d];
    for (int c = 0; c < d; c++) {
      for (int r = 0; r < d; r++) {
        column[r] = lp[r][c];
      }
      for (double v : Spd.solveLower(lq, column)) {
        trace += v * v;
      }
    }
    double[] mp = p.mean();
    double[] mq = q.mean();
    double[] diff = new double[d];
    for (int i = 0; i < d; i++) {
      diff[i] = mq[i] - mp[i];
    }
    double quad = 0;
    for (double v : Spd.solveLower(lq, diff)) {
      quad += v * v;
    }
    double kl = 0.5 * (trace + quad - d + Spd.logDet(lq) - Spd.logDet(lp));
    return Math.max(0, kl);
  }

  /**
   * Returns the symmetric form {@code KL(p || q) + KL(q || p)} (Jeffreys' J-divergence).
   *
   * @param p a normal distribution
   * @param q a normal distribution of the same dimension
   * @return the divergence, finite and non-negative
   * @throws IllegalArgumentException if the dimensions differ
   */
  public static double symmetric(Gaussian p, Gaussian q) {
    return divergence(p, q) + divergence(q, p);
  }
}
