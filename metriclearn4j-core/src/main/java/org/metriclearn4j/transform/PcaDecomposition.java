package org.metriclearn4j.transform;

/**
 * What a {@link Pca} fit found: the fitted projection and the variance along each kept component.
 * Immutable; array accessors return copies.
 */
public final class PcaDecomposition {
  private final AffineTransform transform;
  private final double[] explainedVariance;
  private final double totalVariance;

  PcaDecomposition(AffineTransform transform, double[] explainedVariance, double totalVariance) {
    this.transform = transform;
    this.explainedVariance = explainedVariance.clone();
    this.totalVariance = totalVariance;
  }

  /** {@return the fitted projection {@code x -> W (x - mean)}, of kind {@code "pca"}} */
  public AffineTransform transform() {
    return transform;
  }

  /**
   * Returns the sample variance (divisor {@code n - 1}) of the training data along each kept
   * component, largest first: the covariance matrix's leading eigenvalues.
   *
   * @return the variances, one per kept component
   */
  public double[] explainedVariance() {
    return explainedVariance.clone();
  }

  /**
   * Returns each kept component's share of the total variance, {@code explainedVariance[k] /
   * totalVariance()}; all zero if the training data has no variance.
   *
   * @return the shares, one per kept component
   */
  public double[] explainedVarianceRatio() {
    double[] ratio = new double[explainedVariance.length];
    if (totalVariance > 0) {
      for (int k = 0; k < ratio.length; k++) {
        ratio[k] = explainedVariance[k] / totalVariance;
      }
    }
    return ratio;
  }

  /** {@return the total sample variance of the training data (the covariance matrix's trace)} */
  public double totalVariance() {
    return totalVariance;
  }

  /** {@return the number of kept components} */
  public int components() {
    return explainedVariance.length;
  }
}
