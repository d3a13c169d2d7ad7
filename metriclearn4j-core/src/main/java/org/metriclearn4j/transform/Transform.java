package org.metriclearn4j.transform;

/**
 * A fitted, immutable map from {@code d}-dimensional inputs to {@code k}-dimensional outputs, for
 * example a standard scaler, a PCA projection or a learned metric's {@code x -> Lx}.
 */
public interface Transform {

  /** Returns the input dimension {@code d} this transform accepts. */
  int inputDimension();

  /** Returns the output dimension {@code k} this transform produces. */
  int outputDimension();

  /**
   * Transforms one sample.
   *
   * @param x a vector of length {@link #inputDimension()} (read only)
   * @return a new vector of length {@link #outputDimension()}
   * @throws IllegalArgumentException if {@code x} has the wrong length
   */
  double[] transform(double[] x);

  /**
   * Transforms every row.
   *
   * @param x rows of length {@link #inputDimension()} (read only)
   * @return new rows of length {@link #outputDimension()}
   * @throws IllegalArgumentException if a row has the wrong length
   */
  default double[][] transform(double[][] x) {
    double[][] out = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      out[i] = transform(x[i]);
    }
    return out;
  }
}
