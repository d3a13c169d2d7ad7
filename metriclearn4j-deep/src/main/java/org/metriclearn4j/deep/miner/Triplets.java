package org.metriclearn4j.deep.miner;

import ai.djl.ndarray.NDArray;
import java.util.Arrays;

/**
 * Index triplets into a batch: an anchor, a positive with the anchor's label and a negative with
 * another label, as pytorch-metric-learning's {@code (a, p, n)} tuple. Immutable; the arrays are
 * copied in and out.
 */
public final class Triplets {
  private final int[] anchors;
  private final int[] positives;
  private final int[] negatives;

  private Triplets(int[] anchors, int[] positives, int[] negatives) {
    this.anchors = anchors;
    this.positives = positives;
    this.negatives = negatives;
  }

  /**
   * Creates triplets from copies of the given index arrays.
   *
   * @param anchors anchor index of each triplet
   * @param positives positive index of each triplet, same length
   * @param negatives negative index of each triplet, same length
   * @return the triplets
   * @throws IllegalArgumentException if the arrays differ in length or an index is negative
   */
  public static Triplets of(int[] anchors, int[] positives, int[] negatives) {
    Pairs.checkSameLength("anchors", anchors, "positives", positives);
    Pairs.checkSameLength("anchors", anchors, "negatives", negatives);
    Pairs.checkNonNegative("anchors", anchors);
    Pairs.checkNonNegative("positives", positives);
    Pairs.checkNonNegative("negatives", negatives);
    return new Triplets(anchors.clone(), positives.clone(), negatives.clone());
  }

  /**
   * Creates triplets from three one-dimensional integer index arrays, for example tuples computed
   * on the engine.
   *
   * @param anchors anchor index of each triplet
   * @param positives positive index of each triplet, same length
   * @param negatives negative index of each triplet, same length
   * @return the triplets
   * @throws IllegalArgumentException if an array is not a vector of whole numbers, the arrays
   *     differ in length or an index is negative
   */
  public static Triplets of(NDArray anchors, NDArray positives, NDArray negatives) {
    return of(
        Pairs.indices("anchors", anchors),
        Pairs.indices("positives", positives),
        Pairs.indices("negatives", negatives));
  }

  /**
   * Creates triplets that take ownership of the arrays (no copy); for miners of this package.
   *
   * @param anchors anchor index of each triplet
   * @param positives positive index of each triplet
   * @param negatives negative index of each triplet
   * @return the triplets
   */
  static Triplets wrap(int[] anchors, int[] positives, int[] negatives) {
    return new Triplets(anchors, positives, negatives);
  }

  /**
   * Returns a copy of the anchor index of each triplet.
   *
   * @return a copy of the anchor index of each triplet
   */
  public int[] anchors() {
    return anchors.clone();
  }

  /**
   * Returns a copy of the positive index of each triplet.
   *
   * @return a copy of the positive index of each triplet
   */
  public int[] positives() {
    return positives.clone();
  }

  /**
   * Returns a copy of the negative index of each triplet.
   *
   * @return a copy of the negative index of each triplet
   */
  public int[] negatives() {
    return negatives.clone();
  }

  /**
   * Returns the number of triplets.
   *
   * @return the number of triplets
   */
  public int size() {
    return anchors.length;
  }

  /**
   * Returns the largest index in any triplet, or -1 if there is none.
   *
   * @return the largest index in any triplet, or -1 if there is none
   */
  int maxIndex() {
    return Math.max(IntList.max(anchors), Math.max(IntList.max(positives), IntList.max(negatives)));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Triplets t
        && Arrays.equals(anchors, t.anchors)
        && Arrays.equals(positives, t.positives)
        && Arrays.equals(negatives, t.negatives);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(anchors) + Arrays.hashCode(positives))
        + Arrays.hashCode(negatives);
  }

  @Override
  public String toString() {
    return "Triplets[" + anchors.length + "]";
  }
}
