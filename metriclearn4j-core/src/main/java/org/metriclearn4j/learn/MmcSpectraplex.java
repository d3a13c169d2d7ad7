package org.metriclearn4j.learn;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.metriclearn4j.linalg.Gemm;
import org.metriclearn4j.linalg.Kernels;
import org.metriclearn4j.linalg.SymmetricEigen;
import org.metriclearn4j.metric.FitSummary;

/**
 * {@link Mmc.Solver#EXACT}: solves the full MMC problem to a certified optimum.
 *
 * <p>Writing {@code M = P B P^T} with {@code P = U (Omega + rho I)^(-1/2)}, where {@code W = U
 * Omega U^T} is the eigen-decomposition of the similar-pair scatter {@code W = sum_S (x_i -
 * x_j)(x_i - x_j)^T} (so {@code f(M) = <W, M>}) and {@code rho = 1e-9 tr(W) / d} a ridge, turns the
 * feasible set into the spectraplex {@code {B PSD, tr B <= 1}}. The Euclidean projection onto it is
 * exact (one eigen-decomposition: the eigenvalues are projected onto {@code {mu >= 0, sum mu <=
 * 1}}), so the fit is a convergent projected gradient ascent: spectral projected gradient (Birgin,
 * Martinez, Raydan, SIAM J. Optim. 2000) with Barzilai-Borwein step sizes and a non-monotone Armijo
 * search (memory 10, constant 1e-4) along the projected direction, from {@code B = I / d}. It stops
 * when the Frank-Wolfe duality gap {@code max(0, lambda_max(grad G(B))) - <grad G(B), B>}, an upper
 * bound on the distance of {@code G(B) = g(P B P^T)} to the optimum, is at most {@code tolerance *
 * G(B)}; it is not converged when it stops at the iteration limit or when no step increases {@code
 * G} at working precision before that. The ridge only matters when {@code W} is singular (fewer
 * independent similar differences than features): then the paper's problem is unbounded in the
 * directions no similar pair varies in, and the result concentrates on them. The returned matrix
 * satisfies {@code f(M) + rho tr(M) = 1}.
 */
final class MmcSpectraplex {
  /** The ridge relative to the mean eigenvalue of the similar-pair scatter. */
  private static final double RIDGE = 1e-9;

  /** Objective values the non-monotone line search compares against. */
  private static final int NONMONOTONE_MEMORY = 10;

  /** Sufficient-increase constant of the line search. */
  private static final double ARMIJO = 1e-4;

  /** Halvings of the step before the line search gives up. */
  private static final int MAX_BACKTRACKS = 60;

  private static final double MIN_STEP = 1e-30;
  private static final double MAX_STEP = 1e30;

  private MmcSpectraplex() {}

  /**
   * Solves the full problem on (rescaled) points.
   *
   * @param xs the points
   * @param sim first and second indices of the similar pairs of distinct points
   * @param dis first and second indices of the dissimilar pairs of distinct points
   * @param maxIterations the iteration limit
   * @param tolerance the relative duality gap at which it stops
   * @return {@code M} in the units of {@code xs}, and what the solver did
   */
  static Mmc.Solution solve(
      DMatrixRMaj xs, int[][] sim, int[][] dis, int maxIterations, double tolerance) {
    int d = xs.numCols;
    double[] ones = new double[sim[0].length];
    java.util.Arrays.fill(ones, 1.0);
    // W = sum over similar pairs v v^T, so f(A) = <W, A>; whiten with P = U (Omega + rho I)^(-1/2)
    DMatrixRMaj w = Kernels.pairScatter(xs, sim[0], sim[1], ones);
    SymmetricEigen wEig = Kernels.symmetricEigen(w);
    double trace = 0;
    for (double v : wEig.values()) {
      trace += Math.max(v, 0);
    }
    double rho = RIDGE * trace / d;
    DMatrixRMaj p = wEig.vectors().copy();
    for (int c = 0; c < d; c++) {
      double s = 1 / Math.sqrt(Math.max(wEig.values()[c], 0) + rho);
      for (int r = 0; r < d; r++) {
        p.data[r * d + c] *= s;
      }
    }
    DMatrixRMaj xw = new DMatrixRMaj(xs.numRows, d);
    Gemm.mult(xs, p, xw);
    Whitened problem =
        new Whitened(xw, dis[0], dis[1], WeakMetricSupport.differences(xw, dis[0], dis[1]));
    // spectral projected gradient ascent of G(B) over {B PSD, tr B <= 1}
    DMatrixRMaj b = CommonOps_DDRM.identity(d);
    CommonOps_DDRM.scale(1.0 / d, b);
    double[] dist = problem.distances(b);
    double obj = sum(dist);
    DMatrixRMaj grad = problem.gradient(dist);
    double step =
        Math.sqrt(
            WeakMetricSupport.frobeniusDot(b, b) / WeakMetricSupport.frobeniusDot(grad, grad));
    double[] recent = new double[NONMONOTONE_MEMORY];
    java.util.Arrays.fill(recent, obj);
    DMatrixRMaj best = b;
    double bestObj = obj;
    boolean converged = false;
    int iterations = 0;
    while (true) {
      double gap =
          Math.max(0, Kernels.symmetricEigen(grad).values()[0])
              - WeakMetricSupport.frobeniusDot(grad, b);
      if (gap <= tolerance * obj) {
        converged = true;
        break;
      }
      if (iterations == maxIterations) {
        break;
      }
      iterations++;
      DMatrixRMaj target = b.copy();
      CommonOps_DDRM.addEquals(target, step, grad);
      DMatrixRMaj direction = projectToSpectraplex(target);
      CommonOps_DDRM.subtractEquals(direction, b);
      double slope = WeakMetricSupport.frobeniusDot(grad, direction);
      double reference = obj;
      for (double r : recent) {
        reference = Math.min(reference, r);
      }
      double lambda = 1;
      DMatrixRMaj trial = b;
      double[] trialDist = dist;
      double trialObj = obj;
      boolean accepted = false;
      for (int ls = 0; ls < MAX_BACKTRACKS && slope > 0; ls++) {
        trial = b.copy();
        CommonOps_DDRM.addEquals(trial, lambda, direction);
        trialDist = problem.distances(trial);
        trialObj = sum(trialDist);
        if (trialObj >= reference + ARMIJO * lambda * slope) {
          accepted = true;
          break;
        }
        lambda /= 2;
      }
      if (!accepted) {
        // no ascent left at working precision: report the duality gap as it stands
        break;
      }
      DMatrixRMaj trialGrad = problem.gradient(trialDist);
      DMatrixRMaj s = trial.copy();
      CommonOps_DDRM.subtractEquals(s, b);
      DMatrixRMaj y = trialGrad.copy();
      CommonOps_DDRM.subtractEquals(y, grad);
      double sy = -WeakMetricSupport.frobeniusDot(s, y);
      double ss = WeakMetricSupport.frobeniusDot(s, s);
      step = sy > 0 ? Math.min(MAX_STEP, Math.max(MIN_STEP, ss / sy)) : MAX_STEP;
      b = trial;
      dist = trialDist;
      obj = trialObj;
      grad = trialGrad;
      recent[iterations % NONMONOTONE_MEMORY] = obj;
      if (obj > bestObj) {
        best = b;
        bestObj = obj;
      }
    }
    if (!converged) {
      // the non-monotone search may end below an earlier iterate
      b = best;
      obj = bestObj;
    }
    // M = P B P^T
    DMatrixRMaj pb = new DMatrixRMaj(d, d);
    Gemm.mult(p, b, pb);
    DMatrixRMaj a = new DMatrixRMaj(d, d);
    Gemm.multTransB(pb, p, a);
    Kernels.symmetrize(a);
    return new Mmc.Solution(a, new FitSummary(iterations, converged, obj));
  }

  /**
   * Returns the Euclidean projection of a symmetric matrix onto {@code {B PSD, tr B <= 1}}: its
   * eigenvalues projected onto {@code {mu >= 0, sum mu <= 1}}.
   */
  private static DMatrixRMaj projectToSpectraplex(DMatrixRMaj symmetric) {
    SymmetricEigen eig = Kernels.symmetricEigen(symmetric);
    double[] lambda = eig.values();
    int d = lambda.length;
    double[] mu = new double[d];
    double clipped = 0;
    for (int i = 0; i < d; i++) {
      mu[i] = Math.max(0, lambda[i]);
      clipped += mu[i];
    }
    if (clipped > 1) {
      // onto the simplex sum mu = 1 (eigenvalues come in descending order)
      double cumulative = 0;
      double theta = 0;
      for (int i = 0; i < d; i++) {
        cumulative += lambda[i];
        double candidate = (cumulative - 1) / (i + 1);
        if (lambda[i] - candidate > 0) {
          theta = candidate;
        }
      }
      for (int i = 0; i < d; i++) {
        mu[i] = Math.max(0, lambda[i] - theta);
      }
    }
    int rank = 0;
    while (rank < d && mu[rank] > 0) {
      rank++;
    }
    DMatrixRMaj v = new DMatrixRMaj(d, rank);
    DMatrixRMaj scaled = new DMatrixRMaj(d, rank);
    for (int r = 0; r < d; r++) {
      for (int c = 0; c < rank; c++) {
        double e = eig.vectors().data[r * d + c];
        v.data[r * rank + c] = e;
        scaled.data[r * rank + c] = e * mu[c];
      }
    }
    DMatrixRMaj out = new DMatrixRMaj(d, d);
    Gemm.multTransB(scaled, v, out);
    Kernels.symmetrize(out);
    return out;
  }

  /** The dissimilar pairs over the whitened points. */
  private record Whitened(DMatrixRMaj x, int[] first, int[] second, DMatrixRMaj differences) {

    /** Returns {@code ||u_p||_B} for every dissimilar pair. */
    double[] distances(DMatrixRMaj b) {
      double[] q = WeakMetricSupport.quadraticForms(differences, b);
      for (int i = 0; i < q.length; i++) {
        q[i] = Math.sqrt(q[i]);
      }
      return q;
    }

    /** Returns the gradient {@code sum_p u_p u_p^T / (2 ||u_p||_B)} of {@code G}. */
    DMatrixRMaj gradient(double[] dist) {
      double[] weights = new double[dist.length];
      double floor = 1e-12 * WeakMetricSupport.maxOf(dist);
      for (int p = 0; p < dist.length; p++) {
        weights[p] = 0.5 / Math.max(dist[p], floor);
      }
      return Kernels.pairScatter(x, first, second, weights);
    }
  }

  private static double sum(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s;
  }
}
