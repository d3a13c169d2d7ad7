package org.metriclearn4j.constraints;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * The points that a set of constraints indexes: {@code n} finite rows of {@code d} features, stored
 * row-major. Immutable; accessors copy. Package-private: the public types expose it through their
 * own accessors.
 */
final class Points {
  private final int size;
  private final int dimension;
  private final double[] values;

  private Points(int size, int dimension, double[] values) {
    this.size = size;
    this.dimension = dimension;
    this.values = values;
  }

  /**
   * Copies and validates rows of points.
   *
   * @param points {@code n >= 1} rows of equal length {@code d >= 1}, all finite
   * @return the points
   * @throws IllegalArgumentException if empty, ragged or not finite
   */
  static Points of(double[][] points) {
    int n = points.length;
    if (n == 0) {
      throw new IllegalArgumentException("points: expected at least one row, found none");
    }
    int d = points[0].length;
    if (d == 0) {
      throw new IllegalArgumentException("points: expected at least one column, found none");
    }
    double[] values = new double[n * d];
    for (int i = 0; i < n; i++) {
      if (points[i].length != d) {
        throw new IllegalArgumentException(
            "points: row " + i + " has " + points[i].length + " columns, expected " + d);
      }
      for (int j = 0; j < d; j++) {
        double v = points[i][j];
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException(
              "points: expected finite values, found " + v + " at row " + i + ", column " + j);
        }
        values[i * d + j] = v;
      }
    }
    return new Points(n, d, values);
  }

  /**
   * Wraps row-major values that the caller guarantees finite and owns no longer.
   *
   * @param size rows
   * @param dimension columns
   * @param values {@code size * dimension} finite values (not copied)
   * @return the points
   */
  static Points wrap(int size, int dimension, double[] values) {
    return new Points(size, dimension, values);
  }

  int size() {
    return size;
  }

  int dimension() {
    return dimension;
  }

  double[][] rows() {
    double[][] rows = new double[size][];
    for (int i = 0; i < size; i++) {
      rows[i] = Arrays.copyOfRange(values, i * dimension, (i + 1) * dimension);
    }
    return rows;
  }

  double[] row(int index) {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException(
          "index: expected a point in [0, " + size + "), found " + index);
    }
    return Arrays.copyOfRange(values, index * dimension, (index + 1) * dimension);
  }

  DMatrixRMaj matrix() {
    return new DMatrixRMaj(size, dimension, true, values.clone());
  }

  /**
   * Checks one index array of a constraint set.
   *
   * @param name the argument's name, for the message
   * @param indices the indices
   * @param expectedLength the number of constraints
   * @return a copy of {@code indices}
   */
  int[] checkIndices(String name, int[] indices, int expectedLength) {
    if (indices.length != expectedLength) {
      throw new IllegalArgumentException(
          name
              + ": expected "
              + expectedLength
              + " indices (one per constraint), found "
              + indices.length);
    }
    for (int p = 0; p < indices.length; p++) {
      int i = indices[p];
      if (i < 0 || i >= size) {
        throw new IllegalArgumentException(
            name
                + ": expected point indices in [0, "
                + size
                + "), found "
                + i
                + " at constraint "
                + p);
      }
    }
    return indices.clone();
  }

  static void checkNotEmpty(String name, int length, String kind) {
    if (length == 0) {
      throw new IllegalArgumentException(name + ": expected at least one " + kind + ", found none");
    }
  }
}
