package org.metriclearn4j.constraints;

import org.ejml.data.DMatrixRMaj;

/**
 * What every constraint type ({@link Pairs}, {@link Triplets}, {@link Quadruplets}, {@link Chunks})
 * shares: the points its indices refer to, and the public accessors to them. Package-private: users
 * see these accessors on each public type.
 */
abstract class PointConstraints {
  private final Points points;

  /**
   * Keeps the points.
   *
   * @param points the points the constraints index (already validated and owned)
   */
  PointConstraints(Points points) {
    this.points = points;
  }

  /**
   * Returns the number of points {@code n} the constraints index.
   *
   * @return {@code n}
   */
  public final int numPoints() {
    return points.size();
  }

  /**
   * Returns the number of features {@code d} of each point.
   *
   * @return {@code d}
   */
  public final int dimension() {
    return points.dimension();
  }

  /**
   * Returns a copy of the points as {@code n} rows.
   *
   * @return the points
   */
  public final double[][] points() {
    return points.rows();
  }

  /**
   * Returns a copy of the points as an {@code n x d} EJML matrix.
   *
   * @return the points
   */
  public final DMatrixRMaj pointsMatrix() {
    return points.matrix();
  }

  /**
   * Returns a copy of one point.
   *
   * @param index a point index in {@code [0, numPoints())}
   * @return its features
   */
  public final double[] point(int index) {
    return points.row(index);
  }
}
