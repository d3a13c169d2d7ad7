package org.metriclearn4j.distance;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A multivariate normal distribution {@code N(mean, covariance)} with a symmetric positive definite
 * covariance, the argument of the closed-form {@link GaussianBhattacharyya} and {@link
 * GaussianKullbackLeibler}. An immutable value: the arrays are copied in and out, and equality
 * compares the numbers.
 */
public final class Gaussian {
  private final double[] mean;
  private final double[][] covariance;

  /**
   * Checks and copies the parameters.
   *
   * @param mean the mean, {@code d >= 1} finite values (copied)
   * @param covariance the {@code d x d} covariance, symmetric (relative tolerance 1e-9) and
   *     positive definite (copied)
   * @throws IllegalArgumentException if the mean is empty or not finite, or the covariance is not a
   *     {@code d x d} finite, symmetric, positive definite matrix
   */
  public Gaussian(double[] mean, double[][] covariance) {
    if (mean.length == 0) {
      throw new IllegalArgumentException("mean: expected at least one value, found none");
    }
    Vectors.checkFinite(mean, "mean");
    Spd.cholesky(covariance, "covariance", mean.length);
    this.mean = mean.clone();
    this.covariance = copy(covariance);
  }

  /**
   * Returns the one-dimensional normal distribution {@code N(mean, variance)}.
   *
   * @param mean the mean
   * @param variance the variance, positive
   * @return the distribution
   * @throws IllegalArgumentException if the variance is not positive or a value is not finite
   */
  public static Gaussian univariate(double mean, double variance) {
    return new Gaussian(new double[] {mean}, new double[][] {{variance}});
  }

  /** {@return the dimension {@code d}} */
  public int dimension() {
    return mean.length;
  }

  /** {@return a copy of the mean} */
  public double[] mean() {
    return mean.clone();
  }

  /** {@return a copy of the covariance} */
  public double[][] covariance() {
    return copy(covariance);
  }

  /** Returns the lower Cholesky factor of the covariance. */
  double[][] choleskyFactor() {
    return Spd.cholesky(covariance, "covariance", mean.length);
  }

  /**
   * Compares means and covariances by value.
   *
   * @param other any object
   * @return true for a {@code Gaussian} with equal mean and covariance
   */
  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Gaussian g
        && Arrays.equals(mean, g.mean)
        && Arrays.deepEquals(covariance, g.covariance);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(mean) + Arrays.deepHashCode(covariance);
  }

  @Override
  public String toString() {
    return "Gaussian[mean="
        + Arrays.toString(mean)
        + ", covariance="
        + Arrays.deepToString(covariance)
        + "]";
  }

  private static double[][] copy(double[][] a) {
    double[][] c = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }
}
