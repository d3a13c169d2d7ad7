package org.metriclearn4j.learn;

import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.linalg.Gemm;
import org.metriclearn4j.linalg.Kernels;
import org.metriclearn4j.linalg.SymmetricEigen;
import org.metriclearn4j.metric.FitSummary;
import org.metriclearn4j.metric.MahalanobisMetric;
import org.metriclearn4j.metric.Provenance;

/**
 * The classical Mahalanobis distance: {@code M} is the inverse of the sample covariance of the
 * training data (P. C. Mahalanobis, "On the generalised distance in statistics", Proceedings of the
 * National Institute of Sciences of India 2(1), 1936). Unsupervised: labels are ignored, a single
 * class is fine. No objective; closed form.
 *
 * <p>The covariance is {@code S = 1/(n-1) sum_i (x_i - mean)(x_i - mean)^T}. With its
 * eigen-decomposition {@code S = V diag(lambda) V^T}:
 *
 * <ul>
 *   <li>default ({@code ridge = 0}): {@code M} is the pseudo-inverse of {@code S}, eigenvalues not
 *       above {@code d * 2.2e-16 * lambda_max} counting as zero (scipy's {@code pinvh} cut-off,
 *       which metric-learn uses), so a singular covariance (constant features, fewer samples than
 *       features) gives weight 0 to the directions in which the training data do not vary;
 *   <li>{@code ridge > 0}: {@code M = (S + ridge * tr(S)/d * I)^{-1}}, a shrunk inverse that also
 *       weighs directions without training variance.
 * </ul>
 *
 * The components are {@code L = diag(1/sqrt(lambda)) V^T} over the kept eigenpairs, so {@code L^T L
 * = M}. A dataset whose samples are all equal gives zero components. Needs at least two samples.
 * Deterministic; seed unused.
 */
public final class Covariance implements SupervisedMetricLearner {
  /** Machine epsilon of {@code double}, the unit of the pseudo-inverse cut-off. */
  static final double EPSILON = Math.ulp(1.0);

  private final double ridge;

  private Covariance(Builder b) {
    this.ridge = b.ridge;
  }

  /**
   * Returns a builder with the default (pseudo-inverse, no ridge).
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the relative ridge (0: pseudo-inverse). */
  public double ridge() {
    return ridge;
  }

  @Override
  public String name() {
    return "covariance";
  }

  /**
   * Returns the metric of the inverse (or pseudo-inverse) sample covariance.
   *
   * @param data training data, at least 2 samples (labels ignored)
   * @return the metric
   * @throws IllegalArgumentException if there is only one sample
   */
  @Override
  public MahalanobisMetric fit(LabeledDataset data) {
    int n = data.size();
    int d = data.dimension();
    if (n < 2) {
      throw new IllegalArgumentException(
          "data: a sample covariance needs at least 2 samples, found " + n);
    }
    DMatrixRMaj centred = LocalFisher.centre(Kernels.toMatrix(data.features()));
    DMatrixRMaj cov = new DMatrixRMaj(d, d);
    Gemm.multTransA(centred, centred, cov);
    CommonOps_DDRM.scale(1.0 / (n - 1), cov);
    Kernels.symmetrize(cov);
    SymmetricEigen eig = Kernels.symmetricEigen(cov);
    double largest = Math.max(0, eig.values()[0]);
    double shift = ridge * CommonOps_DDRM.trace(cov) / d;
    double cutoff = d * EPSILON * largest;
    int kept = 0;
    while (kept < d && (ridge > 0 ? largest > 0 : eig.values()[kept] > cutoff)) {
      kept++;
    }
    DMatrixRMaj l = new DMatrixRMaj(Math.max(1, kept), d);
    for (int r = 0; r < kept; r++) {
      double f = 1 / Math.sqrt(Math.max(0, eig.values()[r]) + shift);
      for (int c = 0; c < d; c++) {
        l.set(r, c, f * eig.vectors().get(c, r));
      }
    }
    return MahalanobisMetric.of(
        l,
        FitSummary.closedForm(),
        new Provenance(name(), Map.of("ridge", Double.toString(ridge)), n, d, 0L));
  }

  @Override
  public String toString() {
    return "Covariance[ridge=" + ridge + "]";
  }

  /** Builds a {@link Covariance}; {@link #build()} validates. */
  public static final class Builder {
    private double ridge;

    private Builder() {}

    /**
     * Sets the ridge added to the covariance before inverting, relative to its mean eigenvalue
     * (default 0: the pseudo-inverse).
     *
     * @param ridge finite, {@code >= 0}
     * @return this builder
     */
    public Builder ridge(double ridge) {
      this.ridge = ridge;
      return this;
    }

    /**
     * Validates and builds.
     *
     * @return the learner
     * @throws IllegalArgumentException if the ridge is negative or not finite
     */
    public Covariance build() {
      if (!(ridge >= 0) || !Double.isFinite(ridge)) {
        throw new IllegalArgumentException("ridge: expected a finite value >= 0, found " + ridge);
      }
      return new Covariance(this);
    }
  }
}
