package org.metriclearn4j.deep.miner;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.Arrays;

/**
 * Index pairs into a batch: anchor-positive pairs (same label) and anchor-negative pairs (different
 * labels), as pytorch-metric-learning's {@code (a1, p, a2, n)} tuple. Immutable; the arrays are
 * copied in and out.
 */
public final class Pairs {
  private final int[] positiveAnchors;
  private final int[] positives;
  private final int[] negativeAnchors;
  private final int[] negatives;

  private Pairs(int[] positiveAnchors, int[] positives, int[] negativeAnchors, int[] negatives) {
    this.positiveAnchors = positiveAnchors;
    this.positives = positives;
    this.negativeAnchors = negativeAnchors;
    this.negatives = negatives;
  }

  /**
   * Creates pairs from copies of the given index arrays.
   *
   * @param positiveAnchors anchor index of each positive pair
   * @param positives positive index of each positive pair, same length
   * @param negativeAnchors anchor index of each negative pair
   * @param negatives negative index of each negative pair, same length
   * @return the pairs
   * @throws IllegalArgumentException if paired arrays differ in length or an index is negative
   */
  public static Pairs of(
      int[] positiveAnchors, int[] positives, int[] negativeAnchors, int[] negatives) {
    checkSameLength("positiveAnchors", positiveAnchors, "positives", positives);
    checkSameLength("negativeAnchors", negativeAnchors, "negatives", negatives);
    checkNonNegative("positiveAnchors", positiveAnchors);
    checkNonNegative("positives", positives);
    checkNonNegative("negativeAnchors", negativeAnchors);
    checkNonNegative("negatives", negatives);
    return new Pairs(
        positiveAnchors.clone(), positives.clone(), negativeAnchors.clone(), negatives.clone());
  }

  /**
   * Creates pairs from four one-dimensional integer index arrays, for example tuples computed on
   * the engine.
   *
   * @param positiveAnchors anchor index of each positive pair
   * @param positives positive index of each positive pair, same length
   * @param negativeAnchors anchor index of each negative pair
   * @param negatives negative index of each negative pair, same length
   * @return the pairs
   * @throws IllegalArgumentException if an array is not a vector of whole numbers, paired arrays
   *     differ in length or an index is negative
   */
  public static Pairs of(
      NDArray positiveAnchors, NDArray positives, NDArray negativeAnchors, NDArray negatives) {
    return of(
        indices("positiveAnchors", positiveAnchors),
        indices("positives", positives),
        indices("negativeAnchors", negativeAnchors),
        indices("negatives", negatives));
  }

  /**
   * Copies a vector of indices out of an array.
   *
   * @param name the argument name, for errors
   * @param array a one-dimensional array of whole numbers
   * @return the indices
   */
  static int[] indices(String name, NDArray array) {
    if (array.getShape().dimension() != 1) {
      throw new IllegalArgumentException(
          name + " must be a 1-D array of indices, found shape " + array.getShape());
    }
    double[] values;
    try (NDArray asDouble = array.toType(DataType.FLOAT64, true)) {
      values = asDouble.toDoubleArray();
    }
    int[] result = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      if (values[i] != Math.rint(values[i]) || Math.abs(values[i]) > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            name + " must hold whole-number indices, found " + values[i] + " at position " + i);
      }
      result[i] = (int) values[i];
    }
    return result;
  }

  /**
   * Creates pairs that take ownership of the arrays (no copy); for miners of this package.
   *
   * @param positiveAnchors anchor index of each positive pair
   * @param positives positive index of each positive pair
   * @param negativeAnchors anchor index of each negative pair
   * @param negatives negative index of each negative pair
   * @return the pairs
   */
  static Pairs wrap(
      int[] positiveAnchors, int[] positives, int[] negativeAnchors, int[] negatives) {
    return new Pairs(positiveAnchors, positives, negativeAnchors, negatives);
  }

  /**
   * Returns a copy of the anchor index of each positive pair.
   *
   * @return a copy of the anchor index of each positive pair
   */
  public int[] positiveAnchors() {
    return positiveAnchors.clone();
  }

  /**
   * Returns a copy of the positive index of each positive pair.
   *
   * @return a copy of the positive index of each positive pair
   */
  public int[] positives() {
    return positives.clone();
  }

  /**
   * Returns a copy of the anchor index of each negative pair.
   *
   * @return a copy of the anchor index of each negative pair
   */
  public int[] negativeAnchors() {
    return negativeAnchors.clone();
  }

  /**
   * Returns a copy of the negative index of each negative pair.
   *
   * @return a copy of the negative index of each negative pair
   */
  public int[] negatives() {
    return negatives.clone();
  }

  /**
   * Returns the number of anchor-positive pairs.
   *
   * @return the number of anchor-positive pairs
   */
  public int numPositivePairs() {
    return positives.length;
  }

  /**
   * Returns the number of anchor-negative pairs.
   *
   * @return the number of anchor-negative pairs
   */
  public int numNegativePairs() {
    return negatives.length;
  }

  /**
   * Returns the largest index in any pair, or -1 if there is no pair.
   *
   * @return the largest index in any pair, or -1 if there is no pair
   */
  int maxIndex() {
    return Math.max(
        Math.max(IntList.max(positiveAnchors), IntList.max(positives)),
        Math.max(IntList.max(negativeAnchors), IntList.max(negatives)));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Pairs p
        && Arrays.equals(positiveAnchors, p.positiveAnchors)
        && Arrays.equals(positives, p.positives)
        && Arrays.equals(negativeAnchors, p.negativeAnchors)
        && Arrays.equals(negatives, p.negatives);
  }

  @Override
  public int hashCode() {
    int h = Arrays.hashCode(positiveAnchors);
    h = 31 * h + Arrays.hashCode(positives);
    h = 31 * h + Arrays.hashCode(negativeAnchors);
    return 31 * h + Arrays.hashCode(negatives);
  }

  @Override
  public String toString() {
    return "Pairs[" + positives.length + " positive, " + negatives.length + " negative]";
  }

  static void checkSameLength(String nameA, int[] a, String nameB, int[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          nameA
              + " and "
              + nameB
              + " must have the same length, found "
              + a.length
              + " and "
              + b.length);
    }
  }

  static void checkNonNegative(String name, int[] indices) {
    for (int i = 0; i < indices.length; i++) {
      if (indices[i] < 0) {
        throw new IllegalArgumentException(
            name + " must hold non-negative indices, found " + indices[i] + " at position " + i);
      }
    }
  }
}
