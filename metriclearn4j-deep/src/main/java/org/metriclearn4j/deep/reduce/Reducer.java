package org.metriclearn4j.deep.reduce;

import ai.djl.ndarray.NDArray;

/**
 * Turns a vector of losses (one per element, pair or triplet) into the scalar a loss returns
 * (pytorch-metric-learning's reducers).
 *
 * <p>Every reducer returns a zero-dimensional array that stays in the autograd graph of its input:
 * reducing an empty vector gives {@code 0} whose {@code backward} produces zero gradients, never a
 * detached constant and never {@code NaN}.
 */
public interface Reducer {

  /**
   * Reduces the losses to a scalar.
   *
   * @param losses a one-dimensional array of losses, possibly empty (read only)
   * @return a zero-dimensional array of the same data type
   * @throws IllegalArgumentException if {@code losses} is not one-dimensional
   */
  NDArray reduce(NDArray losses);

  /**
   * Returns a short name, for example {@code "mean"}.
   *
   * @return the name
   */
  String name();

  /**
   * Checks that {@code losses} is a vector.
   *
   * @param losses the array to check
   * @throws IllegalArgumentException if it is not one-dimensional
   */
  static void checkVector(NDArray losses) {
    if (losses.getShape().dimension() != 1) {
      throw new IllegalArgumentException(
          "losses must be a 1-D array, found shape " + losses.getShape());
    }
  }
}
