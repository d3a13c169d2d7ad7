package org.metriclearn4j.learn;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.metriclearn4j.linalg.Kernels;
import org.metriclearn4j.linalg.SymmetricEigen;

/**
 * Starting components for gradient-based learners, in standardised coordinates (see {@link
 * Initialization}).
 */
final class Initializers {
  /** The median squared pairwise training distance that scaled starts are given. */
  static final double TARGET_MEDIAN_SQUARED_DISTANCE = 1.0;

  /** At most this many pairs are used to estimate the median squared distance. */
  static final int MEDIAN_PAIRS = 50_000;

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
    scaleToMedian(a, xs);
    return a;
  }

  /** Rows: the {@code k} leading eigenvectors of the covariance of {@code xs} (centred). */
  static DMatrixRMaj pca(DMatrixRMaj xs, int k) {
    int d = xs.numCols;
    DMatrixRMaj cov = new DMatrixRMaj(d, d);
    CommonOps_DDRM.multTransA(xs, xs, cov);
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
    CommonOps_DDRM.multTransA(within, within, sw);
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
    CommonOps_DDRM.multTransB(scaled, swEig.vectors(), w);
    Kernels.symmetrize(w);
    DMatrixRMaj tmp = new DMatrixRMaj(d, d);
    DMatrixRMaj m = new DMatrixRMaj(d, d);
    CommonOps_DDRM.mult(w, sb, tmp);
    CommonOps_DDRM.mult(tmp, w, m);
    SymmetricEigen mEig = Kernels.symmetricEigen(m);
    DMatrixRMaj directions = new DMatrixRMaj(d, d);
    CommonOps_DDRM.mult(w, mEig.vectors(), directions);
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
   * Multiplies {@code a} so that the median of {@code ||a (x_i - x_j)||^2} over training pairs is
   * {@link #TARGET_MEDIAN_SQUARED_DISTANCE} (the mean when the median is 0; unchanged when every
   * projected pair coincides). Uses all pairs when there are at most {@link #MEDIAN_PAIRS}, else a
   * deterministic spread of pairs {@code (i, i + o mod n)} over evenly spaced offsets {@code o}.
   */
  static void scaleToMedian(DMatrixRMaj a, DMatrixRMaj xs) {
    int n = xs.numRows;
    DMatrixRMaj z = new DMatrixRMaj(n, a.numRows);
    CommonOps_DDRM.multTransB(xs, a, z);
    double[] sq = sampledSquaredDistances(z);
    if (sq.length == 0) {
      return;
    }
    Arrays.sort(sq);
    double median =
        sq.length % 2 == 1 ? sq[sq.length / 2] : 0.5 * (sq[sq.length / 2 - 1] + sq[sq.length / 2]);
    if (!(median > 0)) {
      median = Arrays.stream(sq).sum() / sq.length;
    }
    if (median > 0 && Double.isFinite(median)) {
      CommonOps_DDRM.scale(Math.sqrt(TARGET_MEDIAN_SQUARED_DISTANCE / median), a);
    }
  }

  private static double[] sampledSquaredDistances(DMatrixRMaj z) {
    int n = z.numRows;
    int k = z.numCols;
    long allPairs = (long) n * (n - 1) / 2;
    double[] out;
    if (allPairs <= MEDIAN_PAIRS) {
      out = new double[(int) allPairs];
      int p = 0;
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          out[p++] = squaredDistance(z, i, j, k);
        }
      }
      return out;
    }
    int offsets = Math.max(1, MEDIAN_PAIRS / n);
    out = new double[offsets * n];
    int p = 0;
    for (int t = 0; t < offsets; t++) {
      int offset = 1 + (int) ((long) t * (n - 1) / offsets);
      for (int i = 0; i < n; i++) {
        out[p++] = squaredDistance(z, i, (i + offset) % n, k);
      }
    }
    return out;
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
