package org.metriclearn4j.learn;

import org.ejml.data.DMatrixRMaj;
import org.metriclearn4j.linalg.Kernels;

/**
 * The NCA objective {@code f(L) = sum_i p_i} and its gradient (Goldberger et al., NIPS 2004), on
 * fixed training data.
 *
 * <p>{@code p_ij = exp(-||L x_i - L x_j||^2) / sum_{k != i} exp(-||L x_i - L x_k||^2)} for {@code j
 * != i}, {@code p_ii = 0}, and {@code p_i = sum_{j: y_j = y_i} p_ij}; each row's softmax is shifted
 * by its smallest distance (log-sum-exp), so no value under- or overflows. The gradient is {@code
 * df/dL = 2 L sum_ij W_ij (x_i - x_j)(x_i - x_j)^T} with {@code W_ij = p_i p_ij - [y_j = y_i]
 * p_ij}, computed by {@link Kernels#rowBlockScatter} one block of rows at a time, so memory stays
 * {@code O(block x n)} (see {@link SoftmaxObjective}). {@link #value} returns {@code sum_i p_i}, in
 * {@code [0, n]}; {@link #valueAndGradient} also writes {@code df/dL} (for maximising).
 * Deterministic for any thread count. Not thread-safe across calls.
 */
final class NcaObjective extends SoftmaxObjective {
  private final int[] labels;

  /**
   * Creates the objective.
   *
   * @param x the {@code n x d} samples (copied and centred; the objective is translation invariant)
   * @param labels {@code n} class indices
   */
  NcaObjective(DMatrixRMaj x, int[] labels) {
    super(x);
    if (labels.length != x.numRows) {
      throw new IllegalArgumentException(
          "labels: expected " + x.numRows + " labels, found " + labels.length);
    }
    this.labels = labels.clone();
  }

  /** Normalises the row to {@code p_ij}, writes {@code W_ij} and returns {@code p_i}. */
  @Override
  double rowTerm(int i, double[] row, int off, double sum) {
    int n = labels.length;
    double inverse = 1 / sum;
    double same = 0;
    int yi = labels[i];
    for (int j = 0; j < n; j++) {
      double pij = row[off + j] * inverse;
      row[off + j] = pij;
      if (labels[j] == yi) {
        same += pij;
      }
    }
    for (int j = 0; j < n; j++) {
      double pij = row[off + j];
      row[off + j] = labels[j] == yi ? same * pij - pij : same * pij;
    }
    return same;
  }
}
