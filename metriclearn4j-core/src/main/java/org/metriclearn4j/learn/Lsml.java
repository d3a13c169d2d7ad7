package org.metriclearn4j.learn;

import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.metriclearn4j.constraints.Quadruplets;
import org.metriclearn4j.linalg.Gemm;
import org.metriclearn4j.linalg.Kernels;
import org.metriclearn4j.linalg.SymmetricEigen;
import org.metriclearn4j.metric.FitSummary;
import org.metriclearn4j.metric.MahalanobisMetric;
import org.metriclearn4j.metric.Provenance;

/**
 * Least Squared-residual Metric Learning (LSML): E. Y. Liu, Z. Guo, X. Zhang, V. Jojic, W. Wang,
 * "Metric learning from relative comparisons by minimizing squared residual", ICDM 2012.
 *
 * <p>Each quadruplet {@code (a, b, c, d)} says {@code d_M(x_a, x_b) < d_M(x_c, x_d)}, with {@code
 * d_M(x, y) = sqrt((x - y)^T M (x - y))}. Objective, over {@code M} positive definite:
 *
 * <pre>
 *   min  sum_q w_q H(d_M(x_a, x_b) - d_M(x_c, x_d)) + tr(M M_0^-1) - log det M,
 *   H(r) = r^2 for r > 0, 0 otherwise,
 * </pre>
 *
 * <p>the squared residual of the violated comparisons plus the LogDet divergence to the prior
 * {@code M_0} (up to a constant), with the weights normalised to sum to one. It is minimised by
 * gradient descent with a projection onto the eigenvalues {@code >= 1e-8 * max eigenvalue} after
 * each step; the step length is chosen by backtracking (halve until the objective decreases, start
 * each iteration from twice the last accepted step).
 *
 * <p>Defaults: prior {@link Prior#VARIANCE} ({@code M_0 = diag(1/variance)}, the Euclidean metric
 * of standardised features, so that the result does not depend on the units of the features;
 * metric-learn's default identity prior does and loses accuracy on unscaled data: 0.82 against 0.96
 * on wine), at most {@code maxIterations = 1000} steps, convergence when an accepted step lowers
 * the objective by less than {@code tolerance = 1e-6} relative to its value, or when no step length
 * down to {@code 1e-12} relative to {@code ||M||} lowers it. Quadruplets whose closer pair joins
 * two identical points are always satisfied and ignored.
 */
public final class Lsml implements QuadrupletsMetricLearner {
  /** The prior metric {@code M_0}. */
  public enum Prior {
    /** The Euclidean metric {@code M_0 = I}. */
    IDENTITY,
    /** The inverse of the (ridge-regularised) covariance of the points the quadruplets use. */
    COVARIANCE,
    /** The diagonal of inverse variances of the points the quadruplets use. */
    VARIANCE
  }

  private final Prior prior;
  private final int maxIterations;
  private final double tolerance;

  private Lsml(Builder b) {
    this.prior = b.prior;
    this.maxIterations = b.maxIterations;
    this.tolerance = b.tolerance;
  }

  /** Returns a builder with the defaults stated in the class documentation. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this learner's settings. */
  public Builder toBuilder() {
    return new Builder().prior(prior).maxIterations(maxIterations).tolerance(tolerance);
  }

  @Override
  public String name() {
    return "lsml";
  }

  /**
   * Learns the metric from weighted quadruplets.
   *
   * @param quadruplets the comparisons {@code d(a, b) < d(c, d)}
   * @return the metric
   * @throws IllegalArgumentException if every quadruplet's closer pair joins identical points
   */
  @Override
  public MahalanobisMetric fit(Quadruplets quadruplets) {
    DMatrixRMaj x = quadruplets.pointsMatrix();
    int d = x.numCols;
    int[] qa = quadruplets.first();
    int[] qb = quadruplets.second();
    int[] qc = quadruplets.third();
    int[] qd = quadruplets.fourth();
    double[] w = quadruplets.weights();
    DMatrixRMaj vab0 = WeakMetricSupport.differences(x, qa, qb);
    int[] keep = new int[qa.length];
    int kept = 0;
    for (int q = 0; q < qa.length; q++) {
      boolean nonZero = false;
      for (int t = 0; t < d && !nonZero; t++) {
        nonZero = vab0.data[q * d + t] != 0;
      }
      if (nonZero && w[q] > 0) {
        keep[kept++] = q;
      }
    }
    if (kept == 0) {
      throw new IllegalArgumentException(
          "quadruplets: every quadruplet with a positive weight has a closer pair of two identical"
              + " points, which is always satisfied; expected at least one informative"
              + " quadruplet");
    }
    int[] a = new int[kept];
    int[] b = new int[kept];
    int[] c = new int[kept];
    int[] e = new int[kept];
    double[] weights = new double[kept];
    double total = 0;
    for (int k = 0; k < kept; k++) {
      int q = keep[k];
      a[k] = qa[q];
      b[k] = qb[q];
      c[k] = qc[q];
      e[k] = qd[q];
      weights[k] = w[q];
      total += w[q];
    }
    for (int k = 0; k < kept; k++) {
      weights[k] /= total;
    }
    int[] used = WeakMetricSupport.usedPoints(x.numRows, a, b, c, e);
    // work in coordinates where the prior is the identity: z = x D (diagonal priors) or x P^1/2
    DMatrixRMaj toWork = priorRoot(x, used, d);
    DMatrixRMaj z = new DMatrixRMaj(x.numRows, d);
    Gemm.multTransB(x, toWork, z);
    Problem problem = new Problem(z, a, b, c, e, weights);

    DMatrixRMaj m = CommonOps_DDRM.identity(d);
    Evaluation current = problem.evaluate(m, Kernels.symmetricEigen(m));
    double step = 1.0;
    boolean converged = false;
    int iterations = 0;
    while (iterations < maxIterations) {
      iterations++;
      DMatrixRMaj grad = problem.gradient(m, current);
      double gradNorm = NormOps_DDRM.normF(grad);
      if (!(gradNorm > 0)) {
        converged = true;
        break;
      }
      double mNorm = NormOps_DDRM.normF(m);
      step = Math.min(step * 2, 1.0);
      Evaluation accepted = null;
      DMatrixRMaj next = null;
      while (step >= 1e-12) {
        DMatrixRMaj moved = m.copy();
        CommonOps_DDRM.addEquals(moved, -step * mNorm / gradNorm, grad);
        SymmetricEigen clamped = Problem.positivePart(moved);
        DMatrixRMaj trial = Problem.compose(clamped);
        Evaluation ev = problem.evaluate(trial, clamped);
        if (ev.objective() < current.objective()) {
          accepted = ev;
          next = trial;
          break;
        }
        step /= 2;
      }
      if (accepted == null || next == null) {
        converged = true;
        break;
      }
      double decrease =
          (current.objective() - accepted.objective())
              / Math.max(Math.abs(current.objective()), 1e-300);
      m = next;
      current = accepted;
      if (decrease < tolerance) {
        converged = true;
        break;
      }
    }
    // back to the input units: M_x = T^T M T with z = x T^T
    DMatrixRMaj tmp = new DMatrixRMaj(d, d);
    DMatrixRMaj mx = new DMatrixRMaj(d, d);
    Gemm.multTransA(toWork, m, tmp);
    Gemm.mult(tmp, toWork, mx);
    Map<String, String> hp =
        WeakMetricSupport.hyperparameters(
            "prior", prior, "maxIterations", maxIterations, "tolerance", tolerance);
    return WeakMetricSupport.metricOf(
        mx,
        new FitSummary(iterations, converged, current.objective()),
        new Provenance(name(), hp, quadruplets.numPoints(), d, 0L));
  }

  /**
   * Returns {@code T} with {@code M_0 = T^T T}, so that the prior is the identity on {@code Tx}.
   */
  private DMatrixRMaj priorRoot(DMatrixRMaj x, int[] used, int d) {
    switch (prior) {
      case IDENTITY:
        return CommonOps_DDRM.identity(d);
      case VARIANCE:
        {
          DMatrixRMaj inv = WeakMetricSupport.inverseVariances(x, used);
          for (int t = 0; t < d; t++) {
            inv.set(t, t, Math.sqrt(inv.get(t, t)));
          }
          return inv;
        }
      case COVARIANCE:
      default:
        return Kernels.psdFactor(
            WeakMetricSupport.regularisedInverse(
                WeakMetricSupport.covariance(x, used), Itml.COVARIANCE_RIDGE));
    }
  }

  /** The objective and what its gradient needs. */
  private record Evaluation(double objective, double[] dab, double[] dcd, SymmetricEigen eigen) {}

  /** The quadruplets in working coordinates. */
  private static final class Problem {
    private final DMatrixRMaj z;
    private final int[] a;
    private final int[] b;
    private final int[] c;
    private final int[] e;
    private final double[] weights;
    private final DMatrixRMaj vab;
    private final DMatrixRMaj vcd;

    Problem(DMatrixRMaj z, int[] a, int[] b, int[] c, int[] e, double[] weights) {
      this.z = z;
      this.a = a;
      this.b = b;
      this.c = c;
      this.e = e;
      this.weights = weights;
      this.vab = WeakMetricSupport.differences(z, a, b);
      this.vcd = WeakMetricSupport.differences(z, c, e);
    }

    /** Evaluates the objective at {@code m}, whose eigen-decomposition is {@code eig}. */
    Evaluation evaluate(DMatrixRMaj m, SymmetricEigen eig) {
      double[] dab = WeakMetricSupport.quadraticForms(vab, m);
      double[] dcd = WeakMetricSupport.quadraticForms(vcd, m);
      double loss = 0;
      for (int q = 0; q < dab.length; q++) {
        dab[q] = Math.sqrt(dab[q]);
        dcd[q] = Math.sqrt(dcd[q]);
        double r = dab[q] - dcd[q];
        if (r > 0) {
          loss += weights[q] * r * r;
        }
      }
      double trace = 0;
      double logDet = 0;
      for (double v : eig.values()) {
        trace += v;
        logDet += Math.log(Math.max(v, Double.MIN_NORMAL));
      }
      return new Evaluation(loss + trace - logDet, dab, dcd, eig);
    }

    DMatrixRMaj gradient(DMatrixRMaj m, Evaluation ev) {
      int d = m.numRows;
      int n = a.length;
      int[] first = new int[2 * n];
      int[] second = new int[2 * n];
      double[] w = new double[2 * n];
      int count = 0;
      for (int q = 0; q < n; q++) {
        double dab = ev.dab()[q];
        double dcd = ev.dcd()[q];
        if (dab > dcd) {
          first[count] = a[q];
          second[count] = b[q];
          w[count] = weights[q] * (1 - dcd / dab);
          count++;
          if (dcd > 0) {
            first[count] = c[q];
            second[count] = e[q];
            w[count] = weights[q] * (1 - dab / dcd);
            count++;
          }
        }
      }
      DMatrixRMaj grad =
          count == 0
              ? new DMatrixRMaj(d, d)
              : Kernels.pairScatter(
                  z,
                  java.util.Arrays.copyOf(first, count),
                  java.util.Arrays.copyOf(second, count),
                  java.util.Arrays.copyOf(w, count));
      // + I - M^-1
      SymmetricEigen eig = ev.eigen();
      DMatrixRMaj scaled = eig.vectors().copy();
      for (int col = 0; col < d; col++) {
        double inv = 1.0 / Math.max(eig.values()[col], Double.MIN_NORMAL);
        for (int r = 0; r < d; r++) {
          scaled.set(r, col, scaled.get(r, col) * inv);
        }
      }
      DMatrixRMaj inverse = new DMatrixRMaj(d, d);
      Gemm.multTransB(scaled, eig.vectors(), inverse);
      CommonOps_DDRM.subtractEquals(grad, inverse);
      for (int i = 0; i < d; i++) {
        grad.add(i, i, 1.0);
      }
      Kernels.symmetrize(grad);
      return grad;
    }

    /**
     * Returns the eigen-decomposition of a symmetric matrix with its eigenvalues clamped at {@code
     * 1e-8} times the largest: the decomposition of the projected matrix, so the objective needs no
     * second one.
     */
    static SymmetricEigen positivePart(DMatrixRMaj m) {
      SymmetricEigen eig = Kernels.symmetricEigen(m);
      double floor = 1e-8 * Math.max(eig.values()[0], Double.MIN_NORMAL);
      double[] values = eig.values().clone();
      for (int i = 0; i < values.length; i++) {
        values[i] = Math.max(values[i], floor);
      }
      return new SymmetricEigen(values, eig.vectors());
    }

    /** Returns {@code V diag(values) V^T}. */
    static DMatrixRMaj compose(SymmetricEigen eig) {
      int d = eig.values().length;
      DMatrixRMaj scaled = eig.vectors().copy();
      for (int col = 0; col < d; col++) {
        double v = eig.values()[col];
        for (int r = 0; r < d; r++) {
          scaled.set(r, col, scaled.get(r, col) * v);
        }
      }
      DMatrixRMaj out = new DMatrixRMaj(d, d);
      Gemm.multTransB(scaled, eig.vectors(), out);
      Kernels.symmetrize(out);
      return out;
    }
  }

  /** Builds an {@link Lsml}; {@link #build()} validates. */
  public static final class Builder {
    private Prior prior = Prior.VARIANCE;
    private int maxIterations = 1000;
    private double tolerance = 1e-6;

    private Builder() {}

    /**
     * Sets the prior metric (default {@link Prior#VARIANCE}).
     *
     * @param prior the prior
     * @return this builder
     */
    public Builder prior(Prior prior) {
      this.prior = prior;
      return this;
    }

    /**
     * Sets the maximum number of gradient steps (default 1000).
     *
     * @param maxIterations {@code >= 1}
     * @return this builder
     */
    public Builder maxIterations(int maxIterations) {
      this.maxIterations = maxIterations;
      return this;
    }

    /**
     * Sets the relative decrease of the objective below which the descent stops (default 1e-6).
     *
     * @param tolerance finite, {@code > 0}
     * @return this builder
     */
    public Builder tolerance(double tolerance) {
      this.tolerance = tolerance;
      return this;
    }

    /**
     * Validates the settings and returns the learner.
     *
     * @return the learner
     * @throws IllegalArgumentException if a setting is out of range
     */
    public Lsml build() {
      WeakMetricSupport.checkAtLeast("maxIterations", maxIterations, 1);
      WeakMetricSupport.checkPositive("tolerance", tolerance);
      return new Lsml(this);
    }
  }
}
