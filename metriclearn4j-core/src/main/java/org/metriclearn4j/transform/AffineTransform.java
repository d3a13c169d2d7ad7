package org.metriclearn4j.transform;

import java.util.Arrays;

/**
 * A fitted affine transform {@code x -> W (x - offset)}, the common fitted form of the standard
 * scaler ({@code W} diagonal), PCA and LDA ({@code W} the projection, {@code offset} the mean).
 * Immutable.
 */
public final class AffineTransform implements Transform {
  private final String kind;
  private final double[][] weights;
  private final double[] offset;

  private AffineTransform(String kind, double[][] weights, double[] offset) {
    this.kind = kind;
    this.weights = weights;
    this.offset = offset;
  }

  /**
   * Returns the transform {@code x -> W (x - offset)}.
   *
   * @param kind what produced it, for example {@code "standard-scaler"}, {@code "pca"}, {@code
   *     "lda"}; kept in model files
   * @param weights {@code W}, {@code k x d} with {@code k, d >= 1}, finite (copied)
   * @param offset {@code d} values subtracted before projecting, finite (copied)
   * @return the transform
   * @throws IllegalArgumentException if shapes disagree or a value is not finite
   */
  public static AffineTransform of(String kind, double[][] weights, double[] offset) {
    if (weights.length == 0) {
      throw new IllegalArgumentException("weights: expected at least one row, found none");
    }
    int d = offset.length;
    if (d == 0) {
      throw new IllegalArgumentException("offset: expected at least one value, found none");
    }
    double[][] w = new double[weights.length][];
    for (int r = 0; r < weights.length; r++) {
      if (weights[r].length != d) {
        throw new IllegalArgumentException(
            "weights: row " + r + " has " + weights[r].length + " columns, expected " + d);
      }
      for (int c = 0; c < d; c++) {
        if (!Double.isFinite(weights[r][c])) {
          throw new IllegalArgumentException(
              "weights: expected finite values, found " + weights[r][c] + " at " + r + "," + c);
        }
      }
      w[r] = weights[r].clone();
    }
    for (int c = 0; c < d; c++) {
      if (!Double.isFinite(offset[c])) {
        throw new IllegalArgumentException(
            "offset: expected finite values, found " + offset[c] + " at " + c);
      }
    }
    return new AffineTransform(kind, w, offset.clone());
  }

  /** Returns what produced this transform, for example {@code "pca"}. */
  public String kind() {
    return kind;
  }

  /** Returns a copy of {@code W} ({@code k x d}). */
  public double[][] weights() {
    double[][] copy = new double[weights.length][];
    for (int r = 0; r < weights.length; r++) {
      copy[r] = weights[r].clone();
    }
    return copy;
  }

  /** Returns a copy of the offset ({@code d}). */
  public double[] offset() {
    return offset.clone();
  }

  @Override
  public int inputDimension() {
    return offset.length;
  }

  @Override
  public int outputDimension() {
    return weights.length;
  }

  @Override
  public double[] transform(double[] x) {
    if (x.length != offset.length) {
      throw new IllegalArgumentException(
          "x: expected length " + offset.length + ", found " + x.length);
    }
    double[] out = new double[weights.length];
    for (int r = 0; r < weights.length; r++) {
      double s = 0;
      double[] w = weights[r];
      for (int c = 0; c < w.length; c++) {
        s += w[c] * (x[c] - offset[c]);
      }
      out[r] = s;
    }
    return out;
  }

  @Override
  public String toString() {
    return "AffineTransform["
        + kind
        + ", "
        + weights.length
        + "x"
        + offset.length
        + ", offset="
        + Arrays.toString(offset)
        + "]";
  }
}
