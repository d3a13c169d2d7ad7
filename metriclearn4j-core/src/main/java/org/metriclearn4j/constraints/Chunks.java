package org.metriclearn4j.constraints;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * Chunklets: small groups of points known to share a class (the input of RCA). Each point belongs
 * to at most one chunk; {@link #NO_CHUNK} marks a point in none.
 *
 * <p>Immutable: the points and chunk ids are copied in and every accessor returns a copy. Built
 * with {@link #of}, which validates, or drawn from labels with {@link ConstraintSampler}.
 */
public final class Chunks extends PointConstraints {
  /** The chunk id of a point that belongs to no chunk. */
  public static final int NO_CHUNK = -1;

  private final int[] chunkOf;
  private final int[] ids;

  private Chunks(Points points, int[] chunkOf, int[] ids) {
    super(points);
    this.chunkOf = chunkOf;
    this.ids = ids;
  }

  /**
   * Returns chunks over the given points.
   *
   * @param points {@code n >= 1} rows of {@code d >= 1} finite features (copied)
   * @param chunkOf for each point its chunk id, {@code >= 0}, or {@link #NO_CHUNK}; ids need not be
   *     contiguous
   * @return the chunks
   * @throws IllegalArgumentException if {@code chunkOf} does not have one entry per point, has an
   *     id below {@link #NO_CHUNK}, assigns no point to a chunk, or a point is ragged or not finite
   */
  public static Chunks of(double[][] points, int[] chunkOf) {
    return create(Points.of(points), chunkOf);
  }

  static Chunks create(Points points, int[] chunkOf) {
    if (chunkOf.length != points.size()) {
      throw new IllegalArgumentException(
          "chunkOf: expected "
              + points.size()
              + " chunk ids (one per point), found "
              + chunkOf.length);
    }
    TreeSet<Integer> distinct = new TreeSet<>();
    for (int i = 0; i < chunkOf.length; i++) {
      if (chunkOf[i] < NO_CHUNK) {
        throw new IllegalArgumentException(
            "chunkOf: expected ids >= 0 or "
                + NO_CHUNK
                + " (no chunk), found "
                + chunkOf[i]
                + " at point "
                + i);
      }
      if (chunkOf[i] != NO_CHUNK) {
        distinct.add(chunkOf[i]);
      }
    }
    if (distinct.isEmpty()) {
      throw new IllegalArgumentException(
          "chunkOf: expected at least one point in a chunk, found every point marked NO_CHUNK");
    }
    int[] ids = distinct.stream().mapToInt(Integer::intValue).toArray();
    return new Chunks(points, chunkOf.clone(), ids);
  }

  /** Returns the number of distinct chunks. */
  public int numChunks() {
    return ids.length;
  }

  /** Returns the distinct chunk ids in increasing order. */
  public int[] chunkIds() {
    return ids.clone();
  }

  /** Returns the number of points that belong to a chunk. */
  public int numChunkedPoints() {
    int count = 0;
    for (int c : chunkOf) {
      if (c != NO_CHUNK) {
        count++;
      }
    }
    return count;
  }

  /** Returns a copy of each point's chunk id ({@link #NO_CHUNK} for none). */
  public int[] chunkOf() {
    return chunkOf.clone();
  }

  /**
   * Returns the points of one chunk, in increasing order.
   *
   * @param id a chunk id
   * @return the indices of its points (empty if no point has that id)
   */
  public int[] members(int id) {
    return java.util.stream.IntStream.range(0, chunkOf.length)
        .filter(i -> chunkOf[i] == id)
        .toArray();
  }

  @Override
  public String toString() {
    return "Chunks["
        + numChunks()
        + " chunks, "
        + numChunkedPoints()
        + " of "
        + numPoints()
        + " points, d="
        + dimension()
        + ", ids="
        + (ids.length <= 5 ? Arrays.toString(ids) : ids.length + " ids")
        + "]";
  }
}
