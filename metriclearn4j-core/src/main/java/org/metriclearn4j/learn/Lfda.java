package org.metriclearn4j.learn;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
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
 * Local Fisher Discriminant Analysis: M. Sugiyama, "Dimensionality reduction of multimodal labeled
 * data by local Fisher discriminant analysis", JMLR 8 (2007) 1027–1061.
 *
 * <p>Fisher's criterion with pair weights that keep only nearby same-class pairs together, so that
 * multimodal classes are not forced into one cluster. With the local-scaling affinity {@code A_ij =
 * exp(-||x_i - x_j||^2 / (sigma_i sigma_j))} ({@code sigma_i}: distance from {@code x_i} to its
 * {@code k}-th nearest neighbour within its class), the local within- and between-class scatter
 * matrices
 *
 * <pre>
 *   S_lw = 1/2 sum_ij W_lw_ij (x_i - x_j)(x_i - x_j)^T,  W_lw_ij = A_ij / n_c           (same class c), 0 otherwise
 *   S_lb = 1/2 sum_ij W_lb_ij (x_i - x_j)(x_i - x_j)^T,  W_lb_ij = A_ij (1/n - 1/n_c)   (same class c), 1/n otherwise
 * </pre>
 *
 * define the criterion {@code max_T tr((T^T S_lw T)^{-1} T^T S_lb T)}, solved by the leading
 * generalised eigenvectors {@code S_lb v = lambda S_lw v}. The learned components are {@code L =
 * T^T} with {@code T} given by the {@link Embedding}. The scatter is computed with the shared
 * row-blocked kernel class by class (memory {@code O(block x n_c)}).
 *
 * <p><b>Units.</b> The criterion is invariant to any invertible linear map of the features, but the
 * affinity is not: on unscaled data (breast cancer: areas in the hundreds next to ratios below 1)
 * Euclidean distances, hence the neighbourhoods, are those of one or two features. By default the
 * affinities and local scales are therefore computed from standardised features (each divided by
 * its training standard deviation; constant features dropped), which makes the whole fit
 * independent of feature units: raw and standardised data give the same metric, up to the scale of
 * each feature. {@code standardizeAffinity(false)} restores Sugiyama's original.
 *
 * <p><b>Singular scatter.</b> metric-learn solves the eigen-problem directly and returns NaN when
 * {@code S_lw} is singular (digits: constant zero pixels). Here the problem is solved on
 * standardised features (the criterion is invariant to that change of coordinates, and the
 * components are mapped back), in the principal subspace of the standardised training data
 * (directions of the total scatter with eigenvalue above {@code 1e-12} times the largest;
 * directions in which the training data do not vary get weight 0, so constant features are ignored,
 * also at test time), and {@code S_lw} is regularised there by {@code S_lw + regularization * S_t},
 * with {@code S_t} the total scatter. Like the criterion itself, this regularisation does not
 * depend on the units of the features (a ridge {@code eps I} would: on unscaled wine it swamps
 * every feature but proline). The output dimension is at most that subspace dimension.
 *
 * <p>Defaults: {@code k = 7}, embedding {@link Embedding#WEIGHTED}, output dimension {@code d} (the
 * number of features), regularization {@code 1e-4}, affinities on standardised features. A class
 * with {@code n_c <= k} members uses its farthest member for {@code sigma}; a class with one member
 * has no within-class pairs. Needs at least two classes. Closed form: the fit summary reports 0
 * iterations, converged, and the criterion value (the sum of the kept generalised eigenvalues).
 * Deterministic (eigenvector signs are fixed so that each direction's largest entry is positive);
 * seed unused.
 */
public final class Lfda implements SupervisedMetricLearner {

  /** How the generalised eigenvectors become the transformation {@code T} (Sugiyama 2007, §4). */
  public enum Embedding {
    /**
     * Eigenvectors scaled by the square root of their eigenvalue, so that more discriminative
     * directions weigh more (the default, as in Sugiyama's code and metric-learn).
     */
    WEIGHTED,
    /**
     * Eigenvectors orthonormalised (thin QR): a projection, no scaling (with the full dimension
     * this is the Euclidean metric, so use it with fewer components).
     */
    ORTHONORMALIZED,
    /** Eigenvectors as they are, normalised to {@code v^T S_lw v = 1}. */
    PLAIN
  }

  /** Relative eigenvalue of the total scatter below which a direction counts as constant. */
  static final double RANK_TOLERANCE = 1e-12;

  private final int neighbors;
  private final Embedding embedding;
  private final int outputDimension;
  private final double regularization;
  private final boolean standardizeAffinity;

  private Lfda(Builder b) {
    this.neighbors = b.neighbors;
    this.embedding = b.embedding;
    this.outputDimension = b.outputDimension;
    this.regularization = b.regularization;
    this.standardizeAffinity = b.standardizeAffinity;
  }

  /**
   * Returns a builder with the defaults of the class comment.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns {@code k}, the neighbour used for local scaling. */
  public int neighbors() {
    return neighbors;
  }

  /** Returns the embedding. */
  public Embedding embedding() {
    return embedding;
  }

  /** Returns the configured output dimension, or empty for "the number of features". */
  public OptionalInt outputDimension() {
    return outputDimension == 0 ? OptionalInt.empty() : OptionalInt.of(outputDimension);
  }

  /**
   * Returns the regularisation {@code r} of the local within-class scatter {@code S_lw + r S_t}.
   */
  public double regularization() {
    return regularization;
  }

  /** Returns whether the affinities use standardised features (see the class comment). */
  public boolean standardizeAffinity() {
    return standardizeAffinity;
  }

  @Override
  public String name() {
    return "lfda";
  }

  /**
   * Learns the LFDA metric.
   *
   * @param data training data with at least two classes
   * @return the metric, {@code L} of shape {@code r x d} with {@code r = min(outputDimension, rank
   *     of the centred data)}
   * @throws IllegalArgumentException if the data have fewer than two classes or the configured
   *     output dimension exceeds the number of features
   */
  @Override
  public MahalanobisMetric fit(LabeledDataset data) {
    int d = data.dimension();
    if (data.numPresentClasses() < 2) {
      throw new IllegalArgumentException(
          "data: LFDA needs samples of at least 2 classes to separate, found "
              + data.numPresentClasses()
              + " class; use an unsupervised transform (PCA) for single-class data");
    }
    if (outputDimension > d) {
      throw new IllegalArgumentException(
          "outputDimension: expected at most the number of features "
              + d
              + ", found "
              + outputDimension);
    }
    int wanted = outputDimension == 0 ? d : outputDimension;
    // the criterion is affine invariant: solve it on standardised features (so that the rank
    // decision and the regularisation do not depend on units) and map back at the end
    DMatrixRMaj x = Kernels.toMatrix(data.features());
    Standardization standardization = Standardization.of(x);
    DMatrixRMaj xs = standardization.standardized();
    LocalFisher.Scatter s =
        LocalFisher.scatter(xs, standardizeAffinity ? xs : x, data.labels(), neighbors);

    // principal subspace of the training data
    SymmetricEigen te = Kernels.symmetricEigen(s.total());
    int rank = te.rankAbove(RANK_TOLERANCE);
    if (rank == 0) {
      // every sample is the same point: any metric is as good as another; return zero components
      return MahalanobisMetric.of(
          new DMatrixRMaj(1, d), new FitSummary(0, true, 0), provenance(data, wanted));
    }
    // P = U_r diag(lambda_r^{-1/2}): whitens the total scatter, so that P^T S_t P = I
    DMatrixRMaj p = new DMatrixRMaj(d, rank);
    for (int c = 0; c < rank; c++) {
      double f = 1 / Math.sqrt(te.values()[c]);
      for (int r = 0; r < d; r++) {
        p.set(r, c, te.vectors().get(r, c) * f);
      }
    }
    DMatrixRMaj sw = project(p, s.within());
    DMatrixRMaj sb = project(p, s.between());
    for (int i = 0; i < rank; i++) {
      sw.add(i, i, regularization);
    }
    LocalFisher.Generalized reduced = LocalFisher.generalizedEigen(sb, sw, Math.min(wanted, rank));
    // back to the original feature coordinates before embedding (orthonormalising happens there):
    // x_s = diag(scale) (x - mean), so a direction v_s on x_s is diag(scale) v_s on x
    DMatrixRMaj standardized = new DMatrixRMaj(d, reduced.vectors().numCols);
    Gemm.mult(p, reduced.vectors(), standardized);
    DMatrixRMaj transposed = new DMatrixRMaj(standardized.numCols, d);
    CommonOps_DDRM.transpose(standardized, transposed);
    DMatrixRMaj directions = new DMatrixRMaj(d, standardized.numCols);
    CommonOps_DDRM.transpose(standardization.toOriginal(transposed), directions);
    LocalFisher.fixSigns(directions);
    LocalFisher.Generalized g = new LocalFisher.Generalized(reduced.values(), directions);
    DMatrixRMaj t = LocalFisher.embed(g, embedding);
    DMatrixRMaj l = new DMatrixRMaj(t.numCols, d);
    CommonOps_DDRM.transpose(t, l);
    double criterion = 0;
    for (double v : g.values()) {
      criterion += v;
    }
    return MahalanobisMetric.of(l, new FitSummary(0, true, criterion), provenance(data, wanted));
  }

  /** Returns {@code P^T S P}. */
  private static DMatrixRMaj project(DMatrixRMaj p, DMatrixRMaj s) {
    DMatrixRMaj tmp = new DMatrixRMaj(p.numCols, s.numCols);
    Gemm.multTransA(p, s, tmp);
    DMatrixRMaj out = new DMatrixRMaj(p.numCols, p.numCols);
    Gemm.mult(tmp, p, out);
    Kernels.symmetrize(out);
    return out;
  }

  private Provenance provenance(LabeledDataset data, int wanted) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("k", Integer.toString(neighbors));
    h.put("embedding", embedding.name().toLowerCase(Locale.ROOT));
    h.put("outputDimension", Integer.toString(wanted));
    h.put("regularization", Double.toString(regularization));
    h.put("standardizeAffinity", Boolean.toString(standardizeAffinity));
    return new Provenance(name(), h, data.size(), data.dimension(), 0L);
  }

  @Override
  public String toString() {
    return "Lfda[k="
        + neighbors
        + ", embedding="
        + embedding
        + ", outputDimension="
        + (outputDimension == 0 ? "d" : Integer.toString(outputDimension))
        + ", regularization="
        + regularization
        + ", standardizeAffinity="
        + standardizeAffinity
        + "]";
  }

  /** Builds an {@link Lfda}; {@link #build()} validates. */
  public static final class Builder {
    private int neighbors = 7;
    private Embedding embedding = Embedding.WEIGHTED;
    private int outputDimension;
    private boolean outputDimensionSet;
    private double regularization = 1e-4;
    private boolean standardizeAffinity = true;

    private Builder() {}

    /**
     * Sets whether the affinities (and the local scales) use distances between standardised
     * features (default {@code true}) or between the features as given (Sugiyama's original).
     *
     * @param standardizeAffinity whether to standardise for the affinity
     * @return this builder
     */
    public Builder standardizeAffinity(boolean standardizeAffinity) {
      this.standardizeAffinity = standardizeAffinity;
      return this;
    }

    /**
     * Sets {@code k}, the within-class neighbour whose distance is the local scale (default 7).
     *
     * @param k {@code >= 1}
     * @return this builder
     */
    public Builder neighbors(int k) {
      this.neighbors = k;
      return this;
    }

    /**
     * Sets the embedding (default {@link Embedding#WEIGHTED}).
     *
     * @param embedding the embedding
     * @return this builder
     */
    public Builder embedding(Embedding embedding) {
      this.embedding = embedding;
      return this;
    }

    /**
     * Sets the output dimension (default: the number of features).
     *
     * @param outputDimension {@code >= 1}
     * @return this builder
     */
    public Builder outputDimension(int outputDimension) {
      this.outputDimension = outputDimension;
      this.outputDimensionSet = true;
      return this;
    }

    /**
     * Sets the regularisation {@code r} of the local within-class scatter, {@code S_lw + r S_t}
     * (default 1e-4).
     *
     * @param regularization finite, {@code > 0}
     * @return this builder
     */
    public Builder regularization(double regularization) {
      this.regularization = regularization;
      return this;
    }

    /**
     * Validates and builds.
     *
     * @return the learner
     * @throws IllegalArgumentException if a setting is out of range
     */
    public Lfda build() {
      LocalFisher.checkSettings(neighbors, outputDimensionSet, outputDimension, regularization);
      return new Lfda(this);
    }
  }
}
