package org.metriclearn4j.distance;

/**
 * The Bhattacharyya distance between two multivariate normal distributions in closed form (T.
 * Kailath, "The divergence and Bhattacharyya distance measures in signal selection", IEEE
 * Transactions on Communication Technology 15(1), 1967, eq. 29; K. Fukunaga, Introduction to
 * Statistical Pattern Recognition, 2nd ed., 1990, eq. 3.152):
 *
 * <pre>
 *   D_B = 1/8 (m1 - m2)^T S^-1 (m1 - m2) + 1/2 ln( det S / sqrt(det S1 det S2) ),  S = (S1 + S2) / 2
 * </pre>
 *
 * <p>It is {@code -ln} of the integral of {@code sqrt(p(x) q(x))}, the continuous counterpart of
 * {@link Bhattacharyya}. Symmetric, non-negative, zero only for equal distributions; not a metric.
 * Determinants are taken as log-determinants of Cholesky factors, so high dimensions do not
 * overflow.
 */
public final class GaussianBhattacharyya {
  private GaussianBhattacharyya() {}

  /**
   * Returns the Bhattacharyya distance between {@code p} and {@code q}.
   *
   * @param p a normal distribution
   * @param q a normal distribution of the same dimension
   * @return the distance, finite and non-negative
   * @throws IllegalArgumentException if the dimensions differ
   */
  public static double distance(Gaussian p, Gaussian q) {
    int d = p.dimension();
    if (q.dimension() != d) {
      throw new IllegalArgumentException(
          "q: expected dimension " + d + " like p, found " + q.dimension());
    }
    double[][] s1 = p.covariance();
    double[][] s2 = q.covariance();
    double[][] s = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        s[i][j] = 0.5 * (s1[i][j] + s2[i][j]);
      }
    }
    double[][] l = Spd.cholesky(s, "average covariance", d);
    double[] m1 = p.mean();
    double[] m2 = q.mean();
    double[] diff = new double[d];
    for (int i = 0; i < d; i++) {
      diff[i] = m1[i] - m2[i];
    }
    double[] z = Spd.solveLower(l, diff);
    double quad = 0;
    for (double v : z) {
      quad += v * v;
    }
    double logDets =
        Spd.logDet(l) - 0.5 * Spd.logDet(p.choleskyFactor()) - 0.5 * Spd.logDet(q.choleskyFactor());
    return Math.max(0, quad / 8 + 0.5 * logDets);
  }
}
