package org.metriclearn4j.learn;

import org.ejml.data.DMatrixRMaj;
import org.metriclearn4j.linalg.Kernels;

/**
 * The MLKR objective (Weinberger and Tesauro, AISTATS 2007) and its gradient on fixed training
 * data: the leave-one-out squared error of Gaussian kernel regression in the projected space.
 *
 * <pre>
 *   E(A) = sum_i (yhat_i - y_i)^2,   yhat_i = sum_{j != i} p_ij y_j,
 *   p_ij = exp(-||A x_i - A x_j||^2) / sum_{k != i} exp(-||A x_i - A x_k||^2),
 *   dE/dA = 2 A sum_ij W_ij (x_i - x_j)(x_i - x_j)^T,   W_ij = -2 (yhat_i - y_i)(y_j - yhat_i) p_ij.
 * </pre>
 *
 * (the kernel's normalisation cancels in {@code yhat}, so it is the softmax of NCA, evaluated by
 * {@link SoftmaxObjective}). Each row is shifted by its smallest distance before exponentiation (no
 * under- or overflow), and the gradient is computed with {@link Kernels#rowBlockScatter} one block
 * of rows at a time: memory {@code O(block x n)}, cost {@code O(n^2 (k + d) + n d^2)} per
 * evaluation. {@link #value} returns the sum of squared leave-one-out errors. Deterministic for any
 * thread count. Not thread-safe across calls.
 */
final class MlkrObjective extends SoftmaxObjective {
  private final double[] y;

  /**
   * Creates the objective.
   *
   * @param x the {@code n x d} samples (copied and centred; the objective is translation invariant)
   * @param targets {@code n} regression targets
   */
  MlkrObjective(DMatrixRMaj x, double[] targets) {
    super(x);
    if (targets.length != x.numRows) {
      throw new IllegalArgumentException(
          "targets: expected " + x.numRows + " values, found " + targets.length);
    }
    this.y = targets.clone();
  }

  /** Predicts {@code yhat_i}, writes {@code W_ij} and returns {@code (yhat_i - y_i)^2}. */
  @Override
  double rowTerm(int i, double[] row, int off, double sum) {
    int n = y.length;
    double weighted = 0;
    for (int j = 0; j < n; j++) {
      weighted += row[off + j] * y[j];
    }
    double prediction = weighted / sum;
    double residual = prediction - y[i];
    double factor = -2 * residual / sum;
    for (int j = 0; j < n; j++) {
      row[off + j] = factor * (y[j] - prediction) * row[off + j];
    }
    return residual * residual;
  }
}
