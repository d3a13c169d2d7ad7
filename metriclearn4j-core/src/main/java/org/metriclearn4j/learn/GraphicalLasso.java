package org.metriclearn4j.learn;

import org.ejml.data.DMatrixRMaj;

/**
 * The graphical lasso of J. Friedman, T. Hastie, R. Tibshirani, "Sparse inverse covariance
 * estimation with the graphical lasso", Biostatistics 9(3), 2008: block coordinate descent over the
 * columns of the covariance estimate {@code W}, each column a lasso problem solved by coordinate
 * descent, for
 *
 * <pre>
 *   max over Theta > 0 of  log det Theta - tr(S Theta) - lambda * sum_{i != j} |Theta_ij|
 * </pre>
 *
 * <p>The penalty applies to the off-diagonal entries only (so {@code W_ii = S_ii}).
 * Package-private: used by {@link Sdml}. Deterministic and single-threaded.
 */
final class GraphicalLasso {
  /** The result: the sparse precision {@code Theta}, its inverse {@code W} and the fit. */
  record Result(DMatrixRMaj precision, DMatrixRMaj covariance, int iterations, boolean converged) {}

  private GraphicalLasso() {}

  /**
   * Solves the graphical lasso.
   *
   * @param s a symmetric positive definite {@code p x p} matrix (not modified)
   * @param lambda the off-diagonal penalty, {@code >= 0}
   * @param maxIterations the maximum number of sweeps over the columns, {@code >= 1}
   * @param tolerance sweeps stop when the mean absolute change of the off-diagonal of {@code W} is
   *     below {@code tolerance} times the mean absolute off-diagonal of {@code S} (the paper's
   *     criterion)
   * @return the precision, covariance and whether the criterion was met
   */
  static Result solve(DMatrixRMaj s, double lambda, int maxIterations, double tolerance) {
    int p = s.numRows;
    DMatrixRMaj w = s.copy();
    if (p == 1) {
      DMatrixRMaj theta = new DMatrixRMaj(1, 1);
      theta.data[0] = 1.0 / s.data[0];
      return new Result(theta, w, 0, true);
    }
    double offScale = 0;
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        if (i != j) {
          offScale += Math.abs(s.get(i, j));
        }
      }
    }
    offScale /= (double) p * (p - 1);
    double threshold = tolerance * Math.max(offScale, 1e-300);
    // beta[j] holds the lasso coefficients of column j over the other p-1 indices (warm starts)
    double[][] beta = new double[p][p];
    double[] s12 = new double[p];
    double[] w11b = new double[p];
    boolean converged = false;
    int iterations = 0;
    while (iterations < maxIterations) {
      iterations++;
      double change = 0;
      for (int j = 0; j < p; j++) {
        double[] b = beta[j];
        for (int k = 0; k < p; k++) {
          s12[k] = s.get(k, j);
        }
        // w11b = W11 b over indices != j
        for (int k = 0; k < p; k++) {
          if (k == j) {
            continue;
          }
          double acc = 0;
          int off = k * p;
          for (int l = 0; l < p; l++) {
            if (l != j) {
              acc += w.data[off + l] * b[l];
            }
          }
          w11b[k] = acc;
        }
        lasso(w, j, s12, lambda, b, w11b, p);
        for (int k = 0; k < p; k++) {
          if (k == j) {
            continue;
          }
          double updated = w11b[k];
          change += Math.abs(updated - w.get(k, j));
          w.set(k, j, updated);
          w.set(j, k, updated);
        }
      }
      change /= (double) p * (p - 1);
      if (change < threshold) {
        converged = true;
        break;
      }
    }
    DMatrixRMaj theta = new DMatrixRMaj(p, p);
    for (int j = 0; j < p; j++) {
      double[] b = beta[j];
      double dot = 0;
      for (int k = 0; k < p; k++) {
        if (k != j) {
          dot += w.get(j, k) * b[k];
        }
      }
      double tjj = 1.0 / (w.get(j, j) - dot);
      theta.set(j, j, tjj);
      for (int k = 0; k < p; k++) {
        if (k != j) {
          theta.set(k, j, -b[k] * tjj);
        }
      }
    }
    // symmetrise: the two estimates of each off-diagonal entry agree at convergence; keep zeros
    for (int i = 0; i < p; i++) {
      for (int j = i + 1; j < p; j++) {
        double a = theta.get(i, j);
        double c = theta.get(j, i);
        double v = (a == 0 || c == 0) ? 0 : 0.5 * (a + c);
        theta.set(i, j, v);
        theta.set(j, i, v);
      }
    }
    return new Result(theta, w, iterations, converged);
  }

  /**
   * Coordinate descent for {@code min_b 1/2 b^T W11 b - b^T s12 + lambda ||b||_1} over the indices
   * other than {@code j}, updating {@code b} and {@code w11b = W11 b} in place.
   */
  private static void lasso(
      DMatrixRMaj w, int j, double[] s12, double lambda, double[] b, double[] w11b, int p) {
    for (int sweep = 0; sweep < 1000; sweep++) {
      double maxChange = 0;
      double maxCoef = 0;
      for (int k = 0; k < p; k++) {
        if (k == j) {
          continue;
        }
        double wkk = w.get(k, k);
        double old = b[k];
        double r = s12[k] - (w11b[k] - wkk * old);
        double updated = softThreshold(r, lambda) / wkk;
        double delta = updated - old;
        if (delta != 0) {
          b[k] = updated;
          int off = k * p;
          for (int l = 0; l < p; l++) {
            if (l != j) {
              w11b[l] += w.data[off + l] * delta;
            }
          }
          maxChange = Math.max(maxChange, Math.abs(delta) * Math.sqrt(wkk));
        }
        maxCoef = Math.max(maxCoef, Math.abs(updated) * Math.sqrt(wkk));
      }
      if (maxChange <= 1e-10 * Math.max(maxCoef, 1e-300) || maxChange == 0) {
        return;
      }
    }
  }

  private static double softThreshold(double x, double lambda) {
    if (x > lambda) {
      return x - lambda;
    }
    if (x < -lambda) {
      return x + lambda;
    }
    return 0;
  }
}
