package org.metriclearn4j.pipeline;

/** A fitted, immutable classifier that predicts a class index for each sample. */
public interface Classifier {

  /**
   * Returns the input dimension this classifier accepts.
   *
   * @return the input dimension this classifier accepts
   */
  int inputDimension();

  /**
   * Predicts the class of one sample.
   *
   * @param x a vector of length {@link #inputDimension()} (read only)
   * @return a class index of the training data
   */
  int predict(double[] x);

  /**
   * Predicts the class of every row.
   *
   * @param x rows of length {@link #inputDimension()} (read only)
   * @return one class index per row
   */
  default int[] predict(double[][] x) {
    int[] out = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = predict(x[i]);
    }
    return out;
  }
}
