package org.metriclearn4j.learn;

import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.metriclearn4j.constraints.Chunks;
import org.metriclearn4j.linalg.Gemm;
import org.metriclearn4j.linalg.Kernels;
import org.metriclearn4j.linalg.SymmetricEigen;
import org.metriclearn4j.metric.FitSummary;
import org.metriclearn4j.metric.MahalanobisMetric;
import org.metriclearn4j.metric.Provenance;

/**
 * Relevant Component Analysis (RCA): A. Bar-Hillel, T. Hertz, N. Shental, D. Weinshall, "Learning a
 * Mahalanobis metric from equivalence constraints", JMLR 6, 2005.
 *
 * <p>RCA whitens the within-chunklet covariance: with {@code C = (1/m) sum_chunks sum_{x in chunk}
 * (x - mean_chunk)(x - mean_chunk)^T} over the {@code m} points in chunks, the metric is {@code M =
 * C^-1}, the maximum-likelihood metric under Gaussian classes (the paper's Section 3) and the
 * closed-form solution of {@code min_M sum_chunks sum ||x - mean_chunk||_M^2} subject to {@code det
 * M >= 1}. It has no iterations.
 *
 * <p>When {@code C} is singular, {@code C^-1} does not exist (metric-learn then returns NaN, for
 * example on digits, whose corner pixels are constant). As the paper recommends, the data are first
 * reduced to the directions in which they vary at all: the eigenvectors {@code P} of the covariance
 * of all points with eigenvalues above {@code 1e-10} times the largest (this drops constant and
 * collinear features); in that subspace the within-chunklet covariance is regularised, {@code C_r =
 * P^T C P + ridge * (tr(P^T C P) / r) I}, and the components are {@code L = C_r^-1/2 P^T} ({@code r
 * x d}, with {@code r} the number of directions kept).
 *
 * <p>Defaults: {@code ridge = 1e-3}. Chunks with a single point carry no within-chunk information
 * and are ignored; the fit needs at least one chunk of two or more distinct points.
 */
public final class Rca implements ChunksMetricLearner {
  private final double ridge;

  private Rca(Builder b) {
    this.ridge = b.ridge;
  }

  /** Returns a builder with the defaults stated in the class documentation. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this learner's settings. */
  public Builder toBuilder() {
    return new Builder().ridge(ridge);
  }

  /** Returns the weight of the total covariance added to the within-chunklet covariance. */
  public double ridge() {
    return ridge;
  }

  @Override
  public String name() {
    return "rca";
  }

  /**
   * Learns the metric from chunklets.
   *
   * @param chunks the chunklets and the points they group
   * @return the metric, of rank the number of directions in which the points vary
   * @throws IllegalArgumentException if no chunk holds two distinct points, or every point is the
   *     same
   */
  @Override
  public MahalanobisMetric fit(Chunks chunks) {
    DMatrixRMaj raw = chunks.pointsMatrix();
    int n = raw.numRows;
    int d = raw.numCols;
    // work on standardised features (constant ones dropped), so that deciding which directions
    // vary does not depend on the units; the components are mapped back at the end
    double[] unit = new double[d];
    DMatrixRMaj variances = WeakMetricSupport.covariance(raw, WeakMetricSupport.allRows(n));
    for (int t = 0; t < d; t++) {
      double v = variances.get(t, t);
      unit[t] = v > 0 ? 1.0 / Math.sqrt(v) : 0.0;
    }
    DMatrixRMaj x = WeakMetricSupport.scaleColumns(raw, unit);
    int[] chunkOf = chunks.chunkOf();
    // chunk sizes and means, chunks indexed 0..k-1 in id order
    int[] ids = chunks.chunkIds();
    int k = ids.length;
    int[] slot = new int[n];
    int[] size = new int[k];
    double[] sums = new double[k * d];
    for (int i = 0; i < n; i++) {
      slot[i] = chunkOf[i] == Chunks.NO_CHUNK ? -1 : java.util.Arrays.binarySearch(ids, chunkOf[i]);
      if (slot[i] >= 0) {
        size[slot[i]]++;
        for (int t = 0; t < d; t++) {
          sums[slot[i] * d + t] += x.data[i * d + t];
        }
      }
    }
    int m = 0;
    for (int c = 0; c < k; c++) {
      if (size[c] >= 2) {
        m += size[c];
      }
    }
    DMatrixRMaj centred = new DMatrixRMaj(Math.max(m, 1), d);
    int row = 0;
    for (int i = 0; i < n; i++) {
      int c = slot[i];
      if (c < 0 || size[c] < 2) {
        continue;
      }
      for (int t = 0; t < d; t++) {
        centred.data[row * d + t] = x.data[i * d + t] - sums[c * d + t] / size[c];
      }
      row++;
    }
    DMatrixRMaj within = new DMatrixRMaj(d, d);
    Gemm.multTransA(centred, centred, within);
    if (m == 0 || !(CommonOps_DDRM.trace(within) > 0)) {
      throw new IllegalArgumentException(
          "chunks: RCA needs a chunk with two or more distinct points, found "
              + (m == 0 ? "no chunk with two points" : "only chunks of identical points")
              + "; give larger chunks or chunks of distinct points");
    }
    CommonOps_DDRM.scale(1.0 / m, within);
    Kernels.symmetrize(within);
    // directions in which the points vary at all
    DMatrixRMaj total = WeakMetricSupport.covariance(x, WeakMetricSupport.allRows(n));
    SymmetricEigen te = Kernels.symmetricEigen(total);
    double largest = te.values()[0];
    int r = 0;
    while (r < d && te.values()[r] > 1e-10 * largest) {
      r++;
    }
    if (r == 0) {
      throw new IllegalArgumentException(
          "chunks: every point is the same, so RCA has no direction to weight; expected points"
              + " that vary");
    }
    DMatrixRMaj p = new DMatrixRMaj(d, r);
    for (int c = 0; c < r; c++) {
      for (int t = 0; t < d; t++) {
        p.set(t, c, te.vectors().get(t, c));
      }
    }
    DMatrixRMaj tmp = new DMatrixRMaj(r, d);
    DMatrixRMaj reduced = new DMatrixRMaj(r, r);
    Gemm.multTransA(p, within, tmp);
    Gemm.mult(tmp, p, reduced);
    Kernels.symmetrize(reduced);
    // regularise towards the total covariance (P^T T P = diag of its eigenvalues), which keeps
    // the result independent of the units of the features
    for (int c = 0; c < r; c++) {
      reduced.add(c, c, ridge * te.values()[c]);
    }
    SymmetricEigen ce = Kernels.symmetricEigen(reduced);
    // L = C_r^-1/2 P^T = V diag(1/sqrt(lambda)) V^T P^T
    DMatrixRMaj invRoot = new DMatrixRMaj(r, r);
    for (int c = 0; c < r; c++) {
      double s = 1.0 / Math.sqrt(Math.max(ce.values()[c], Double.MIN_NORMAL));
      for (int i = 0; i < r; i++) {
        double vi = ce.vectors().get(i, c) * s;
        for (int j = 0; j < r; j++) {
          invRoot.data[i * r + j] += vi * ce.vectors().get(j, c);
        }
      }
    }
    DMatrixRMaj components = new DMatrixRMaj(r, d);
    Gemm.multTransB(invRoot, p, components);
    components = WeakMetricSupport.scaleColumns(components, unit);
    Map<String, String> hp = WeakMetricSupport.hyperparameters("ridge", ridge, "keptDirections", r);
    return MahalanobisMetric.of(
        components, FitSummary.closedForm(), new Provenance(name(), hp, chunks.numPoints(), d, 0L));
  }

  /** Builds an {@link Rca}; {@link #build()} validates. */
  public static final class Builder {
    private double ridge = 1e-3;

    private Builder() {}

    /**
     * Sets the weight of the total covariance added to the within-chunklet covariance (default
     * 1e-3).
     *
     * @param ridge finite, {@code > 0}
     * @return this builder
     */
    public Builder ridge(double ridge) {
      this.ridge = ridge;
      return this;
    }

    /**
     * Validates the settings and returns the learner.
     *
     * @return the learner
     * @throws IllegalArgumentException if a setting is out of range
     */
    public Rca build() {
      WeakMetricSupport.checkPositive("ridge", ridge);
      return new Rca(this);
    }
  }
}
