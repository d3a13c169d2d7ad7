package org.metriclearn4j.linalg;

import org.ejml.data.DMatrixRMaj;

/**
 * The eigen-decomposition {@code A = V diag(values) V^T} of a symmetric matrix, with eigenvalues in
 * descending order and orthonormal eigenvectors in the columns of {@code vectors}.
 *
 * @param values eigenvalues, largest first
 * @param vectors eigenvectors as columns, in the order of {@code values}
 */
public record SymmetricEigen(double[] values, DMatrixRMaj vectors) {

  /**
   * Returns the numerical rank: how many leading eigenvalues exceed {@code relativeFloor} times the
   * largest one (0 when the largest is not positive).
   *
   * @param relativeFloor the floor relative to the largest eigenvalue, e.g. {@code 1e-10}
   * @return the number of leading eigenvalues above the floor, in {@code [0, values().length]}
   */
  public int rankAbove(double relativeFloor) {
    double largest = values[0];
    int rank = 0;
    while (rank < values.length && largest > 0 && values[rank] > relativeFloor * largest) {
      rank++;
    }
    return rank;
  }
}
