package org.metriclearn4j.transform;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.jspecify.annotations.Nullable;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.linalg.Gemm;
import org.metriclearn4j.linalg.Kernels;
import org.metriclearn4j.linalg.SymmetricEigen;

/**
 * Fisher's linear discriminant analysis (R. A. Fisher, "The use of multiple measurements in
 * taxonomic problems", Annals of Eugenics 7, 1936; C. R. Rao, "The utilization of multiple
 * measurements in problems of biological classification", J. Royal Statistical Society B 10, 1948):
 * projects onto the directions {@code a} that maximise the ratio of between-class to within-class
 * variance {@code a^T S_b a / a^T S_w a}, at most {@code c - 1} of them for {@code c} classes.
 *
 * <p>With {@code m} the training mean, {@code m_k} and {@code n_k} the mean and size of class
 * {@code k}: the pooled within-class covariance is {@code S_w = sum_k sum_{i in k} (x_i - m_k)(x_i
 * - m_k)^T / (n - c)} and the between-class scatter {@code S_b = sum_k n_k (m_k - m)(m_k - m)^T /
 * n}. {@code S_w} is regularised by shrinkage towards a multiple of the identity, {@code S_w' = (1
 * - s) S_w + s (tr(S_w) / d) I} (the shrunk covariance of O. Ledoit, M. Wolf, "A well-conditioned
 * estimator for large-dimensional covariance matrices", J. Multivariate Analysis 88, 2004, with a
 * fixed intensity {@code s}). The generalised eigenproblem {@code S_b a = lambda S_w' a} is solved
 * by whitening: with {@code S_w' = U diag(l) U^T} and {@code P = U diag(l)^{-1/2}}, the leading
 * eigenvectors {@code v} of the symmetric {@code P^T S_b P} give {@code a = P v} ({@link
 * Kernels#symmetricEigen} for both decompositions).
 *
 * <p>The rows of the fitted {@code W} are these {@code a}, in decreasing order of {@code lambda},
 * normalised so that {@code a^T S_w' a = 1}: the projected training data has (for {@code s = 0})
 * identity pooled within-class covariance, as with scikit-learn's default solver, and Euclidean
 * distances after the projection are Mahalanobis distances of {@code S_w'} within the discriminant
 * subspace. New data is centred on the training mean. Each row is oriented so that its entry of
 * largest magnitude is positive.
 *
 * <p>Defaults: {@code min(c - 1, d)} components ({@code c} = classes with at least one sample),
 * shrinkage {@value #DEFAULT_SHRINKAGE}. The default shrinkage keeps {@code S_w'} invertible when
 * {@code S_w} is singular, for example on digits where some pixels are always 0 (the corresponding
 * directions carry no between-class variance either, so they are simply ignored); with shrinkage 0
 * a singular {@code S_w} is reported as an error, never as NaN.
 */
public final class Lda implements TransformLearner {
  /**
   * The default shrinkage intensity, a ridge of this fraction of the mean within-class variance.
   */
  public static final double DEFAULT_SHRINKAGE = 1e-4;

  private final @Nullable Integer components;
  private final double shrinkage;

  private Lda(Builder builder) {
    this.components = builder.components;
    this.shrinkage = builder.shrinkage;
  }

  /** {@return an LDA with the defaults: {@code min(c - 1, d)} components, shrinkage 1e-4} */
  public static Lda create() {
    return builder().build();
  }

  /** {@return a builder with the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the requested number of components, or {@code null} for {@code min(c - 1, d)}} */
  public @Nullable Integer components() {
    return components;
  }

  /** {@return the shrinkage intensity {@code s} in {@code [0, 1]}} */
  public double shrinkage() {
    return shrinkage;
  }

  /**
   * Learns the discriminant projection.
   *
   * @param data the training data with at least two classes that have samples
   * @return {@code x -> W (x - mean)}, of kind {@code "lda"}
   * @throws IllegalArgumentException if fewer than two classes have samples, if more components are
   *     requested than {@code min(c - 1, d)}, if the within-class scatter is zero, or if it is
   *     singular and shrinkage is 0
   */
  @Override
  public AffineTransform fit(LabeledDataset data) {
    int n = data.size();
    int d = data.dimension();
    int present = data.numPresentClasses();
    if (present < 2) {
      throw new IllegalArgumentException(
          "data: expected at least 2 classes with samples for LDA, found " + present);
    }
    int limit = Math.min(present - 1, d);
    if (components != null && components > limit) {
      throw new IllegalArgumentException(
          "components: expected at most min(c - 1, d) = "
              + limit
              + " for this data ("
              + present
              + " classes with samples, "
              + d
              + " features), found "
              + components);
    }
    int keep = components == null ? limit : components;
    int[] counts = new int[data.numClasses()];
    double[][] classMeans = Moments.classMeans(data, counts);
    double[] mean = Moments.mean(data);

    DMatrixRMaj within = Moments.centredScatter(data, classMeans, data.labels());
    double trace = 0;
    for (int j = 0; j < d; j++) {
      trace += within.get(j, j);
    }
    if (!(trace > 0) || n == present) {
      throw new IllegalArgumentException(
          "data: expected within-class variation, found none (every class's samples are"
              + " identical); LDA's within-class covariance is zero");
    }
    CommonOps_DDRM.scale(1.0 / (n - present), within);
    double ridge = shrinkage * trace / (n - present) / d;
    CommonOps_DDRM.scale(1 - shrinkage, within);
    for (int j = 0; j < d; j++) {
      within.add(j, j, ridge);
    }
    SymmetricEigen withinEig = Kernels.symmetricEigen(within);
    double[] l = withinEig.values();
    double floor = shrinkage > 0 ? ridge : 1e-12 * l[0];
    DMatrixRMaj whitening = withinEig.vectors().copy();
    for (int c = 0; c < d; c++) {
      double value = l[c];
      if (shrinkage == 0 && value <= floor) {
        throw new IllegalArgumentException(
            "shrinkage: the within-class covariance is singular (eigenvalue "
                + value
                + " of "
                + d
                + ", e.g. a feature constant within every class); expected shrinkage > 0, such"
                + " as the default "
                + DEFAULT_SHRINKAGE
                + ", found 0");
      }
      double s = 1 / Math.sqrt(Math.max(value, floor));
      for (int r = 0; r < d; r++) {
        whitening.set(r, c, whitening.get(r, c) * s);
      }
    }

    DMatrixRMaj between = new DMatrixRMaj(d, d);
    double[] diff = new double[d];
    for (int k = 0; k < counts.length; k++) {
      if (counts[k] == 0) {
        continue;
      }
      double w = (double) counts[k] / n;
      for (int j = 0; j < d; j++) {
        diff[j] = classMeans[k][j] - mean[j];
      }
      for (int r = 0; r < d; r++) {
        for (int c = 0; c < d; c++) {
          between.add(r, c, w * diff[r] * diff[c]);
        }
      }
    }
    DMatrixRMaj tmp = new DMatrixRMaj(d, d);
    Gemm.mult(between, whitening, tmp);
    DMatrixRMaj whitenedBetween = new DMatrixRMaj(d, d);
    Gemm.multTransA(whitening, tmp, whitenedBetween);
    SymmetricEigen betweenEig = Kernels.symmetricEigen(whitenedBetween);

    double[][] weights = new double[keep][d];
    for (int k = 0; k < keep; k++) {
      for (int j = 0; j < d; j++) {
        double s = 0;
        for (int t = 0; t < d; t++) {
          s += whitening.get(j, t) * betweenEig.vectors().get(t, k);
        }
        weights[k][j] = s;
      }
    }
    Moments.fixSigns(weights);
    return AffineTransform.of("lda", weights, mean);
  }

  @Override
  public String name() {
    return "lda";
  }

  @Override
  public String toString() {
    return "Lda[components="
        + (components == null ? "c-1" : components)
        + ", shrinkage="
        + shrinkage
        + "]";
  }

  /** Builds an {@link Lda}; defaults: {@code min(c - 1, d)} components, shrinkage 1e-4. */
  public static final class Builder {
    private @Nullable Integer components;
    private double shrinkage = DEFAULT_SHRINKAGE;

    private Builder() {}

    /**
     * Sets the number of discriminant directions (default {@code min(c - 1, d)}).
     *
     * @param components at least 1; checked against {@code min(c - 1, d)} when fitting
     * @return this builder
     */
    public Builder components(int components) {
      this.components = components;
      return this;
    }

    /**
     * Sets the shrinkage intensity {@code s} of the within-class covariance towards {@code
     * tr(S_w)/d * I} (default {@value Lda#DEFAULT_SHRINKAGE}; 0 = classic LDA, 1 = the
     * between-class scatter's principal axes).
     *
     * @param shrinkage in {@code [0, 1]}
     * @return this builder
     */
    public Builder shrinkage(double shrinkage) {
      this.shrinkage = shrinkage;
      return this;
    }

    /**
     * Validates the settings and returns the learner.
     *
     * @return the LDA learner
     * @throws IllegalArgumentException if {@code components < 1} or the shrinkage is outside {@code
     *     [0, 1]}
     */
    public Lda build() {
      if (components != null && components < 1) {
        throw new IllegalArgumentException("components: expected at least 1, found " + components);
      }
      if (!(shrinkage >= 0 && shrinkage <= 1)) {
        throw new IllegalArgumentException(
            "shrinkage: expected a value in [0, 1], found " + shrinkage);
      }
      return new Lda(this);
    }
  }
}
