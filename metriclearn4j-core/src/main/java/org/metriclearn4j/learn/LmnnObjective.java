package org.metriclearn4j.learn;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.metriclearn4j.linalg.Gemm;
import org.metriclearn4j.linalg.Kernels;

/**
 * The LMNN loss (Weinberger and Saul, JMLR 10, 2009, eq. 14) over an explicit set of pairs and
 * triplets, and its gradient, with the hinge {@code [m]_+} replaced by its Huber smoothing {@code
 * h} of width {@link #SMOOTHING} (so that the loss is continuously differentiable and L-BFGS can
 * converge instead of stalling at a kink):
 *
 * <pre>
 *   e(A) = sum_p pull_p d_p + push * sum_t h(1 + d_{pos(t)} - d_{neg(t)}),   d_p = ||A (x_a(p) - x_b(p))||^2,
 *   de/dA = 2 A sum_p w_p (x_a(p) - x_b(p))(x_a(p) - x_b(p))^T,
 *   w_p = pull_p + push * sum_{t: pos(t) = p} h'(m_t) - push * sum_{t: neg(t) = p} h'(m_t),
 * </pre>
 *
 * with {@code h'(m) = min(1, max(0, m) / SMOOTHING)}. A triplet is active when its margin {@code
 * m_t} is positive. The weighted scatter goes through {@link Kernels#pairScatter}, over the pairs
 * whose weight is not zero, so an evaluation costs {@code O((P + T) k + P' d^2)} for {@code P}
 * pairs, {@code T} triplets and {@code P'} pairs with a non-zero weight. Immutable after
 * construction; not thread-safe across calls (no state is kept between them, but callers should not
 * share one across threads anyway).
 */
final class LmnnObjective {
  private final DMatrixRMaj x;
  private final int[] first;
  private final int[] second;
  private final double[] pull;
  private final int[] positive;
  private final int[] negative;
  private final double push;

  /**
   * Creates the loss.
   *
   * @param x the {@code n x d} samples (kept by reference; read only)
   * @param first first sample of each pair
   * @param second second sample of each pair
   * @param pull the pull weight of each pair ({@code 1 - mu} for target pairs, 0 otherwise)
   * @param positive for each triplet, the index of its similar pair (anchor, target)
   * @param negative for each triplet, the index of its dissimilar pair (anchor, impostor)
   * @param push the weight {@code mu} of the hinge terms
   */
  LmnnObjective(
      DMatrixRMaj x,
      int[] first,
      int[] second,
      double[] pull,
      int[] positive,
      int[] negative,
      double push) {
    this.x = x;
    this.first = first;
    this.second = second;
    this.pull = pull;
    this.positive = positive;
    this.negative = negative;
    this.push = push;
  }

  /**
   * Width {@code delta} of the Huber smoothing of the hinge, in units of the margin: {@code h(m) =
   * 0} for {@code m <= 0}, {@code m^2 / (2 delta)} for {@code 0 < m < delta}, {@code m - delta/2}
   * above.
   */
  static final double SMOOTHING = 0.1;

  /**
   * Returns the smoothed hinge {@code h(m)} of a positive margin {@code m} (see {@link
   * #SMOOTHING}).
   */
  static double smoothHinge(double margin) {
    return margin >= SMOOTHING ? margin - SMOOTHING / 2 : margin * margin / (2 * SMOOTHING);
  }

  /** Returns the number of triplets. */
  int triplets() {
    return positive.length;
  }

  /**
   * Returns the loss at {@code a} and writes its gradient.
   *
   * @param a the {@code k x d} components
   * @param gradientOut written: the {@code k x d} gradient
   * @return the loss
   */
  double valueAndGradient(DMatrixRMaj a, DMatrixRMaj gradientOut) {
    int pairs = first.length;
    double[] distances = pairDistances(x, a, first, second);
    double[] w = pull.clone();
    double loss = 0;
    for (int p = 0; p < pairs; p++) {
      loss += pull[p] * distances[p];
    }
    double hinge = 0;
    for (int t = 0; t < positive.length; t++) {
      double margin = 1 + distances[positive[t]] - distances[negative[t]];
      if (margin > 0) {
        hinge += smoothHinge(margin);
        double slope = margin >= SMOOTHING ? 1 : margin / SMOOTHING;
        w[positive[t]] += push * slope;
        w[negative[t]] -= push * slope;
      }
    }
    loss += push * hinge;
    int nonZero = 0;
    for (double v : w) {
      if (v != 0) {
        nonZero++;
      }
    }
    int[] f = new int[nonZero];
    int[] s = new int[nonZero];
    double[] ws = new double[nonZero];
    for (int p = 0, q = 0; p < pairs; p++) {
      if (w[p] != 0) {
        f[q] = first[p];
        s[q] = second[p];
        ws[q] = w[p];
        q++;
      }
    }
    gradientOut.reshape(a.numRows, a.numCols);
    if (nonZero == 0) {
      gradientOut.zero();
      return loss;
    }
    DMatrixRMaj scatter = Kernels.pairScatter(x, f, s, ws);
    CommonOps_DDRM.mult(2, a, scatter, gradientOut);
    return loss;
  }

  /**
   * Returns {@code ||A (x_first[p] - x_second[p])||^2} for every pair.
   *
   * @param x the {@code n x d} samples
   * @param a the {@code k x d} components
   * @param first first sample of each pair
   * @param second second sample of each pair
   * @return the squared distances
   */
  static double[] pairDistances(DMatrixRMaj x, DMatrixRMaj a, int[] first, int[] second) {
    int n = x.numRows;
    int k = a.numRows;
    DMatrixRMaj z = new DMatrixRMaj(n, k);
    Gemm.multTransB(x, a, z);
    double[] out = new double[first.length];
    for (int p = 0; p < first.length; p++) {
      int oa = first[p] * k;
      int ob = second[p] * k;
      double sum = 0;
      for (int c = 0; c < k; c++) {
        double v = z.data[oa + c] - z.data[ob + c];
        sum += v * v;
      }
      out[p] = sum;
    }
    return out;
  }
}
