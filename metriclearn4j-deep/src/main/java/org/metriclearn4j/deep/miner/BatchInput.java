package org.metriclearn4j.deep.miner;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Checks of the {@code (embeddings, labels)} batch that miners and losses receive, with errors that
 * name the argument, what was expected and what was found.
 */
public final class BatchInput {
  private BatchInput() {}

  /**
   * Checks a batch and returns its labels as Java integers.
   *
   * @param embeddings a {@code B x D} array of floating-point embeddings with {@code B >= 1}
   * @param labels {@code B} labels of shape {@code (B)} or {@code (B, 1)}, whole numbers of any
   *     numeric type
   * @return the labels, in batch order
   * @throws IllegalArgumentException if {@code embeddings} is not a non-empty floating-point
   *     matrix, the label count differs from the batch size, a label is not a whole number in the
   *     {@code int} range, or an embedding is NaN or infinite
   */
  public static int[] labels(NDArray embeddings, NDArray labels) {
    Shape shape = embeddings.getShape();
    if (shape.dimension() != 2 || shape.get(0) < 1 || shape.get(1) < 1) {
      throw new IllegalArgumentException(
          "embeddings must be a non-empty 2-D array (batch x embedding width), found shape "
              + shape);
    }
    if (!embeddings.getDataType().isFloating()) {
      throw new IllegalArgumentException(
          "embeddings must be float32 or float64, found " + embeddings.getDataType());
    }
    long batch = shape.get(0);
    Shape labelShape = labels.getShape();
    boolean column = labelShape.dimension() == 2 && labelShape.get(1) == 1;
    if (!(labelShape.dimension() == 1 || column) || labelShape.get(0) != batch) {
      throw new IllegalArgumentException(
          "labels must have shape ("
              + batch
              + ") or ("
              + batch
              + ", 1) to match the "
              + batch
              + " embeddings, found shape "
              + labelShape);
    }
    double[] values;
    try (NDArray asDouble = labels.toType(DataType.FLOAT64, true)) {
      values = asDouble.toDoubleArray();
    }
    int[] result = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      double v = values[i];
      if (v != Math.rint(v) || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            "labels must be whole numbers in the int range, found " + v + " at position " + i);
      }
      result[i] = (int) v;
    }
    checkFinite(embeddings);
    return result;
  }

  /**
   * Checks that every embedding value is finite.
   *
   * @param embeddings the embeddings
   * @throws IllegalArgumentException if a value is NaN or infinite
   */
  public static void checkFinite(NDArray embeddings) {
    try (NDArray nan = embeddings.isNaN();
        NDArray infinite = embeddings.isInfinite();
        NDArray bad = nan.logicalOr(infinite);
        NDArray any = bad.any()) {
      if (any.getBoolean()) {
        throw new IllegalArgumentException(
            "embeddings must be finite, found NaN or infinite values (diverged training?)");
      }
    }
  }
}
