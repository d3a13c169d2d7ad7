package org.metriclearn4j.learn;

import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.metriclearn4j.constraints.Pairs;
import org.metriclearn4j.linalg.Kernels;
import org.metriclearn4j.linalg.SymmetricEigen;
import org.metriclearn4j.metric.FitSummary;
import org.metriclearn4j.metric.MahalanobisMetric;
import org.metriclearn4j.metric.Provenance;

/**
 * Sparse Determinant Metric Learning (SDML): G.-J. Qi, J. Tang, Z.-J. Zha, T.-S. Chua, H.-J. Zhang,
 * "An efficient sparse metric learning in high-dimensional space via l1-penalized log-determinant
 * regularization", ICML 2009.
 *
 * <p>Objective, over {@code M} positive definite:
 *
 * <pre>
 *   min  tr(P M) - log det M + eta * tr(K M) + lambda * sum_{i != j} |M_ij|
 *   K = (1 / |pairs|) * sum_pairs y_p (x_i - x_j)(x_i - x_j)^T,  y_p = +1 similar, -1 dissimilar
 * </pre>
 *
 * <p>where {@code P = M_0^-1} is the inverse of the prior metric. With {@code S = P + eta K} this
 * is the graphical lasso problem {@code min tr(S M) - log det M + lambda ||M||_1,off}, which is
 * bounded only if {@code S} is positive definite; with dissimilar pairs it often is not (the reason
 * metric-learn's SDML fails with "non SPD" on every bundled dataset). This implementation therefore
 * shifts {@code S} by a multiple of the identity so that its smallest eigenvalue is at least {@code
 * ridge} times its mean diagonal, solves the graphical lasso on the correlation scale ({@code S}
 * divided by {@code sqrt(S_ii S_jj)}, so {@code lambda} does not depend on the units of the
 * features) with {@link GraphicalLasso} (Friedman, Hastie, Tibshirani 2008), scales back and
 * projects the result onto the PSD cone. The pair term is an average, so {@code eta} does not
 * depend on the number of pairs; with the covariance prior both terms are on the scale of the data.
 *
 * <p>Defaults: {@code balanceParam} ({@code eta}) {@code = 0.7}, {@code sparsityParam} ({@code
 * lambda}) {@code = 0.01} (metric-learn's value), prior {@link Prior#COVARIANCE} (the covariance of
 * the points the pairs use; metric-learn's default identity prior mixes units on unscaled data),
 * {@code ridge = 1e-3}, at most {@code maxIterations = 100} graphical-lasso sweeps with tolerance
 * {@code 1e-4}. Why 0.7: with as many similar as dissimilar pairs drawn from {@code c} balanced
 * classes, {@code K} is about {@code -c/(c-1)} times the between-class scatter {@code B}, so {@code
 * S} is about {@code W + (1 - eta c/(c-1)) B} ({@code W} the within-class scatter): {@code eta}
 * near {@code (c-1)/c} makes {@code M} close to the inverse within-class covariance, larger values
 * stress the discriminant directions more (until the shift takes over). Before the shift, {@code S}
 * is expressed in the units of the prior (divided by {@code sqrt(P_ii P_jj)}), so with the
 * covariance prior the result does not depend on the units of the features. The fit reports the
 * sweeps, whether the graphical lasso converged, and the objective value at the result; the
 * hyperparameters of the metric record the shift applied.
 */
public final class Sdml implements PairsMetricLearner {
  /** The prior: its inverse {@code P} is added to the pair term. */
  public enum Prior {
    /** {@code P = I}, the Euclidean metric as prior. */
    IDENTITY,
    /** {@code P} = the covariance of the points the pairs use (prior metric: its inverse). */
    COVARIANCE
  }

  private final double balanceParam;
  private final double sparsityParam;
  private final Prior prior;
  private final double ridge;
  private final int maxIterations;
  private final double tolerance;

  private Sdml(Builder b) {
    this.balanceParam = b.balanceParam;
    this.sparsityParam = b.sparsityParam;
    this.prior = b.prior;
    this.ridge = b.ridge;
    this.maxIterations = b.maxIterations;
    this.tolerance = b.tolerance;
  }

  /** Returns a builder with the defaults stated in the class documentation. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this learner's settings. */
  public Builder toBuilder() {
    return new Builder()
        .balanceParam(balanceParam)
        .sparsityParam(sparsityParam)
        .prior(prior)
        .ridge(ridge)
        .maxIterations(maxIterations)
        .tolerance(tolerance);
  }

  @Override
  public String name() {
    return "sdml";
  }

  /**
   * Learns the sparse metric from labelled pairs.
   *
   * @param pairs similar and dissimilar pairs
   * @return the metric
   */
  @Override
  public MahalanobisMetric fit(Pairs pairs) {
    DMatrixRMaj x = pairs.pointsMatrix();
    int d = x.numCols;
    int[] first = pairs.first();
    int[] second = pairs.second();
    boolean[] similar = pairs.similar();
    double[] weights = new double[first.length];
    for (int p = 0; p < weights.length; p++) {
      weights[p] = (similar[p] ? 1.0 : -1.0) / weights.length;
    }
    DMatrixRMaj k = Kernels.pairScatter(x, first, second, weights);
    DMatrixRMaj pMatrix =
        prior == Prior.IDENTITY
            ? CommonOps_DDRM.identity(d)
            : WeakMetricSupport.covariance(
                x, WeakMetricSupport.usedPoints(x.numRows, first, second));
    DMatrixRMaj s = new DMatrixRMaj(d, d);
    CommonOps_DDRM.add(pMatrix, balanceParam, k, s);
    // work in the units of the prior: divide by sqrt(P_ii P_jj), so that the result does not
    // depend on the units of the features (constant features use the mean prior variance)
    double meanPrior = CommonOps_DDRM.trace(pMatrix) / d;
    double[] unit = new double[d];
    for (int i = 0; i < d; i++) {
      double v = pMatrix.get(i, i) > 1e-12 * meanPrior ? pMatrix.get(i, i) : meanPrior;
      unit[i] = v > 0 ? 1.0 / Math.sqrt(v) : 1.0;
    }
    scaleSymmetric(s, unit);
    // shift so that the smallest eigenvalue is at least ridge * mean diagonal
    SymmetricEigen eig = Kernels.symmetricEigen(s);
    double scale = CommonOps_DDRM.trace(s) / d;
    if (!(scale > 0)) {
      scale = Math.max(Math.abs(eig.values()[0]), 1.0);
    }
    double floor = ridge * scale;
    double smallest = eig.values()[d - 1];
    double shift = smallest < floor ? floor - smallest : 0;
    for (int i = 0; i < d; i++) {
      s.add(i, i, shift);
    }
    // correlation scale for the l1 penalty
    double[] inv = new double[d];
    for (int i = 0; i < d; i++) {
      inv[i] = 1.0 / Math.sqrt(s.get(i, i));
    }
    DMatrixRMaj r = s.copy();
    scaleSymmetric(r, inv);
    GraphicalLasso.Result g = GraphicalLasso.solve(r, sparsityParam, maxIterations, tolerance);
    DMatrixRMaj m = g.precision().copy();
    double[] back = new double[d];
    for (int i = 0; i < d; i++) {
      back[i] = inv[i] * unit[i];
    }
    scaleSymmetric(m, back);
    m = Kernels.projectToPsd(m);
    double objective = objective(m, pMatrix, k);
    Map<String, String> hp =
        WeakMetricSupport.hyperparameters(
            "balanceParam", balanceParam,
            "sparsityParam", sparsityParam,
            "prior", prior,
            "ridge", ridge,
            "maxIterations", maxIterations,
            "tolerance", tolerance,
            "shift", shift);
    return WeakMetricSupport.metricOf(
        m,
        new FitSummary(g.iterations(), g.converged(), objective),
        new Provenance(name(), hp, pairs.numPoints(), d, 0L));
  }

  /** {@code m_ij *= f_i f_j}. */
  private static void scaleSymmetric(DMatrixRMaj m, double[] f) {
    int d = m.numRows;
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        m.data[i * d + j] *= f[i] * f[j];
      }
    }
  }

  private double objective(DMatrixRMaj m, DMatrixRMaj p, DMatrixRMaj k) {
    int d = m.numRows;
    double value = 0;
    double l1 = 0;
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        value += m.get(i, j) * (p.get(j, i) + balanceParam * k.get(j, i));
        if (i != j) {
          l1 += Math.abs(m.get(i, j));
        }
      }
    }
    double logDet = 0;
    for (double e : Kernels.symmetricEigen(m).values()) {
      logDet += Math.log(Math.max(e, Double.MIN_NORMAL));
    }
    return value - logDet + sparsityParam * l1;
  }

  /** Builds an {@link Sdml}; {@link #build()} validates. */
  public static final class Builder {
    private double balanceParam = 0.7;
    private double sparsityParam = 0.01;
    private Prior prior = Prior.COVARIANCE;
    private double ridge = 1e-3;
    private int maxIterations = 100;
    private double tolerance = 1e-4;

    private Builder() {}

    /**
     * Sets {@code eta}, the weight of the pair term (default 0.7).
     *
     * @param balanceParam finite, {@code >= 0}
     * @return this builder
     */
    public Builder balanceParam(double balanceParam) {
      this.balanceParam = balanceParam;
      return this;
    }

    /**
     * Sets {@code lambda}, the off-diagonal l1 penalty on the correlation scale (default 0.01).
     *
     * @param sparsityParam finite, {@code >= 0}
     * @return this builder
     */
    public Builder sparsityParam(double sparsityParam) {
      this.sparsityParam = sparsityParam;
      return this;
    }

    /**
     * Sets the prior (default {@link Prior#COVARIANCE}).
     *
     * @param prior the prior
     * @return this builder
     */
    public Builder prior(Prior prior) {
      this.prior = prior;
      return this;
    }

    /**
     * Sets the smallest eigenvalue of {@code S}, relative to its mean diagonal, that the shift
     * guarantees (default 1e-3).
     *
     * @param ridge finite, {@code > 0}
     * @return this builder
     */
    public Builder ridge(double ridge) {
      this.ridge = ridge;
      return this;
    }

    /**
     * Sets the maximum number of graphical-lasso sweeps (default 100).
     *
     * @param maxIterations {@code >= 1}
     * @return this builder
     */
    public Builder maxIterations(int maxIterations) {
      this.maxIterations = maxIterations;
      return this;
    }

    /**
     * Sets the graphical-lasso tolerance (default 1e-4).
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
    public Sdml build() {
      if (!(balanceParam >= 0) || !Double.isFinite(balanceParam)) {
        throw new IllegalArgumentException(
            "balanceParam: expected a finite value >= 0, found " + balanceParam);
      }
      if (!(sparsityParam >= 0) || !Double.isFinite(sparsityParam)) {
        throw new IllegalArgumentException(
            "sparsityParam: expected a finite value >= 0, found " + sparsityParam);
      }
      WeakMetricSupport.checkPositive("ridge", ridge);
      WeakMetricSupport.checkAtLeast("maxIterations", maxIterations, 1);
      WeakMetricSupport.checkPositive("tolerance", tolerance);
      return new Sdml(this);
    }
  }
}
