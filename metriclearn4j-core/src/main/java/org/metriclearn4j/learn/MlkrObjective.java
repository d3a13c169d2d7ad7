package org.metriclearn4j.learn;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.jspecify.annotations.Nullable;
import org.metriclearn4j.linalg.Kernels;
import org.metriclearn4j.linalg.RowBlockWeights;

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
 * (the kernel's normalisation cancels in {@code yhat}, so it is the softmax of NCA). Each row is
 * shifted by its smallest distance before exponentiation (no under- or overflow), and the gradient
 * is computed with {@link Kernels#rowBlockScatter} one block of rows at a time: memory {@code
 * O(block x n)}, cost {@code O(n^2 (k + d) + n d^2)} per evaluation. Deterministic for any thread
 * count. Not thread-safe across calls.
 */
final class MlkrObjective {
  private final DMatrixRMaj x;
  private final double[] targets;

  /**
   * Creates the objective.
   *
   * @param x the {@code n x d} samples (copied and centred; the objective is translation invariant)
   * @param targets {@code n} regression targets
   */
  MlkrObjective(DMatrixRMaj x, double[] targets) {
    if (targets.length != x.numRows) {
      throw new IllegalArgumentException(
          "targets: expected " + x.numRows + " values, found " + targets.length);
    }
    this.x = LocalFisher.centre(x);
    this.targets = targets.clone();
  }

  /**
   * Returns {@code E(A)}.
   *
   * @param a the {@code k x d} components
   * @return the sum of squared leave-one-out errors
   */
  double value(DMatrixRMaj a) {
    return evaluate(a, null);
  }

  /**
   * Returns {@code E(A)} and writes {@code dE/dA}.
   *
   * @param a the {@code k x d} components
   * @param gradientOut written: the {@code k x d} gradient
   * @return the sum of squared leave-one-out errors
   */
  double valueAndGradient(DMatrixRMaj a, DMatrixRMaj gradientOut) {
    return evaluate(a, gradientOut);
  }

  private double evaluate(DMatrixRMaj a, @Nullable DMatrixRMaj gradient) {
    int n = x.numRows;
    DMatrixRMaj z = new DMatrixRMaj(n, a.numRows);
    CommonOps_DDRM.multTransB(x, a, z);
    double[] norms = Kernels.squaredRowNorms(z);
    double[] squaredErrors = new double[n];
    RowWeights weights = new RowWeights(z, norms, targets, squaredErrors);
    if (gradient == null) {
      int blockRows = Kernels.scatterBlockRows(n);
      double[] buffer = new double[blockRows * n];
      for (int start = 0; start < n; start += blockRows) {
        weights.weights(start, Math.min(n, start + blockRows), buffer);
      }
    } else {
      DMatrixRMaj scatter = Kernels.rowBlockScatter(x, weights);
      gradient.reshape(a.numRows, a.numCols);
      CommonOps_DDRM.mult(2, a, scatter, gradient);
    }
    double e = 0;
    for (int i = 0; i < n; i++) {
      e += squaredErrors[i];
    }
    return e;
  }

  /** Computes the softmax rows, the predictions and the weights {@code W_ij}. */
  private static final class RowWeights implements RowBlockWeights {
    private final DMatrixRMaj z;
    private final double[] norms;
    private final double[] y;
    private final double[] squaredErrors;

    RowWeights(DMatrixRMaj z, double[] norms, double[] y, double[] squaredErrors) {
      this.z = z;
      this.norms = norms;
      this.y = y;
      this.squaredErrors = squaredErrors;
    }

    @Override
    public void weights(int start, int end, double[] out) {
      int n = z.numRows;
      Kernels.squaredDistancesRows(z, norms, z, norms, start, end, out, 0);
      for (int i = start; i < end; i++) {
        int off = (i - start) * n;
        double smallest = Double.POSITIVE_INFINITY;
        for (int j = 0; j < n; j++) {
          if (j != i && out[off + j] < smallest) {
            smallest = out[off + j];
          }
        }
        double sum = 0;
        double weighted = 0;
        for (int j = 0; j < n; j++) {
          double e = j == i ? 0 : Math.exp(smallest - out[off + j]);
          out[off + j] = e;
          sum += e;
          weighted += e * y[j];
        }
        double prediction = weighted / sum;
        double residual = prediction - y[i];
        squaredErrors[i] = residual * residual;
        double factor = -2 * residual / sum;
        for (int j = 0; j < n; j++) {
          out[off + j] = factor * (y[j] - prediction) * out[off + j];
        }
      }
    }
  }
}
