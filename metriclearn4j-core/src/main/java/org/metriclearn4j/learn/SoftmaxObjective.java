package org.metriclearn4j.learn;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.jspecify.annotations.Nullable;
import org.metriclearn4j.linalg.Gemm;
import org.metriclearn4j.linalg.Kernels;
import org.metriclearn4j.linalg.RowBlockWeights;

/**
 * The evaluation that the NCA and MLKR objectives share: both sum one term per sample over the
 * leave-one-out softmax {@code p_ij = exp(-||A x_i - A x_j||^2) / sum_{m != i} exp(-||A x_i - A
 * x_m||^2)} ({@code p_ii = 0}), and both have the gradient {@code 2 A sum_ij W_ij (x_i - x_j)(x_i -
 * x_j)^T} for weights {@code W_ij} that each row determines. This class computes the projected
 * samples, the shifted exponentials of each row (log-sum-exp: each row is shifted by its smallest
 * distance, so nothing under- or overflows; terms below {@code 2^-53} are dropped, see {@link
 * #NEGLIGIBLE_EXPONENT}) and the gradient with {@link Kernels#rowBlockScatter} one block of rows at
 * a time (memory {@code O(block x n)}); a subclass turns a row of exponentials into its term and
 * its weights. Deterministic for any thread count. Not thread-safe across calls.
 */
abstract class SoftmaxObjective {
  /**
   * Exponents beyond which a softmax term is dropped as 0: {@code -ln(2^-53)}, so each dropped term
   * is below half an ulp of the row's largest term (which is 1 after the shift) and all of them
   * together change a row's sum by less than {@code n 2^-53} relatively. Once {@code L} has grown,
   * most pairs are that far apart (on digits, 60 % of them after five NCA iterations and 98 % at
   * convergence): their exponentials are not computed and their zero weights are skipped by {@link
   * Kernels#rowBlockScatter}.
   */
  static final double NEGLIGIBLE_EXPONENT = 53 * Math.log(2);

  private final DMatrixRMaj x;

  /**
   * Creates the objective.
   *
   * @param x the {@code n x d} samples (copied and centred; the objective is translation invariant)
   */
  SoftmaxObjective(DMatrixRMaj x) {
    this.x = LocalFisher.centre(x);
  }

  /**
   * Returns the objective, the sum of the rows' terms.
   *
   * @param a the {@code k x d} components
   * @return the objective
   */
  final double value(DMatrixRMaj a) {
    return evaluate(a, null);
  }

  /**
   * Returns the objective and writes its gradient.
   *
   * @param a the {@code k x d} components
   * @param gradientOut written: the {@code k x d} gradient
   * @return the objective
   */
  final double valueAndGradient(DMatrixRMaj a, DMatrixRMaj gradientOut) {
    return evaluate(a, gradientOut);
  }

  /**
   * Turns one row of the softmax into the row's term and weights.
   *
   * @param i the row's sample
   * @param row read: {@code exp(smallest - ||A x_i - A x_j||^2)} at {@code row[off + j]} (0 at
   *     {@code j = i}); written: the weights {@code W_ij}
   * @param off the offset of the row in {@code row}
   * @param sum the sum of the row's exponentials
   * @return the row's term of the objective
   */
  abstract double rowTerm(int i, double[] row, int off, double sum);

  private double evaluate(DMatrixRMaj a, @Nullable DMatrixRMaj gradient) {
    int n = x.numRows;
    DMatrixRMaj z = new DMatrixRMaj(n, a.numRows);
    Gemm.multTransB(x, a, z);
    double[] norms = Kernels.squaredRowNorms(z);
    double[] terms = new double[n];
    RowBlockWeights weights = (start, end, out) -> rows(z, norms, start, end, out, terms);
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
    double total = 0;
    for (int i = 0; i < n; i++) {
      total += terms[i];
    }
    return total;
  }

  /** Writes the weights of rows {@code [start, end)} to {@code out} and their terms. */
  private void rows(
      DMatrixRMaj z, double[] norms, int start, int end, double[] out, double[] terms) {
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
      double cutoff = smallest + NEGLIGIBLE_EXPONENT;
      for (int j = 0; j < n; j++) {
        double distance = out[off + j];
        double e = j == i || distance > cutoff ? 0 : Math.exp(smallest - distance);
        out[off + j] = e;
        sum += e;
      }
      terms[i] = rowTerm(i, out, off, sum);
    }
  }
}
