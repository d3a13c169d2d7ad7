package org.metriclearn4j.neighbors;

/**
 * The result of a k-nearest-neighbour search: for each query, the indices of its {@code k} nearest
 * reference points, nearest first, and their squared Euclidean distances.
 *
 * <p>Immutable: the factory copies its arguments and every accessor returns a copy.
 */
public final class Neighbors {
  private final int[][] indices;
  private final double[][] squaredDistances;

  private Neighbors(int[][] indices, double[][] squaredDistances) {
    this.indices = indices;
    this.squaredDistances = squaredDistances;
  }

  /**
   * Returns the neighbours of {@code n} queries.
   *
   * @param indices {@code n} rows of {@code k} reference indices, nearest first (copied)
   * @param squaredDistances {@code n} rows of {@code k} squared distances, non-decreasing in each
   *     row, finite and {@code >= 0} (copied)
   * @return the neighbours
   * @throws IllegalArgumentException if the shapes differ, rows have different lengths, an index is
   *     negative, or a distance is negative, not finite or out of order
   */
  public static Neighbors of(int[][] indices, double[][] squaredDistances) {
    if (indices.length != squaredDistances.length) {
      throw new IllegalArgumentException(
          "squaredDistances: expected "
              + indices.length
              + " rows like indices, found "
              + squaredDistances.length);
    }
    int k = indices.length == 0 ? 0 : indices[0].length;
    int[][] idx = new int[indices.length][];
    double[][] dist = new double[indices.length][];
    for (int q = 0; q < indices.length; q++) {
      if (indices[q].length != k || squaredDistances[q].length != k) {
        throw new IllegalArgumentException(
            "indices, squaredDistances: expected "
                + k
                + " neighbours in every row, found "
                + indices[q].length
                + " indices and "
                + squaredDistances[q].length
                + " distances in row "
                + q);
      }
      for (int j = 0; j < k; j++) {
        if (indices[q][j] < 0) {
          throw new IllegalArgumentException(
              "indices: expected non-negative values, found " + indices[q][j] + " in row " + q);
        }
        double v = squaredDistances[q][j];
        if (!(v >= 0) || !Double.isFinite(v)) {
          throw new IllegalArgumentException(
              "squaredDistances: expected finite values >= 0, found " + v + " in row " + q);
        }
        if (j > 0 && v < squaredDistances[q][j - 1]) {
          throw new IllegalArgumentException(
              "squaredDistances: expected non-decreasing rows, found "
                  + squaredDistances[q][j - 1]
                  + " before "
                  + v
                  + " in row "
                  + q);
        }
      }
      idx[q] = indices[q].clone();
      dist[q] = squaredDistances[q].clone();
    }
    return new Neighbors(idx, dist);
  }

  /**
   * Returns the number of queries {@code n}.
   *
   * @return the number of queries {@code n}
   */
  public int numQueries() {
    return indices.length;
  }

  /**
   * Returns the number of neighbours per query {@code k} (0 when there is no query).
   *
   * @return the number of neighbours per query {@code k} (0 when there is no query)
   */
  public int k() {
    return indices.length == 0 ? 0 : indices[0].length;
  }

  /**
   * Returns a copy of the neighbour indices, {@code n x k}, nearest first.
   *
   * @return a copy of the neighbour indices, {@code n x k}, nearest first
   */
  public int[][] indices() {
    int[][] copy = new int[indices.length][];
    for (int q = 0; q < indices.length; q++) {
      copy[q] = indices[q].clone();
    }
    return copy;
  }

  /**
   * Returns a copy of the neighbour indices of one query.
   *
   * @param query the query row, in {@code [0, numQueries())}
   * @return its {@code k} neighbour indices, nearest first
   */
  public int[] indices(int query) {
    return indices[query].clone();
  }

  /**
   * Returns a copy of the squared Euclidean distances, {@code n x k}, non-decreasing per row.
   *
   * @return a copy of the squared Euclidean distances, {@code n x k}, non-decreasing per row
   */
  public double[][] squaredDistances() {
    double[][] copy = new double[squaredDistances.length][];
    for (int q = 0; q < squaredDistances.length; q++) {
      copy[q] = squaredDistances[q].clone();
    }
    return copy;
  }

  /**
   * Returns a copy of the squared distances of one query.
   *
   * @param query the query row, in {@code [0, numQueries())}
   * @return its {@code k} squared distances, non-decreasing
   */
  public double[] squaredDistances(int query) {
    return squaredDistances[query].clone();
  }

  /**
   * Returns the Euclidean distances, the square roots of {@link #squaredDistances()}.
   *
   * @return {@code n x k} distances, non-decreasing per row
   */
  public double[][] distances() {
    double[][] out = new double[squaredDistances.length][];
    for (int q = 0; q < squaredDistances.length; q++) {
      out[q] = distances(q);
    }
    return out;
  }

  /**
   * Returns the Euclidean distances of one query.
   *
   * @param query the query row, in {@code [0, numQueries())}
   * @return its {@code k} distances, non-decreasing
   */
  public double[] distances(int query) {
    double[] row = squaredDistances[query];
    double[] out = new double[row.length];
    for (int j = 0; j < row.length; j++) {
      out[j] = Math.sqrt(row[j]);
    }
    return out;
  }

  @Override
  public String toString() {
    return "Neighbors[" + numQueries() + " queries, k=" + k() + "]";
  }
}
