package org.metriclearn4j.learn;

import org.ejml.data.DMatrixRMaj;

/**
 * The per-feature standardisation of a training set: {@code x_s = (x - mean) * scale}, with {@code
 * scale_j = 1 / sd_j} for a varying feature and {@code 1} for a constant one (so the map stays
 * invertible). A feature is constant when its population standard deviation is 0 or at most {@code
 * 1e-12} times its largest absolute value.
 */
final class Standardization {
  private final double[] scale;
  private final boolean[] constant;
  private final DMatrixRMaj standardized;

  private Standardization(double[] scale, boolean[] constant, DMatrixRMaj standardized) {
    this.scale = scale;
    this.constant = constant;
    this.standardized = standardized;
  }

  /**
   * Standardises {@code x}.
   *
   * @param x {@code n x d} samples (not modified)
   * @return the standardisation with the standardised copy of {@code x}
   */
  static Standardization of(DMatrixRMaj x) {
    int n = x.numRows;
    int d = x.numCols;
    double[] mean = new double[d];
    double[] largest = new double[d];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < d; c++) {
        double v = x.data[i * d + c];
        mean[c] += v;
        largest[c] = Math.max(largest[c], Math.abs(v));
      }
    }
    for (int c = 0; c < d; c++) {
      mean[c] /= n;
    }
    double[] variance = new double[d];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < d; c++) {
        double v = x.data[i * d + c] - mean[c];
        variance[c] += v * v;
      }
    }
    double[] scale = new double[d];
    boolean[] constant = new boolean[d];
    for (int c = 0; c < d; c++) {
      double sd = Math.sqrt(variance[c] / n);
      constant[c] = !(sd > 1e-12 * largest[c]);
      scale[c] = constant[c] ? 1 : 1 / sd;
    }
    DMatrixRMaj xs = new DMatrixRMaj(n, d);
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < d; c++) {
        // a constant feature is exactly 0 after centring (no rounding residue)
        xs.data[i * d + c] = constant[c] ? 0 : (x.data[i * d + c] - mean[c]) * scale[c];
      }
    }
    return new Standardization(scale, constant, xs);
  }

  /** Returns {@code scale_j} (not a copy; do not modify). */
  double[] scale() {
    return scale;
  }

  /** Returns which features are constant (not a copy; do not modify). */
  boolean[] constant() {
    return constant;
  }

  /** Returns the standardised samples (not a copy; do not modify). */
  DMatrixRMaj standardized() {
    return standardized;
  }

  /**
   * Returns {@code a diag(scale)}: components in standardised coordinates mapped to original ones.
   *
   * @param a {@code k x d} (not modified)
   * @return a new {@code k x d} matrix
   */
  DMatrixRMaj toOriginal(DMatrixRMaj a) {
    DMatrixRMaj l = a.copy();
    int d = a.numCols;
    for (int r = 0; r < a.numRows; r++) {
      for (int c = 0; c < d; c++) {
        l.data[r * d + c] *= scale[c];
      }
    }
    return l;
  }
}
