package org.metriclearn4j.learn;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.metriclearn4j.linalg.Gemm;
import org.metriclearn4j.linalg.Kernels;
import org.metriclearn4j.linalg.SymmetricEigen;

/**
 * Starting components for gradient-based learners, in standardised coordinates (see {@link
 * Initialization}).
 */
final class Initializers {
  /**
   * The median perplexity (effective number of neighbours of a point's softmax) that scaled starts
   * are given, unless half the training set is smaller.
   */
  static final double PERPLEXITY = 100;

  /** At most this many rows are used to measure the start's perplexity. */
  static final int PERPLEXITY_ROWS = 256;

  /** The Newton step on the logarithm of the scale below which its search stops (1e-9 relative). */
  static final double PERPLEXITY_PRECISION = 1e-9;

  /** The most steps of the scale's search (its bracket spans a factor of 1e16). */
  static final int PERPLEXITY_MAX_STEPS = 100;

  /** Ridge added to the within-class scatter for LDA, relative to its mean eigenvalue. */
  static final double LDA_RIDGE = 1e-3;

  private Initializers() {}

  /**
   * Returns the starting {@code A_0} ({@code k x d}) for standardised data {@code xs}, so that the
   * start in original coordinates is {@code L_0 = A_0 diag(scale)}.
   *
   * @param init the initialisation
   * @param s the standardisation of the training data
   * @param labels class indices
   * @param classes number of present classes
   * @param k output dimension
   * @param seed random seed (used by {@link Initialization#RANDOM})
   * @return a new {@code k x d} matrix
   */
  static DMatrixRMaj start(
      Initialization init, Standardization s, int[] labels, int classes, int k, long seed) {
    DMatrixRMaj xs = s.standardized();
    int d = xs.numCols;
    DMatrixRMaj a;
    switch (init) {
      case IDENTITY -> {
        a = new DMatrixRMaj(k, d);
        for (int r = 0; r < k; r++) {
          a.set(r, r, 1 / s.scale()[r]);
        }
        return a;
      }
      case AUTO -> {
        if (k == d) {
          a = CommonOps_DDRM.identity(d);
        } else if (k <= classes - 1) {
          a = lda(xs, labels, k);
        } else {
          a = pca(xs, k);
        }
      }
      case PCA -> a = pca(xs, k);
      case LDA -> a = lda(xs, labels, k);
      case RANDOM -> {
        a = new DMatrixRMaj(k, d);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < a.data.length; i++) {
          a.data[i] = random.nextGaussian();
        }
      }
      default -> throw new IllegalStateException("unknown initialization " + init);
    }
    boolean[] constant = s.constant();
    for (int r = 0; r < k; r++) {
      for (int c = 0; c < d; c++) {
        if (constant[c]) {
          a.set(r, c, 0);
        }
      }
    }
    scaleToPerplexity(a, xs);
    return a;
  }

  /** Rows: the {@code k} leading eigenvectors of the covariance of {@code xs} (centred). */
  static DMatrixRMaj pca(DMatrixRMaj xs, int k) {
    int d = xs.numCols;
    DMatrixRMaj cov = new DMatrixRMaj(d, d);
    Gemm.multTransA(xs, xs, cov);
    SymmetricEigen eig = Kernels.symmetricEigen(cov);
    DMatrixRMaj a = new DMatrixRMaj(k, d);
    for (int r = 0; r < k; r++) {
      for (int c = 0; c < d; c++) {
        a.set(r, c, eig.vectors().get(c, r));
      }
    }
    return a;
  }

  /**
   * Rows: the {@code k} leading generalised eigenvectors of {@code (S_b, S_w + ridge I)}, each of
   * unit length, computed as {@code W u} with {@code W = (S_w + ridge I)^{-1/2}} and {@code u} the
   * eigenvectors of {@code W S_b W}.
   */
  static DMatrixRMaj lda(DMatrixRMaj xs, int[] labels, int k) {
    int n = xs.numRows;
    int d = xs.numCols;
    int classes = Arrays.stream(labels).max().orElse(0) + 1;
    double[][] means = new double[classes][d];
    int[] counts = new int[classes];
    double[] overall = new double[d];
    for (int i = 0; i < n; i++) {
      counts[labels[i]]++;
      for (int c = 0; c < d; c++) {
        means[labels[i]][c] += xs.get(i, c);
        overall[c] += xs.get(i, c);
      }
    }
    for (int c = 0; c < d; c++) {
      overall[c] /= n;
    }
    for (int y = 0; y < classes; y++) {
      for (int c = 0; c < d && counts[y] > 0; c++) {
        means[y][c] /= counts[y];
      }
    }
    DMatrixRMaj within = new DMatrixRMaj(n, d);
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < d; c++) {
        within.set(i, c, xs.get(i, c) - means[labels[i]][c]);
      }
    }
    DMatrixRMaj sw = new DMatrixRMaj(d, d);
    Gemm.multTransA(within, within, sw);
    DMatrixRMaj sb = new DMatrixRMaj(d, d);
    for (int y = 0; y < classes; y++) {
      for (int a = 0; a < d && counts[y] > 0; a++) {
        double da = means[y][a] - overall[a];
        for (int b = 0; b < d; b++) {
          sb.add(a, b, counts[y] * da * (means[y][b] - overall[b]));
        }
      }
    }
    double ridge = LDA_RIDGE * Math.max(CommonOps_DDRM.trace(sw) / d, Double.MIN_NORMAL);
    SymmetricEigen swEig = Kernels.symmetricEigen(sw);
    // W = V diag(1 / sqrt(lambda + ridge)) V^T
    DMatrixRMaj scaled = swEig.vectors().copy();
    for (int c = 0; c < d; c++) {
      double f = 1 / Math.sqrt(Math.max(0, swEig.values()[c]) + ridge);
      for (int r = 0; r < d; r++) {
        scaled.set(r, c, scaled.get(r, c) * f);
      }
    }
    DMatrixRMaj w = new DMatrixRMaj(d, d);
    Gemm.multTransB(scaled, swEig.vectors(), w);
    Kernels.symmetrize(w);
    DMatrixRMaj tmp = new DMatrixRMaj(d, d);
    DMatrixRMaj m = new DMatrixRMaj(d, d);
    Gemm.mult(w, sb, tmp);
    Gemm.mult(tmp, w, m);
    SymmetricEigen mEig = Kernels.symmetricEigen(m);
    DMatrixRMaj directions = new DMatrixRMaj(d, d);
    Gemm.mult(w, mEig.vectors(), directions);
    DMatrixRMaj a = new DMatrixRMaj(k, d);
    for (int r = 0; r < k; r++) {
      double norm = 0;
      for (int c = 0; c < d; c++) {
        norm += directions.get(c, r) * directions.get(c, r);
      }
      double inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
      for (int c = 0; c < d; c++) {
        a.set(r, c, directions.get(c, r) * inv);
      }
    }
    return a;
  }

  /**
   * Multiplies {@code a} by the global factor that makes the start's softmax rows spread over about
   * {@link #targetPerplexity} neighbours: the median over sampled rows {@code i} of the perplexity
   * {@code exp(H_i)}, {@code H_i = -sum_j p_ij log p_ij}, equals the target. A row's perplexity
   * falls monotonically from {@code n - 1} (uniform) to its number of nearest ties (one-hot) as the
   * scale grows, so the factor is found by a safeguarded Newton iteration on its logarithm. Rows:
   * all when {@code n <= }{@link #PERPLEXITY_ROWS}, else that many evenly spaced ones. {@code a} is
   * left unchanged when every sampled distance is 0.
   */
  static void scaleToPerplexity(DMatrixRMaj a, DMatrixRMaj xs) {
    int n = xs.numRows;
    if (n < 3) {
      return;
    }
    DMatrixRMaj z = new DMatrixRMaj(n, a.numRows);
    Gemm.multTransB(xs, a, z);
    int rows = Math.min(n, PERPLEXITY_ROWS);
    double[][] shifted = new double[rows][];
    double largest = 0;
    for (int r = 0; r < rows; r++) {
      shifted[r] = new double[n - 1];
    }
    for (int r = 0; r < rows; r++) {
      int i = (int) ((long) r * n / rows);
      double[] d = shifted[r];
      // with every row sampled (rows == n, so row r is sample r), d(i, j) for j < i was written
      // when row j was computed
      for (int j = rows == n ? i + 1 : 0; j < n; j++) {
        if (j != i) {
          double v = squaredDistance(z, i, j, a.numRows);
          d[j < i ? j : j - 1] = v;
          if (rows == n) {
            shifted[j][i] = v;
          }
        }
      }
    }
    for (double[] d : shifted) {
      double smallest = Double.POSITIVE_INFINITY;
      for (double v : d) {
        smallest = Math.min(smallest, v);
      }
      for (int j = 0; j < d.length; j++) {
        d[j] -= smallest;
        largest = Math.max(largest, d[j]);
      }
    }
    if (!(largest > 0) || !Double.isFinite(largest)) {
      return;
    }
    // beta multiplies squared distances; its logarithm is searched from 1 / mean distance inside a
    // bracket of a factor 1e16 (see MedianPerplexitySearch)
    double lo = Math.log(1e-8 / largest);
    double hi = Math.log(1e8 / largest);
    double start = Math.min(hi, Math.max(lo, -Math.log(meanShifted(shifted))));
    double root =
        new MedianPerplexitySearch(shifted, Math.log(targetPerplexity(n)))
            .logScale(lo, hi, start, PERPLEXITY_PRECISION, PERPLEXITY_MAX_STEPS);
    CommonOps_DDRM.scale(Math.sqrt(Math.exp(root)), a);
  }

  /** Returns the mean of all shifted distances. */
  private static double meanShifted(double[][] shifted) {
    double sum = 0;
    long count = 0;
    for (double[] row : shifted) {
      for (double v : row) {
        sum += v;
      }
      count += row.length;
    }
    return sum / count;
  }

  /**
   * Returns the start's target perplexity for {@code n} samples: {@link #PERPLEXITY}, but at most
   * {@code (n - 1) / 2} so that small data sets also start from a local neighbourhood.
   */
  static double targetPerplexity(int n) {
    return Math.min(PERPLEXITY, Math.max(1.5, (n - 1) / 2.0));
  }

  private static double squaredDistance(DMatrixRMaj z, int i, int j, int k) {
    double s = 0;
    for (int c = 0; c < k; c++) {
      double v = z.data[i * k + c] - z.data[j * k + c];
      s += v * v;
    }
    return s;
  }
}
