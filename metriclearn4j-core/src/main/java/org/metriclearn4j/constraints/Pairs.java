package org.metriclearn4j.constraints;

/**
 * Pairs of points labelled similar (same class) or dissimilar (different classes), the weak
 * supervision of ITML, SDML and MMC and the input of pair verification.
 *
 * <p>Immutable: the points and indices are copied in and every accessor returns a copy. Built with
 * {@link #of}, which validates, or drawn from labels with {@link ConstraintSampler}.
 */
public final class Pairs extends PointConstraints {
  private final int[] first;
  private final int[] second;
  private final boolean[] similar;
  private final int numSimilar;

  private Pairs(Points points, int[] first, int[] second, boolean[] similar) {
    super(points);
    this.first = first;
    this.second = second;
    this.similar = similar;
    int s = 0;
    for (boolean b : similar) {
      if (b) {
        s++;
      }
    }
    this.numSimilar = s;
  }

  /**
   * Returns labelled pairs over the given points.
   *
   * @param points {@code n >= 1} rows of {@code d >= 1} finite features (copied)
   * @param first the first point of each pair, indices into {@code points}
   * @param second the second point of each pair, same length as {@code first}
   * @param similar for each pair, {@code true} if similar (same class), {@code false} if not
   * @return the pairs
   * @throws IllegalArgumentException if there is no pair, the arrays differ in length, an index is
   *     outside {@code [0, n)} or a point is ragged or not finite
   */
  public static Pairs of(double[][] points, int[] first, int[] second, boolean[] similar) {
    return create(Points.of(points), first, second, similar);
  }

  static Pairs create(Points points, int[] first, int[] second, boolean[] similar) {
    Points.checkNotEmpty("first", first.length, "pair");
    if (similar.length != first.length) {
      throw new IllegalArgumentException(
          "similar: expected " + first.length + " labels (one per pair), found " + similar.length);
    }
    return new Pairs(
        points,
        points.checkIndices("first", first, first.length),
        points.checkIndices("second", second, first.length),
        similar.clone());
  }

  /** Returns the number of pairs. */
  public int size() {
    return first.length;
  }

  /** Returns the number of pairs labelled similar. */
  public int numSimilar() {
    return numSimilar;
  }

  /** Returns the number of pairs labelled dissimilar. */
  public int numDissimilar() {
    return first.length - numSimilar;
  }

  /** Returns a copy of the first point index of every pair. */
  public int[] first() {
    return first.clone();
  }

  /** Returns a copy of the second point index of every pair. */
  public int[] second() {
    return second.clone();
  }

  /** Returns a copy of the labels: {@code true} for a similar pair. */
  public boolean[] similar() {
    return similar.clone();
  }

  @Override
  public String toString() {
    return "Pairs["
        + numSimilar
        + " similar, "
        + numDissimilar()
        + " dissimilar over "
        + numPoints()
        + "x"
        + dimension()
        + "]";
  }
}
