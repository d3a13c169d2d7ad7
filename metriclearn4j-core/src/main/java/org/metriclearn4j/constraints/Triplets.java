package org.metriclearn4j.constraints;

/**
 * Relative comparisons {@code (anchor, positive, negative)} over a set of points, each meaning "the
 * anchor is closer to the positive than to the negative": {@code d(x_a, x_p) < d(x_a, x_n)}.
 *
 * <p>Immutable: the points and indices are copied in and every accessor returns a copy. Built with
 * {@link #of}, which validates, or drawn from labels with {@link ConstraintSampler}.
 */
public final class Triplets extends PointConstraints {
  private final int[] anchors;
  private final int[] positives;
  private final int[] negatives;

  private Triplets(Points points, int[] anchors, int[] positives, int[] negatives) {
    super(points);
    this.anchors = anchors;
    this.positives = positives;
    this.negatives = negatives;
  }

  /**
   * Returns triplets over the given points.
   *
   * @param points {@code n >= 1} rows of {@code d >= 1} finite features (copied)
   * @param anchors the anchor of each triplet, indices into {@code points}
   * @param positives the point closer to the anchor, same length as {@code anchors}
   * @param negatives the point farther from the anchor, same length as {@code anchors}
   * @return the triplets
   * @throws IllegalArgumentException if there is no triplet, the index arrays differ in length, an
   *     index is outside {@code [0, n)} or a point is ragged or not finite
   */
  public static Triplets of(double[][] points, int[] anchors, int[] positives, int[] negatives) {
    return create(Points.of(points), anchors, positives, negatives);
  }

  static Triplets create(Points points, int[] anchors, int[] positives, int[] negatives) {
    Points.checkNotEmpty("anchors", anchors.length, "triplet");
    return new Triplets(
        points,
        points.checkIndices("anchors", anchors, anchors.length),
        points.checkIndices("positives", positives, anchors.length),
        points.checkIndices("negatives", negatives, anchors.length));
  }

  /** Returns the number of triplets. */
  public int size() {
    return anchors.length;
  }

  /** Returns a copy of the anchor index of every triplet. */
  public int[] anchors() {
    return anchors.clone();
  }

  /** Returns a copy of the positive (closer) index of every triplet. */
  public int[] positives() {
    return positives.clone();
  }

  /** Returns a copy of the negative (farther) index of every triplet. */
  public int[] negatives() {
    return negatives.clone();
  }

  @Override
  public String toString() {
    return "Triplets[" + size() + " over " + numPoints() + "x" + dimension() + "]";
  }
}
