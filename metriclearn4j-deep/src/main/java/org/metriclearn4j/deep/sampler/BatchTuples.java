package org.metriclearn4j.deep.sampler;

/**
 * Pairs or triplets of positions inside one batch, chosen by a sampler for the Siamese (pairs) or
 * triplet set-up. Positive pairs join two samples of the same class, negative pairs two samples of
 * different classes; a triplet is (anchor, positive of the anchor's class, negative of another
 * class).
 */
public final class BatchTuples {
  /** What the tuples are. */
  public enum Kind {
    /** Positive and negative pairs. */
    PAIRS,
    /** (anchor, positive, negative) triplets. */
    TRIPLETS
  }

  private final Kind kind;
  private final int[] first;
  private final int[] second;
  private final int[] third;
  private final int[] fourth;

  private BatchTuples(Kind kind, int[] first, int[] second, int[] third, int[] fourth) {
    this.kind = kind;
    this.first = first;
    this.second = second;
    this.third = third;
    this.fourth = fourth;
  }

  /**
   * Positive and negative pairs, PyTorch-metric-learning's {@code (a1, p, a2, n)} layout.
   *
   * @param positiveAnchor first member of each positive pair (copied)
   * @param positive second member of each positive pair (copied)
   * @param negativeAnchor first member of each negative pair (copied)
   * @param negative second member of each negative pair (copied)
   * @return the tuples
   * @throws IllegalArgumentException if paired arrays differ in length or a position is negative
   */
  public static BatchTuples pairs(
      int[] positiveAnchor, int[] positive, int[] negativeAnchor, int[] negative) {
    sameLength("positive", positiveAnchor, positive);
    sameLength("negative", negativeAnchor, negative);
    return new BatchTuples(
        Kind.PAIRS,
        nonNegative(positiveAnchor),
        nonNegative(positive),
        nonNegative(negativeAnchor),
        nonNegative(negative));
  }

  /**
   * Triplets.
   *
   * @param anchor anchors (copied)
   * @param positive positives, same class as their anchor (copied)
   * @param negative negatives, another class (copied)
   * @return the tuples
   * @throws IllegalArgumentException if the arrays differ in length or a position is negative
   */
  public static BatchTuples triplets(int[] anchor, int[] positive, int[] negative) {
    sameLength("triplet", anchor, positive);
    sameLength("triplet", anchor, negative);
    return new BatchTuples(
        Kind.TRIPLETS,
        nonNegative(anchor),
        nonNegative(positive),
        nonNegative(negative),
        new int[0]);
  }

  private static void sameLength(String what, int[] a, int[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          what
              + " tuples: expected arrays of equal length, found "
              + a.length
              + " and "
              + b.length);
    }
  }

  private static int[] nonNegative(int[] a) {
    for (int v : a) {
      if (v < 0) {
        throw new IllegalArgumentException("tuples: expected positions >= 0, found " + v);
      }
    }
    return a.clone();
  }

  /** Returns whether these are pairs or triplets. */
  public Kind kind() {
    return kind;
  }

  /** Returns the number of tuples (positive plus negative pairs, or triplets). */
  public int count() {
    return kind == Kind.PAIRS ? first.length + third.length : first.length;
  }

  /** Pairs: first members of positive pairs; triplets: anchors. */
  public int[] positiveAnchors() {
    return first.clone();
  }

  /** Pairs: second members of positive pairs; triplets: positives. */
  public int[] positives() {
    return second.clone();
  }

  /** Pairs: first members of negative pairs; triplets: anchors (same as positiveAnchors). */
  public int[] negativeAnchors() {
    return kind == Kind.PAIRS ? third.clone() : first.clone();
  }

  /** Pairs: second members of negative pairs; triplets: negatives. */
  public int[] negatives() {
    return kind == Kind.PAIRS ? fourth.clone() : third.clone();
  }

  int maxPosition() {
    int max = -1;
    for (int[] a : new int[][] {first, second, third, fourth}) {
      for (int v : a) {
        max = Math.max(max, v);
      }
    }
    return max;
  }
}
