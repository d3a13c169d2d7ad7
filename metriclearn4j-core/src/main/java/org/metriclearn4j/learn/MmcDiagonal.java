package org.metriclearn4j.learn;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.metriclearn4j.linalg.Gemm;
import org.metriclearn4j.metric.FitSummary;

/**
 * {@link Mmc.Form#DIAGONAL}: learns {@code M = diag(a)}, a feature weighting, by minimising the
 * convex objective of Xing et al. 2002 (their eq. 6)
 *
 * <pre>
 *   h(a) = sum_{similar} ||x_i - x_j||_a^2 - c * log(sum_{dissimilar} ||x_i - x_j||_a),  a &gt;= 0
 * </pre>
 *
 * <p>with projected Newton steps (Bertsekas' variant: Newton on the coordinates not held at zero,
 * gradient on the others) and a backtracking line search, from the best multiple of the identity.
 * It has converged when the relative decrease of {@code h} is below the tolerance or no step
 * decreases it.
 */
final class MmcDiagonal {
  private MmcDiagonal() {}

  /**
   * Minimises {@code h} over {@code a >= 0}.
   *
   * @param sim the differences of the similar pairs, one per row
   * @param dis the differences of the dissimilar pairs, one per row
   * @param diagonalC the weight {@code c} of the log term
   * @param maxIterations the iteration limit
   * @param tolerance the relative decrease of {@code h} at which it stops
   * @return {@code diag(a)} and what the solver did
   */
  static Mmc.Solution solve(
      DMatrixRMaj sim, DMatrixRMaj dis, double diagonalC, int maxIterations, double tolerance) {
    int d = sim.numCols;
    double[] sSum = new double[d];
    for (int p = 0; p < sim.numRows; p++) {
      for (int t = 0; t < d; t++) {
        double v = sim.data[p * d + t];
        sSum[t] += v * v;
      }
    }
    DMatrixRMaj q = dis.copy();
    for (int i = 0; i < q.data.length; i++) {
      q.data[i] *= q.data[i];
    }
    // start: the best multiple of the identity, t = c / (2 sum_j sSum_j)
    double total = 0;
    for (double v : sSum) {
      total += v;
    }
    double[] a = new double[d];
    java.util.Arrays.fill(a, total > 0 ? diagonalC / (2 * total) : 1.0);
    double h = objective(sSum, q, a, diagonalC);
    boolean converged = false;
    int iterations = 0;
    double[] grad = new double[d];
    DMatrixRMaj hess = new DMatrixRMaj(d, d);
    while (iterations < maxIterations) {
      iterations++;
      derivatives(sSum, q, a, diagonalC, grad, hess);
      // active set: at zero with a positive gradient
      double eps = 1e-12 * WeakMetricSupport.maxOf(a);
      boolean[] active = new boolean[d];
      int free = 0;
      for (int t = 0; t < d; t++) {
        active[t] = a[t] <= eps && grad[t] > 0;
        if (!active[t]) {
          free++;
        }
      }
      double[] step = new double[d];
      if (free > 0) {
        int[] map = new int[free];
        int f = 0;
        for (int t = 0; t < d; t++) {
          if (!active[t]) {
            map[f++] = t;
          }
        }
        DMatrixRMaj hf = new DMatrixRMaj(free, free);
        DMatrixRMaj gf = new DMatrixRMaj(free, 1);
        double diagScale = 0;
        for (int i = 0; i < free; i++) {
          diagScale = Math.max(diagScale, hess.get(map[i], map[i]));
        }
        for (int i = 0; i < free; i++) {
          gf.set(i, 0, grad[map[i]]);
          for (int j = 0; j < free; j++) {
            hf.set(i, j, hess.get(map[i], map[j]));
          }
          hf.add(i, i, 1e-10 * Math.max(diagScale, 1e-300));
        }
        DMatrixRMaj sf = new DMatrixRMaj(free, 1);
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(free);
        boolean solved = solver.setA(hf);
        if (solved) {
          solver.solve(gf, sf);
        }
        for (int i = 0; i < free; i++) {
          double v = solved ? sf.get(i, 0) : grad[map[i]] / Math.max(hf.get(i, i), 1e-300);
          step[map[i]] = Double.isFinite(v) ? v : 0;
        }
      }
      for (int t = 0; t < d; t++) {
        if (active[t]) {
          step[t] = grad[t] / Math.max(hess.get(t, t), 1e-300);
        }
      }
      // backtracking line search on the projected path
      double t0 = 1.0;
      double[] trial = new double[d];
      double hTrial = Double.POSITIVE_INFINITY;
      boolean improved = false;
      for (int ls = 0; ls < 60; ls++) {
        for (int t = 0; t < d; t++) {
          trial[t] = Math.max(0, a[t] - t0 * step[t]);
        }
        hTrial = objective(sSum, q, trial, diagonalC);
        if (hTrial < h) {
          improved = true;
          break;
        }
        t0 /= 2;
      }
      if (!improved) {
        converged = true;
        break;
      }
      double decrease = (h - hTrial) / Math.max(Math.abs(hTrial), 1e-300);
      System.arraycopy(trial, 0, a, 0, d);
      h = hTrial;
      if (decrease < tolerance) {
        converged = true;
        break;
      }
    }
    DMatrixRMaj m = new DMatrixRMaj(d, d);
    for (int t = 0; t < d; t++) {
      m.set(t, t, a[t]);
    }
    return new Mmc.Solution(m, new FitSummary(iterations, converged, h));
  }

  private static double objective(double[] sSum, DMatrixRMaj q, double[] a, double diagonalC) {
    int d = a.length;
    double lin = 0;
    for (int t = 0; t < d; t++) {
      lin += sSum[t] * a[t];
    }
    double total = 0;
    for (int p = 0; p < q.numRows; p++) {
      double s = 0;
      for (int t = 0; t < d; t++) {
        s += q.data[p * d + t] * a[t];
      }
      total += Math.sqrt(Math.max(s, 0));
    }
    return total > 0 ? lin - diagonalC * Math.log(total) : Double.POSITIVE_INFINITY;
  }

  private static void derivatives(
      double[] sSum, DMatrixRMaj q, double[] a, double diagonalC, double[] grad, DMatrixRMaj hess) {
    int d = a.length;
    double[] dDist = new double[d];
    DMatrixRMaj curvature = new DMatrixRMaj(d, d);
    double total = 0;
    double[] dist = new double[q.numRows];
    double maxDist = 0;
    for (int p = 0; p < q.numRows; p++) {
      double s = 0;
      for (int t = 0; t < d; t++) {
        s += q.data[p * d + t] * a[t];
      }
      dist[p] = Math.sqrt(Math.max(s, 0));
      maxDist = Math.max(maxDist, dist[p]);
    }
    double floor = 1e-9 * Math.max(maxDist, 1e-300);
    DMatrixRMaj scaledQ = new DMatrixRMaj(q.numRows, d);
    for (int p = 0; p < q.numRows; p++) {
      double dp = Math.max(dist[p], floor);
      total += dist[p];
      double c1 = 0.5 / dp;
      double c3 = Math.sqrt(0.25 / (dp * dp * dp));
      for (int t = 0; t < d; t++) {
        dDist[t] += c1 * q.data[p * d + t];
        scaledQ.data[p * d + t] = c3 * q.data[p * d + t];
      }
    }
    Gemm.multTransA(scaledQ, scaledQ, curvature);
    double c = diagonalC;
    for (int i = 0; i < d; i++) {
      grad[i] = sSum[i] - c * dDist[i] / total;
      for (int j = 0; j < d; j++) {
        hess.set(i, j, c * curvature.get(i, j) / total + c * dDist[i] * dDist[j] / (total * total));
      }
    }
  }
}
