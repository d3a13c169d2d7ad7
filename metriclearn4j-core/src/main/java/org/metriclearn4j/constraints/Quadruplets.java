package org.metriclearn4j.constraints;

import java.util.Arrays;

/**
 * Relative comparisons of two pairs {@code (a, b, c, d)}, each meaning "a and b are closer than c
 * and d": {@code d(x_a, x_b) < d(x_c, x_d)}, optionally weighted (the input of LSML).
 *
 * <p>Immutable: the points, indices and weights are copied in and every accessor returns a copy.
 * Built with {@link #of}, which validates, or drawn from labels with {@link ConstraintSampler}.
 */
public final class Quadruplets extends PointConstraints {
  private final int[] first;
  private final int[] second;
  private final int[] third;
  private final int[] fourth;
  private final double[] weights;

  private Quadruplets(
      Points points, int[] first, int[] second, int[] third, int[] fourth, double[] weights) {
    super(points);
    this.first = first;
    this.second = second;
    this.third = third;
    this.fourth = fourth;
    this.weights = weights;
  }

  /**
   * Returns quadruplets of weight one over the given points.
   *
   * @param points {@code n >= 1} rows of {@code d >= 1} finite features (copied)
   * @param first {@code a}, the first point of the closer pair
   * @param second {@code b}, the second point of the closer pair
   * @param third {@code c}, the first point of the farther pair
   * @param fourth {@code d}, the second point of the farther pair
   * @return the quadruplets
   * @throws IllegalArgumentException if there is none, the arrays differ in length, an index is
   *     outside {@code [0, n)} or a point is ragged or not finite
   */
  public static Quadruplets of(
      double[][] points, int[] first, int[] second, int[] third, int[] fourth) {
    double[] ones = new double[first.length];
    Arrays.fill(ones, 1.0);
    return of(points, first, second, third, fourth, ones);
  }

  /**
   * Returns weighted quadruplets over the given points.
   *
   * @param points {@code n >= 1} rows of {@code d >= 1} finite features (copied)
   * @param first {@code a}, the first point of the closer pair
   * @param second {@code b}, the second point of the closer pair
   * @param third {@code c}, the first point of the farther pair
   * @param fourth {@code d}, the second point of the farther pair
   * @param weights the weight of each quadruplet, finite and {@code >= 0}, not all zero
   * @return the quadruplets
   * @throws IllegalArgumentException if there is none, the arrays differ in length, an index is
   *     outside {@code [0, n)}, a weight is negative or not finite, all weights are zero, or a
   *     point is ragged or not finite
   */
  public static Quadruplets of(
      double[][] points, int[] first, int[] second, int[] third, int[] fourth, double[] weights) {
    return create(Points.of(points), first, second, third, fourth, weights);
  }

  static Quadruplets create(
      Points points, int[] first, int[] second, int[] third, int[] fourth, double[] weights) {
    Points.checkNotEmpty("first", first.length, "quadruplet");
    if (weights.length != first.length) {
      throw new IllegalArgumentException(
          "weights: expected "
              + first.length
              + " weights (one per quadruplet), found "
              + weights.length);
    }
    double total = 0;
    for (int q = 0; q < weights.length; q++) {
      if (!(weights[q] >= 0) || !Double.isFinite(weights[q])) {
        throw new IllegalArgumentException(
            "weights: expected finite values >= 0, found " + weights[q] + " at quadruplet " + q);
      }
      total += weights[q];
    }
    if (total == 0) {
      throw new IllegalArgumentException(
          "weights: expected at least one positive weight, found all zero");
    }
    return new Quadruplets(
        points,
        points.checkIndices("first", first, first.length),
        points.checkIndices("second", second, first.length),
        points.checkIndices("third", third, first.length),
        points.checkIndices("fourth", fourth, first.length),
        weights.clone());
  }

  /** Returns the number of quadruplets. */
  public int size() {
    return first.length;
  }

  /** Returns a copy of the indices {@code a} (first point of the closer pair). */
  public int[] first() {
    return first.clone();
  }

  /** Returns a copy of the indices {@code b} (second point of the closer pair). */
  public int[] second() {
    return second.clone();
  }

  /** Returns a copy of the indices {@code c} (first point of the farther pair). */
  public int[] third() {
    return third.clone();
  }

  /** Returns a copy of the indices {@code d} (second point of the farther pair). */
  public int[] fourth() {
    return fourth.clone();
  }

  /** Returns a copy of the weights. */
  public double[] weights() {
    return weights.clone();
  }

  @Override
  public String toString() {
    return "Quadruplets[" + size() + " over " + numPoints() + "x" + dimension() + "]";
  }
}
