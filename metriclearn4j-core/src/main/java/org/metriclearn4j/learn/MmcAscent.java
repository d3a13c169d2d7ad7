package org.metriclearn4j.learn;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.metriclearn4j.linalg.Kernels;
import org.metriclearn4j.metric.FitSummary;

/**
 * {@link Mmc.Solver#PAPER}: the full MMC problem by the algorithm of Xing et al. 2002 (their Figure
 * 1), which metric-learn and the authors' MATLAB code also use.
 *
 * <p>From the multiple of the identity with {@code f(M) = 1}, each iteration steps along the
 * gradient of {@code g} made orthogonal to the gradient {@code W} of {@code f}, then projects back
 * by alternating projections onto the half-space {@code f(M) <= 1} and the PSD cone ({@link
 * Kernels#projectToPsd}) until {@code f(M) <= 1.01} (at most {@code maxProjections} rounds, fewer
 * when a round lowers {@code f} by less than 1%), then rescales exactly onto {@code f(M) <= 1}. The
 * step is relative to {@code ||M||_F}: it starts at 0.1, grows by 5% after a step that increases
 * {@code g} and is halved, from the previous iterate, after one that does not. It has converged
 * when an accepted step changes {@code M} by less than {@code tolerance ||M||_F} or the relative
 * step falls below {@code tolerance}.
 *
 * <p>It stops before the optimum of the convex problem (about 25% above the optimal scale-free
 * ratio on all pairs of iris) and so keeps more of its full-rank start: the exact optimum ({@link
 * MmcSpectraplex}) is often of rank one to three, which makes a poor kNN metric on many features.
 */
final class MmcAscent {
  /** The first step, relative to {@code ||M||_F}. */
  private static final double FIRST_STEP = 0.1;

  private MmcAscent() {}

  /**
   * Runs the ascent on (rescaled) points.
   *
   * @param xs the points
   * @param sim first and second indices of the similar pairs of distinct points
   * @param dis first and second indices of the dissimilar pairs of distinct points
   * @param maxIterations the iteration limit
   * @param maxProjections the limit of alternating-projection rounds per iteration
   * @param tolerance the relative change of {@code M} (and the relative step) at which it stops
   * @return {@code M} in the units of {@code xs}, and what the solver did
   */
  static Mmc.Solution solve(
      DMatrixRMaj xs,
      int[][] sim,
      int[][] dis,
      int maxIterations,
      int maxProjections,
      double tolerance) {
    int d = xs.numCols;
    DMatrixRMaj dd = WeakMetricSupport.differences(xs, dis[0], dis[1]);
    double[] ones = new double[sim[0].length];
    java.util.Arrays.fill(ones, 1.0);
    // W = sum over similar pairs v v^T, so f(A) = <W, A>
    DMatrixRMaj w = Kernels.pairScatter(xs, sim[0], sim[1], ones);
    Feasible feasible = new Feasible(w, WeakMetricSupport.frobeniusDot(w, w), maxProjections);
    Dissimilar dissimilar = new Dissimilar(xs, dis[0], dis[1], dd);
    DMatrixRMaj a = CommonOps_DDRM.identity(d);
    CommonOps_DDRM.scale(1.0 / WeakMetricSupport.frobeniusDot(w, a), a);
    double obj = dissimilar.sum(a);
    double alpha = FIRST_STEP;
    boolean converged = false;
    int iterations = 0;
    DMatrixRMaj direction = feasible.tangent(dissimilar.gradient(a));
    while (iterations < maxIterations) {
      iterations++;
      double aNorm = Math.sqrt(WeakMetricSupport.frobeniusDot(a, a));
      double dirNorm = Math.sqrt(WeakMetricSupport.frobeniusDot(direction, direction));
      if (!(dirNorm > 0)) {
        converged = true;
        break;
      }
      DMatrixRMaj candidate = a.copy();
      CommonOps_DDRM.addEquals(candidate, alpha * aNorm / dirNorm, direction);
      candidate = feasible.project(candidate);
      double candObj = dissimilar.sum(candidate);
      if (candObj > obj) {
        DMatrixRMaj diff = candidate.copy();
        CommonOps_DDRM.subtractEquals(diff, a);
        double change = Math.sqrt(WeakMetricSupport.frobeniusDot(diff, diff)) / aNorm;
        a = candidate;
        obj = candObj;
        alpha *= 1.05;
        if (change < tolerance) {
          converged = true;
          break;
        }
        direction = feasible.tangent(dissimilar.gradient(a));
      } else {
        alpha /= 2;
        if (alpha < tolerance) {
          converged = true;
          break;
        }
      }
    }
    return new Mmc.Solution(a, new FitSummary(iterations, converged, obj));
  }

  /** The feasible set {@code {<W, A> <= 1, A PSD}}. */
  private record Feasible(DMatrixRMaj w, double wNorm2, int maxProjections) {

    /** Returns {@code g} minus its component along {@code W}. */
    DMatrixRMaj tangent(DMatrixRMaj g) {
      double along = WeakMetricSupport.frobeniusDot(g, w) / wNorm2;
      CommonOps_DDRM.addEquals(g, -along, w);
      return g;
    }

    /**
     * Alternating projections onto {@code <W, A> <= 1} and the PSD cone, until {@code <W, A> <=
     * 1.01}, {@code maxProjections} rounds, or a round that lowers {@code <W, A>} by less than 1%;
     * then an exact rescaling if still above 1.
     */
    DMatrixRMaj project(DMatrixRMaj a) {
      DMatrixRMaj current = a;
      double previous = Double.POSITIVE_INFINITY;
      for (int it = 0; it < maxProjections; it++) {
        double f = WeakMetricSupport.frobeniusDot(w, current);
        if (f > 1) {
          current = current.copy();
          CommonOps_DDRM.addEquals(current, -(f - 1) / wNorm2, w);
        }
        current = Kernels.projectToPsd(current);
        double after = WeakMetricSupport.frobeniusDot(w, current);
        if (after <= 1.01 || after > 0.99 * previous) {
          break;
        }
        previous = after;
      }
      double f = WeakMetricSupport.frobeniusDot(w, current);
      if (f > 1) {
        current = current.copy();
        CommonOps_DDRM.scale(1.0 / f, current);
      }
      return current;
    }
  }

  /** The dissimilar pairs: their points, indices and differences. */
  private record Dissimilar(DMatrixRMaj x, int[] first, int[] second, DMatrixRMaj differences) {

    /** Returns {@code g(A) = sum_D ||x_i - x_j||_A}. */
    double sum(DMatrixRMaj a) {
      double s = 0;
      for (double q : WeakMetricSupport.quadraticForms(differences, a)) {
        s += Math.sqrt(q);
      }
      return s;
    }

    /** Returns the gradient {@code sum_D u u^T / (2 ||u||_A)} of {@code g}. */
    DMatrixRMaj gradient(DMatrixRMaj a) {
      double[] dist = WeakMetricSupport.quadraticForms(differences, a);
      double[] weights = new double[dist.length];
      double floor = 1e-12 * WeakMetricSupport.maxOf(dist);
      for (int p = 0; p < dist.length; p++) {
        weights[p] = 0.5 / Math.sqrt(Math.max(dist[p], floor));
      }
      return Kernels.pairScatter(x, first, second, weights);
    }
  }
}
