package org.metriclearn4j.transform;

import java.util.Arrays;
import org.metriclearn4j.data.LabeledDataset;

/**
 * Standardises every feature to mean 0 and unit population variance: {@code x_j -> (x_j - mean_j) /
 * sd_j} with {@code sd_j = sqrt(sum_i (x_ij - mean_j)^2 / n)} on the training data, as
 * scikit-learn's {@code StandardScaler}.
 *
 * <p>A feature that is constant on the training data (all values equal, or a standard deviation
 * whose reciprocal overflows) keeps scale 1, so it is only centred and never divided by zero.
 * Labels are ignored. Defaults: centre and scale ({@link Builder#center(boolean)}, {@link
 * Builder#scale(boolean)}).
 *
 * <p>The fitted result is an {@link AffineTransform} of kind {@code "standard-scaler"} with a
 * diagonal weight matrix {@code diag(1 / sd)} and offset {@code mean} (or 0 when not centring).
 */
public final class StandardScaler implements TransformLearner {
  private final boolean center;
  private final boolean scale;

  private StandardScaler(Builder builder) {
    this.center = builder.center;
    this.scale = builder.scale;
  }

  /** {@return a scaler with the defaults: centre and scale every feature} */
  public static StandardScaler create() {
    return builder().build();
  }

  /** {@return a builder with the defaults: centre and scale} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return whether the mean is subtracted} */
  public boolean center() {
    return center;
  }

  /** {@return whether features are divided by their standard deviation} */
  public boolean scale() {
    return scale;
  }

  /**
   * Learns each feature's mean and population standard deviation.
   *
   * @param data the training data (labels ignored)
   * @return {@code x -> diag(1 / sd) (x - mean)}
   */
  @Override
  public AffineTransform fit(LabeledDataset data) {
    int n = data.size();
    int d = data.dimension();
    double[] mean = Moments.mean(data);
    double[] x = data.featuresRowMajor();
    double[] sumSq = new double[d];
    double[] min = new double[d];
    double[] max = new double[d];
    Arrays.fill(min, Double.POSITIVE_INFINITY);
    Arrays.fill(max, Double.NEGATIVE_INFINITY);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        double v = x[i * d + j];
        double diff = v - mean[j];
        sumSq[j] += diff * diff;
        min[j] = Math.min(min[j], v);
        max[j] = Math.max(max[j], v);
      }
    }
    double[][] weights = new double[d][d];
    for (int j = 0; j < d; j++) {
      double w = 1;
      if (scale && min[j] != max[j]) {
        double inverse = 1 / Math.sqrt(sumSq[j] / n);
        if (Double.isFinite(inverse)) {
          w = inverse;
        }
      }
      weights[j][j] = w;
    }
    return AffineTransform.of("standard-scaler", weights, center ? mean : new double[d]);
  }

  @Override
  public String name() {
    return "standard-scaler";
  }

  @Override
  public String toString() {
    return "StandardScaler[center=" + center + ", scale=" + scale + "]";
  }

  /** Builds a {@link StandardScaler}; defaults: centre and scale. */
  public static final class Builder {
    private boolean center = true;
    private boolean scale = true;

    private Builder() {}

    /**
     * Sets whether to subtract each feature's training mean (default true).
     *
     * @param center false to keep the origin
     * @return this builder
     */
    public Builder center(boolean center) {
      this.center = center;
      return this;
    }

    /**
     * Sets whether to divide each feature by its training standard deviation (default true).
     *
     * @param scale false to only centre
     * @return this builder
     */
    public Builder scale(boolean scale) {
      this.scale = scale;
      return this;
    }

    /** {@return the scaler (every combination of the two options is valid)} */
    public StandardScaler build() {
      return new StandardScaler(this);
    }
  }
}
