package org.metriclearn4j.distance;

/** Checks and factors symmetric positive definite matrices given as rows (Cholesky). */
final class Spd {
  /** Relative tolerance for symmetry: {@code |a_ij - a_ji| <= 1e-9 max(|a_ij|, |a_ji|, 1e-300)}. */
  static final double SYMMETRY_TOLERANCE = 1e-9;

  private Spd() {}

  /**
   * Returns the lower Cholesky factor {@code L} of {@code a = L L^T} (of the symmetrised matrix).
   *
   * @param a a square matrix of finite values
   * @param name the argument's name for error messages
   * @param dimension the expected size, or -1 for any size of at least 1
   * @return {@code L}, lower triangular with a positive diagonal
   * @throws IllegalArgumentException if {@code a} is not square, not finite, not symmetric or not
   *     positive definite
   */
  static double[][] cholesky(double[][] a, String name, int dimension) {
    int d = a.length;
    if (d == 0 || (dimension >= 0 && d != dimension)) {
      throw new IllegalArgumentException(
          name
              + ": expected a "
              + (dimension >= 0 ? dimension + "x" + dimension : "non-empty square")
              + " matrix, found "
              + d
              + " rows");
    }
    for (int i = 0; i < d; i++) {
      if (a[i].length != d) {
        throw new IllegalArgumentException(
            name + ": expected a square matrix, row " + i + " has " + a[i].length + " of " + d);
      }
      for (int j = 0; j < d; j++) {
        if (!Double.isFinite(a[i][j])) {
          throw new IllegalArgumentException(
              name + ": expected finite values, found " + a[i][j] + " at " + i + "," + j);
        }
      }
    }
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < i; j++) {
        double scale = Math.max(Math.max(Math.abs(a[i][j]), Math.abs(a[j][i])), 1e-300);
        if (Math.abs(a[i][j] - a[j][i]) > SYMMETRY_TOLERANCE * scale) {
          throw new IllegalArgumentException(
              name
                  + ": expected a symmetric matrix, found "
                  + a[i][j]
                  + " at "
                  + i
                  + ","
                  + j
                  + " but "
                  + a[j][i]
                  + " at "
                  + j
                  + ","
                  + i);
        }
      }
    }
    double[][] l = new double[d][d];
    for (int j = 0; j < d; j++) {
      double s = a[j][j];
      for (int k = 0; k < j; k++) {
        s -= l[j][k] * l[j][k];
      }
      if (!(s > 1e-14 * Math.abs(a[j][j])) || !(s > 0)) {
        throw new IllegalArgumentException(
            name
                + ": expected a symmetric positive definite matrix, found a (numerically)"
                + " non-positive pivot "
                + s
                + " at row "
                + j
                + " (the matrix is singular or indefinite)");
      }
      double ljj = Math.sqrt(s);
      l[j][j] = ljj;
      for (int i = j + 1; i < d; i++) {
        double t = 0.5 * (a[i][j] + a[j][i]);
        for (int k = 0; k < j; k++) {
          t -= l[i][k] * l[j][k];
        }
        l[i][j] = t / ljj;
      }
    }
    return l;
  }

  /** {@return {@code 2 sum_i ln L_ii = ln det(a)} from a Cholesky factor} */
  static double logDet(double[][] l) {
    double s = 0;
    for (int i = 0; i < l.length; i++) {
      s += Math.log(l[i][i]);
    }
    return 2 * s;
  }

  /** {@return {@code L^-1 v} by forward substitution} */
  static double[] solveLower(double[][] l, double[] v) {
    int d = l.length;
    double[] z = new double[d];
    for (int i = 0; i < d; i++) {
      double s = v[i];
      for (int k = 0; k < i; k++) {
        s -= l[i][k] * z[k];
      }
      z[i] = s / l[i][i];
    }
    return z;
  }

  /** {@return the inverse of the lower triangular {@code L}, itself lower triangular} */
  static double[][] invertLower(double[][] l) {
    int d = l.length;
    double[][] inv = new double[d][d];
    for (int c = 0; c < d; c++) {
      double[] e = new double[d];
      e[c] = 1;
      double[] col = solveLower(l, e);
      for (int r = 0; r < d; r++) {
        inv[r][c] = col[r];
      }
    }
    return inv;
  }
}
