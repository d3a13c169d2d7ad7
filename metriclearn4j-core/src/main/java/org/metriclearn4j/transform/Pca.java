package org.metriclearn4j.transform;

import org.ejml.data.DMatrixRMaj;
import org.jspecify.annotations.Nullable;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.linalg.Kernels;
import org.metriclearn4j.linalg.SymmetricEigen;

/**
 * Principal component analysis (K. Pearson, "On lines and planes of closest fit to systems of
 * points in space", Philosophical Magazine 2(11), 1901; H. Hotelling, "Analysis of a complex of
 * statistical variables into principal components", J. Educational Psychology 24, 1933): projects
 * centred data onto the leading eigenvectors of its sample covariance {@code C = X_c^T X_c / (n -
 * 1)}, where {@code X_c} is the training data minus its mean.
 *
 * <p>The fitted transform is {@code x -> W (x - mean)} with the unit-length principal axes as the
 * rows of {@code W}, largest variance first; with {@link Builder#whiten(boolean) whitening} each
 * row is divided by the square root of its variance so that the projected training data has unit
 * sample variance along every component. New data is always centred on the training mean.
 *
 * <p>Sign convention (deterministic): each axis is oriented so that its entry of largest magnitude
 * (the first such entry on exact ties) is positive. Scikit-learn orients by the left singular
 * vectors instead, so individual axes may have the opposite sign there.
 *
 * <p>Defaults: keep {@code min(n, d)} components (all), no whitening. Alternatively {@link
 * Builder#varianceFraction(double)} keeps the fewest leading components whose cumulative share of
 * the variance exceeds the fraction (scikit-learn's rule for a fractional {@code n_components}).
 * Labels are ignored. The eigen-decomposition is {@link Kernels#symmetricEigen}.
 */
public final class Pca implements TransformLearner {
  private final @Nullable Integer components;
  private final @Nullable Double varianceFraction;
  private final boolean whiten;

  private Pca(Builder builder) {
    this.components = builder.components;
    this.varianceFraction = builder.varianceFraction;
    this.whiten = builder.whiten;
  }

  /** {@return a PCA with the defaults: all components, no whitening} */
  public static Pca create() {
    return builder().build();
  }

  /** {@return a builder with the defaults: all components, no whitening} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the requested number of components, or {@code null} if not fixed} */
  public @Nullable Integer components() {
    return components;
  }

  /** {@return the requested variance fraction, or {@code null} if not set} */
  public @Nullable Double varianceFraction() {
    return varianceFraction;
  }

  /** {@return whether components are scaled to unit variance} */
  public boolean whiten() {
    return whiten;
  }

  /**
   * Learns the projection.
   *
   * @param data the training data (labels ignored), at least two samples
   * @return {@code x -> W (x - mean)}, of kind {@code "pca"}
   * @throws IllegalArgumentException if more components are requested than {@code min(n, d)}, if
   *     there are fewer than two samples, or if a component to whiten has zero variance
   */
  @Override
  public AffineTransform fit(LabeledDataset data) {
    return decompose(data).transform();
  }

  /**
   * Learns the projection and reports the variance along each component.
   *
   * @param data the training data (labels ignored), at least two samples
   * @return the projection and its explained variances
   * @throws IllegalArgumentException as for {@link #fit(LabeledDataset)}
   */
  public PcaDecomposition decompose(LabeledDataset data) {
    int n = data.size();
    int d = data.dimension();
    if (n < 2) {
      throw new IllegalArgumentException(
          "data: expected at least 2 samples to estimate a covariance, found " + n);
    }
    int limit = Math.min(n, d);
    if (components != null && components > limit) {
      throw new IllegalArgumentException(
          "components: expected at most min(n, d) = "
              + limit
              + " for this data ("
              + n
              + " samples, "
              + d
              + " features), found "
              + components);
    }
    double[] mean = Moments.mean(data);
    DMatrixRMaj covariance = Moments.centredScatter(data, new double[][] {mean}, new int[n]);
    for (int i = 0; i < covariance.data.length; i++) {
      covariance.data[i] /= n - 1;
    }
    SymmetricEigen eig = Kernels.symmetricEigen(covariance);
    double[] variance = new double[d];
    double total = 0;
    for (int k = 0; k < d; k++) {
      variance[k] = Math.max(0, eig.values()[k]);
      total += variance[k];
    }
    int keep = limit;
    if (components != null) {
      keep = components;
    } else if (varianceFraction != null) {
      if (total <= 0) {
        throw new IllegalArgumentException(
            "varianceFraction: the training data has zero variance, so no number of components"
                + " explains a fraction of it; set components instead");
      }
      keep = componentsFor(variance, total, varianceFraction, limit);
    }
    double[][] weights = new double[keep][d];
    for (int k = 0; k < keep; k++) {
      for (int j = 0; j < d; j++) {
        weights[k][j] = eig.vectors().get(j, k);
      }
    }
    Moments.fixSigns(weights);
    if (whiten) {
      double floor = 1e-12 * variance[0];
      for (int k = 0; k < keep; k++) {
        if (variance[k] <= floor) {
          throw new IllegalArgumentException(
              "whiten: component "
                  + k
                  + " has (numerically) zero variance "
                  + variance[k]
                  + ", so it cannot be scaled to unit variance; request at most "
                  + k
                  + " components");
        }
        double s = 1 / Math.sqrt(variance[k]);
        for (int j = 0; j < d; j++) {
          weights[k][j] *= s;
        }
      }
    }
    double[] kept = new double[keep];
    System.arraycopy(variance, 0, kept, 0, keep);
    return new PcaDecomposition(AffineTransform.of("pca", weights, mean), kept, total);
  }

  /**
   * Returns the fewest leading components whose cumulative variance share is greater than {@code
   * fraction}, at most {@code limit}.
   */
  private static int componentsFor(double[] variance, double total, double fraction, int limit) {
    double cumulative = 0;
    for (int k = 0; k < limit; k++) {
      cumulative += variance[k];
      if (cumulative / total > fraction) {
        return k + 1;
      }
    }
    return limit;
  }

  @Override
  public String name() {
    return "pca";
  }

  @Override
  public String toString() {
    return "Pca[components="
        + (components == null ? "all" : components)
        + (varianceFraction == null ? "" : ", varianceFraction=" + varianceFraction)
        + ", whiten="
        + whiten
        + "]";
  }

  /** Builds a {@link Pca}; defaults: all components, no whitening. */
  public static final class Builder {
    private @Nullable Integer components;
    private @Nullable Double varianceFraction;
    private boolean whiten;

    private Builder() {}

    /**
     * Keeps a fixed number of leading components (default: {@code min(n, d)}, all).
     *
     * @param components at least 1; checked against {@code min(n, d)} when fitting
     * @return this builder
     */
    public Builder components(int components) {
      this.components = components;
      return this;
    }

    /**
     * Keeps the fewest leading components whose share of the total variance is greater than {@code
     * fraction} (all of them for 1). Not combinable with {@link #components(int)}.
     *
     * @param fraction in {@code (0, 1]}
     * @return this builder
     */
    public Builder varianceFraction(double fraction) {
      this.varianceFraction = fraction;
      return this;
    }

    /**
     * Scales each component to unit variance on the training data (default false).
     *
     * @param whiten true to whiten
     * @return this builder
     */
    public Builder whiten(boolean whiten) {
      this.whiten = whiten;
      return this;
    }

    /**
     * Validates the settings and returns the learner.
     *
     * @return the PCA learner
     * @throws IllegalArgumentException if {@code components < 1}, the fraction is outside {@code
     *     (0, 1]}, or both are set
     */
    public Pca build() {
      if (components != null && components < 1) {
        throw new IllegalArgumentException("components: expected at least 1, found " + components);
      }
      if (varianceFraction != null && !(varianceFraction > 0 && varianceFraction <= 1)) {
        throw new IllegalArgumentException(
            "varianceFraction: expected a value in (0, 1], found " + varianceFraction);
      }
      if (components != null && varianceFraction != null) {
        throw new IllegalArgumentException(
            "components, varianceFraction: expected at most one of them, found both ("
                + components
                + ", "
                + varianceFraction
                + ")");
      }
      return new Pca(this);
    }
  }
}
