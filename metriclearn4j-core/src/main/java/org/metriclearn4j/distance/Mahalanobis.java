package org.metriclearn4j.distance;

/**
 * The Mahalanobis distance {@code sqrt((x - y)^T M (x - y))} for a symmetric positive definite
 * matrix {@code M} (P. C. Mahalanobis, "On the generalised distance in statistics", Proceedings of
 * the National Institute of Sciences of India 2, 1936). With {@code M} the inverse of a covariance
 * {@code S} it measures differences in units of that covariance ({@link #fromCovariance}); any SPD
 * {@code M}, such as a learned metric's matrix, can be given directly ({@link #of}).
 *
 * <p>A metric on finite real vectors of length {@code d}. {@code M} is checked once: square,
 * finite, symmetric (relative tolerance 1e-9) and positive definite (Cholesky factorisation). The
 * distance is evaluated as the norm {@code ||W (x - y)||} of a triangular factor {@code W} with
 * {@code W^T W = M}, so it is never the square root of a slightly negative rounding error. For a
 * merely positive semidefinite matrix use {@code org.metriclearn4j.metric.MahalanobisMetric}.
 */
public final class Mahalanobis implements Distance {
  /** {@code W} with {@code W^T W = M}, upper or lower triangular. */
  private final double[][] factor;

  private Mahalanobis(double[][] factor) {
    this.factor = factor;
  }

  /**
   * Returns the distance with matrix {@code M}.
   *
   * @param matrix {@code M}, {@code d x d}, symmetric positive definite (copied)
   * @return the distance
   * @throws IllegalArgumentException if {@code M} is not square, finite, symmetric and positive
   *     definite
   */
  public static Mahalanobis of(double[][] matrix) {
    double[][] l = Spd.cholesky(matrix, "matrix", -1);
    int d = l.length;
    double[][] w = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        w[i][j] = l[j][i];
      }
    }
    return new Mahalanobis(w);
  }

  /**
   * Returns the distance with {@code M = S^-1} for a covariance matrix {@code S}.
   *
   * @param covariance {@code S}, {@code d x d}, symmetric positive definite (copied)
   * @return the distance
   * @throws IllegalArgumentException if {@code S} is not square, finite, symmetric and positive
   *     definite
   */
  public static Mahalanobis fromCovariance(double[][] covariance) {
    return new Mahalanobis(Spd.invertLower(Spd.cholesky(covariance, "covariance", -1)));
  }

  /** {@return the dimension {@code d} of the vectors this distance accepts} */
  public int dimension() {
    return factor.length;
  }

  /** {@return a copy of {@code M}} */
  public double[][] matrix() {
    int d = factor.length;
    double[][] m = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        double s = 0;
        for (int k = 0; k < d; k++) {
          s += factor[k][i] * factor[k][j];
        }
        m[i][j] = s;
      }
    }
    return m;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if a length differs from {@link #dimension()} or an entry is
   *     NaN or infinite
   */
  @Override
  public double distance(double[] x, double[] y) {
    int d = factor.length;
    if (x.length != d) {
      throw new IllegalArgumentException("x: expected length " + d + ", found " + x.length);
    }
    Vectors.checkSameLength(x, y);
    double[] diff = new double[d];
    for (int i = 0; i < d; i++) {
      diff[i] = x[i] - y[i];
    }
    double s = 0;
    for (int i = 0; i < d; i++) {
      double[] row = factor[i];
      double t = 0;
      for (int j = 0; j < d; j++) {
        t += row[j] * diff[j];
      }
      s += t * t;
    }
    return Vectors.checkedResult(Math.sqrt(s), x, y);
  }

  @Override
  public String name() {
    return "mahalanobis";
  }

  /** {@return true: with a positive definite matrix the Mahalanobis distance is a metric} */
  @Override
  public boolean isMetric() {
    return true;
  }

  @Override
  public String toString() {
    return "mahalanobis(d=" + factor.length + ")";
  }
}
