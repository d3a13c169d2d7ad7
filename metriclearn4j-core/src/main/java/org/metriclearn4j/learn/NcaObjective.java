package org.metriclearn4j.learn;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.jspecify.annotations.Nullable;
import org.metriclearn4j.linalg.Kernels;
import org.metriclearn4j.linalg.RowBlockWeights;

/**
 * The NCA objective {@code f(L) = sum_i p_i} and its gradient (Goldberger et al., NIPS 2004), on
 * fixed training data.
 *
 * <p>{@code p_ij = exp(-||L x_i - L x_j||^2) / sum_{k != i} exp(-||L x_i - L x_k||^2)} for {@code j
 * != i}, {@code p_ii = 0}, and {@code p_i = sum_{j: y_j = y_i} p_ij}; each row's softmax is shifted
 * by its smallest distance (log-sum-exp), so no value under- or overflows. The gradient is {@code
 * df/dL = 2 L sum_ij W_ij (x_i - x_j)(x_i - x_j)^T} with {@code W_ij = p_i p_ij - [y_j = y_i]
 * p_ij}, computed by {@link Kernels#rowBlockScatter} one block of rows at a time, so memory stays
 * {@code O(block x n)}. Deterministic for any thread count. Not thread-safe across calls.
 */
final class NcaObjective {
  private final DMatrixRMaj x;
  private final int[] labels;

  /**
   * Creates the objective.
   *
   * @param x the {@code n x d} samples (copied and centred; the objective is translation invariant)
   * @param labels {@code n} class indices
   */
  NcaObjective(DMatrixRMaj x, int[] labels) {
    if (labels.length != x.numRows) {
      throw new IllegalArgumentException(
          "labels: expected " + x.numRows + " labels, found " + labels.length);
    }
    int n = x.numRows;
    int d = x.numCols;
    DMatrixRMaj centred = x.copy();
    for (int c = 0; c < d; c++) {
      double mean = 0;
      for (int i = 0; i < n; i++) {
        mean += x.data[i * d + c];
      }
      mean /= n;
      for (int i = 0; i < n; i++) {
        centred.data[i * d + c] -= mean;
      }
    }
    this.x = centred;
    this.labels = labels.clone();
  }

  /** Returns the number of samples. */
  int size() {
    return x.numRows;
  }

  /**
   * Returns {@code f(L)}.
   *
   * @param l the {@code k x d} components
   * @return {@code sum_i p_i}, in {@code [0, n]}
   */
  double value(DMatrixRMaj l) {
    return evaluate(l, null);
  }

  /**
   * Returns {@code f(L)} and writes {@code df/dL}.
   *
   * @param l the {@code k x d} components
   * @param gradientOut written: the {@code k x d} gradient of {@code f} (for maximising)
   * @return {@code sum_i p_i}
   */
  double valueAndGradient(DMatrixRMaj l, DMatrixRMaj gradientOut) {
    return evaluate(l, gradientOut);
  }

  private double evaluate(DMatrixRMaj l, @Nullable DMatrixRMaj gradient) {
    int n = x.numRows;
    DMatrixRMaj z = new DMatrixRMaj(n, l.numRows);
    CommonOps_DDRM.multTransB(x, l, z);
    double[] norms = Kernels.squaredRowNorms(z);
    double[] p = new double[n];
    RowWeights weights = new RowWeights(z, norms, labels, p);
    if (gradient == null) {
      int blockRows = Kernels.scatterBlockRows(n);
      double[] buffer = new double[blockRows * n];
      for (int start = 0; start < n; start += blockRows) {
        weights.weights(start, Math.min(n, start + blockRows), buffer);
      }
    } else {
      DMatrixRMaj scatter = Kernels.rowBlockScatter(x, weights);
      gradient.reshape(l.numRows, l.numCols);
      CommonOps_DDRM.mult(2, l, scatter, gradient);
    }
    double f = 0;
    for (int i = 0; i < n; i++) {
      f += p[i];
    }
    return f;
  }

  /** Computes the softmax rows and the weights {@code W_ij}, and records {@code p_i}. */
  private static final class RowWeights implements RowBlockWeights {
    private final DMatrixRMaj z;
    private final double[] norms;
    private final int[] labels;
    private final double[] p;

    RowWeights(DMatrixRMaj z, double[] norms, int[] labels, double[] p) {
      this.z = z;
      this.norms = norms;
      this.labels = labels;
      this.p = p;
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
        for (int j = 0; j < n; j++) {
          double e = j == i ? 0 : Math.exp(smallest - out[off + j]);
          out[off + j] = e;
          sum += e;
        }
        double inverse = 1 / sum;
        double same = 0;
        int yi = labels[i];
        for (int j = 0; j < n; j++) {
          double pij = out[off + j] * inverse;
          out[off + j] = pij;
          if (labels[j] == yi) {
            same += pij;
          }
        }
        p[i] = same;
        for (int j = 0; j < n; j++) {
          double pij = out[off + j];
          out[off + j] = labels[j] == yi ? same * pij - pij : same * pij;
        }
      }
    }
  }
}
