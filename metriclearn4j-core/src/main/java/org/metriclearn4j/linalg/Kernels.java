package org.metriclearn4j.linalg;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The shared numerical kernels that every learner and the kNN index use: pairwise squared
 * distances, weighted scatter of differences and projection onto the PSD cone.
 *
 * <p>This class is the single seam where a faster backend can be plugged in. All methods are
 * deterministic: every output element is computed by exactly one task in a fixed order, so the
 * result does not depend on the number of threads. Unless stated otherwise, arguments are read and
 * never written, and results are new matrices.
 */
public final class Kernels {
  /** Rows per task in blocked pairwise computations. */
  static final int BLOCK_ROWS = 256;

  /**
   * {@link #rowBlockScatter} multiplies a block of weights densely (on the native backend) when at
   * least one weight in this many is non-zero, and skips the zeros in Java otherwise.
   */
  static final int DENSE_FRACTION = 8;

  /**
   * Matrices from this order up are decomposed by LAPACK's divide and conquer ({@code dsyevd}) when
   * the native backend is loaded: on the build machine 1.4 times EJML's speed at 64, 2.3 at 128,
   * 5.6 at 512 and 6 to 8 at 784; below 64 EJML was as fast or faster.
   */
  static final int NATIVE_EIGEN_MIN_DIMENSION = 64;

  private Kernels() {}

  /**
   * Returns the squared Euclidean norm of each row.
   *
   * @param x an {@code n x d} matrix
   * @return {@code n} squared norms
   */
  public static double[] squaredRowNorms(DMatrixRMaj x) {
    int n = x.numRows;
    int d = x.numCols;
    double[] norms = new double[n];
    double[] data = x.data;
    for (int i = 0; i < n; i++) {
      double s = 0;
      int off = i * d;
      for (int j = 0; j < d; j++) {
        double v = data[off + j];
        s += v * v;
      }
      norms[i] = s;
    }
    return norms;
  }

  /**
   * Returns all squared Euclidean distances {@code ||a_i - b_j||^2} as an {@code n x m} matrix,
   * computed as {@code ||a||^2 + ||b||^2 - 2 a.b} in row blocks on the common fork-join pool and
   * clamped at zero.
   *
   * @param a an {@code n x d} matrix
   * @param b an {@code m x d} matrix
   * @return the {@code n x m} squared distances
   */
  public static DMatrixRMaj squaredDistances(DMatrixRMaj a, DMatrixRMaj b) {
    checkSameColumns(a, b);
    DMatrixRMaj out = new DMatrixRMaj(a.numRows, b.numRows);
    double[] aNorms = squaredRowNorms(a);
    double[] bNorms = squaredRowNorms(b);
    int blocks = (a.numRows + BLOCK_ROWS - 1) / BLOCK_ROWS;
    Parallelism.blocks(blocks, (long) a.numRows * b.numRows * Math.max(1, a.numCols))
        .forEach(
            blk -> {
              int start = blk * BLOCK_ROWS;
              int end = Math.min(a.numRows, start + BLOCK_ROWS);
              squaredDistancesRows(a, aNorms, b, bNorms, start, end, out.data, start * b.numRows);
            });
    return out;
  }

  /**
   * Writes the squared distances of rows {@code [start, end)} of {@code a} to every row of {@code
   * b} into {@code out}, row by row from {@code offset}. Single-threaded; callers that bound memory
   * call it per block.
   *
   * @param a the query rows ({@code n x d})
   * @param aNorms squared norms of the rows of {@code a}
   * @param b the reference rows ({@code m x d})
   * @param bNorms squared norms of the rows of {@code b}
   * @param start first row of {@code a}, inclusive
   * @param end last row of {@code a}, exclusive
   * @param out written: {@code (end - start) * m} values from {@code offset}
   * @param offset where the first value goes
   */
  public static void squaredDistancesRows(
      DMatrixRMaj a,
      double[] aNorms,
      DMatrixRMaj b,
      double[] bNorms,
      int start,
      int end,
      double[] out,
      int offset) {
    int d = a.numCols;
    int m = b.numRows;
    double[] ad = a.data;
    double[] bd = b.data;
    if (end > start && Gemm.runsNatively((long) (end - start) * m * d)) {
      // the dot products of the block as one native product A_block B^T
      int rows = end - start;
      double[] dots = new double[rows * m];
      NativeBlas.gemm(
          false, true, rows, m, d, Arrays.copyOfRange(ad, start * d, end * d), bd, dots);
      for (int r = 0; r < rows; r++) {
        int o = offset + r * m;
        double aNorm = aNorms[start + r];
        for (int j = 0; j < m; j++) {
          out[o + j] = clampedDistance(aNorm, bNorms[j], dots[r * m + j]);
        }
      }
      return;
    }
    for (int i = start; i < end; i++) {
      int ai = i * d;
      int o = offset + (i - start) * m;
      int j = 0;
      // four rows of b at a time: four independent sums share each load of a's row, so the CPU
      // overlaps them; every dot product still adds its terms in order t = 0..d-1
      for (; j + 3 < m; j += 4) {
        int b0 = j * d;
        int b1 = b0 + d;
        int b2 = b1 + d;
        int b3 = b2 + d;
        double dot0 = 0;
        double dot1 = 0;
        double dot2 = 0;
        double dot3 = 0;
        for (int t = 0; t < d; t++) {
          double at = ad[ai + t];
          dot0 += at * bd[b0 + t];
          dot1 += at * bd[b1 + t];
          dot2 += at * bd[b2 + t];
          dot3 += at * bd[b3 + t];
        }
        out[o + j] = clampedDistance(aNorms[i], bNorms[j], dot0);
        out[o + j + 1] = clampedDistance(aNorms[i], bNorms[j + 1], dot1);
        out[o + j + 2] = clampedDistance(aNorms[i], bNorms[j + 2], dot2);
        out[o + j + 3] = clampedDistance(aNorms[i], bNorms[j + 3], dot3);
      }
      for (; j < m; j++) {
        int bj = j * d;
        double dot = 0;
        for (int t = 0; t < d; t++) {
          dot += ad[ai + t] * bd[bj + t];
        }
        out[o + j] = clampedDistance(aNorms[i], bNorms[j], dot);
      }
    }
  }

  /** Returns {@code ||a||^2 + ||b||^2 - 2 a.b}, clamped at 0 against cancellation. */
  private static double clampedDistance(double aNorm, double bNorm, double dot) {
    double v = aNorm + bNorm - 2 * dot;
    return v > 0 ? v : 0;
  }

  /**
   * Returns the weighted scatter of all pairwise differences {@code sum_ij w_ij (x_i - x_j)(x_i -
   * x_j)^T}, computed without any {@code n x n x d} tensor as {@code X^T (diag(S 1) - S) X} with
   * {@code S = W + W^T}.
   *
   * @param x the {@code n x d} samples
   * @param weights the {@code n x n} pair weights (any sign)
   * @return the symmetric {@code d x d} scatter
   */
  public static DMatrixRMaj pairwiseScatter(DMatrixRMaj x, DMatrixRMaj weights) {
    int n = x.numRows;
    checkSquare("weights", weights, n);
    DMatrixRMaj s = new DMatrixRMaj(n, n);
    CommonOps_DDRM.transpose(weights, s);
    CommonOps_DDRM.addEquals(s, weights);
    double[] rowSums = new double[n];
    for (int i = 0; i < n; i++) {
      double r = 0;
      int off = i * n;
      for (int j = 0; j < n; j++) {
        r += s.data[off + j];
      }
      rowSums[i] = r;
    }
    // laplacian = diag(rowSums) - S
    CommonOps_DDRM.scale(-1, s);
    for (int i = 0; i < n; i++) {
      s.data[i * n + i] += rowSums[i];
    }
    return laplacianScatter(x, s);
  }

  /**
   * Returns {@code X^T L X} for the Laplacian {@code L = diag(S 1) - S} of a symmetric pair-weight
   * matrix {@code S}, which is the weighted scatter {@code sum_{i<j} s_ij (x_i - x_j)(x_i -
   * x_j)^T}: what {@link #pairwiseScatter} computes after building {@code L} from its weights, for
   * callers that build {@code L} themselves (and so skip a copy and two passes over an {@code n x
   * n} matrix).
   *
   * @param x the {@code n x d} samples
   * @param laplacian the symmetric {@code n x n} Laplacian
   * @return the symmetric {@code d x d} scatter
   * @throws IllegalArgumentException if {@code laplacian} is not {@code n x n}
   */
  public static DMatrixRMaj laplacianScatter(DMatrixRMaj x, DMatrixRMaj laplacian) {
    int n = x.numRows;
    checkSquare("laplacian", laplacian, n);
    DMatrixRMaj lx = new DMatrixRMaj(n, x.numCols);
    Gemm.mult(laplacian, x, lx);
    DMatrixRMaj out = new DMatrixRMaj(x.numCols, x.numCols);
    Gemm.multTransA(x, lx, out);
    symmetrize(out);
    return out;
  }

  /**
   * Returns the number of rows per block that {@link #rowBlockScatter} uses for {@code n} samples:
   * {@link #BLOCK_ROWS}, reduced so that one block of weights holds at most about 2<sup>20</sup>
   * values (but never below 16 rows). It depends on {@code n} only, never on the thread count.
   *
   * @param n the number of samples
   * @return rows per block, {@code >= 1}
   */
  public static int scatterBlockRows(int n) {
    int rows = Math.max(16, Math.min(BLOCK_ROWS, (1 << 20) / Math.max(1, n)));
    return Math.max(1, Math.min(rows, n));
  }

  /**
   * Returns the weighted scatter of all pairwise differences {@code sum_ij w_ij (x_i - x_j)(x_i -
   * x_j)^T}, like {@link #pairwiseScatter}, but with the weights supplied one block of rows at a
   * time so that memory stays {@code O(block x n)} per thread instead of {@code O(n^2)}.
   *
   * <p>With the rows centred ({@code x_i - mean}, which leaves every difference unchanged and
   * avoids cancellation when the rows are far from the origin), it computes {@code X^T diag(W 1 +
   * W^T 1) X - G - G^T} with {@code G = sum_B X_B^T W_B X}, where {@code W_B} holds the rows {@code
   * B} of {@code W}. Blocks of {@link #scatterBlockRows} rows are computed in parallel on the
   * common fork-join pool; their row sums, column sums and {@code G_B} are then added in block
   * order, so the result is bit-identical for any number of threads. Cost: {@code O(n^2 + z d + n
   * d^2)} for {@code z} non-zero weights (zero weights are skipped) time.
   *
   * @param x the {@code n x d} samples (read only)
   * @param weights supplies {@code W} block by block; called once per block, possibly concurrently
   * @return the symmetric {@code d x d} scatter
   */
  public static DMatrixRMaj rowBlockScatter(DMatrixRMaj x, RowBlockWeights weights) {
    int n = x.numRows;
    int d = x.numCols;
    DMatrixRMaj centred = centredRows(x);
    int blockRows = scatterBlockRows(n);
    int blocks = n == 0 ? 0 : (n + blockRows - 1) / blockRows;
    List<ScatterBlock> parts =
        Parallelism.blocks(blocks, (long) n * n * Math.max(1, d))
            .mapToObj(
                blk -> {
                  int start = blk * blockRows;
                  int end = Math.min(n, start + blockRows);
                  return scatterBlock(centred, weights, start, end);
                })
            .toList();
    DMatrixRMaj g = new DMatrixRMaj(d, d);
    double[] diagonal = new double[n];
    for (int blk = 0; blk < blocks; blk++) {
      ScatterBlock part = parts.get(blk);
      CommonOps_DDRM.addEquals(g, part.g());
      int start = blk * blockRows;
      double[] rowSums = part.rowSums();
      for (int r = 0; r < rowSums.length; r++) {
        diagonal[start + r] += rowSums[r];
      }
      double[] columnSums = part.columnSums();
      for (int j = 0; j < n; j++) {
        diagonal[j] += columnSums[j];
      }
    }
    // out = X^T diag(diagonal) X - G - G^T, upper triangle first
    DMatrixRMaj out = new DMatrixRMaj(d, d);
    double[] xd = centred.data;
    double[] od = out.data;
    for (int i = 0; i < n; i++) {
      double w = diagonal[i];
      int off = i * d;
      for (int a = 0; a < d; a++) {
        double v = w * xd[off + a];
        int row = a * d;
        for (int b = a; b < d; b++) {
          od[row + b] += v * xd[off + b];
        }
      }
    }
    for (int a = 0; a < d; a++) {
      for (int b = a; b < d; b++) {
        double v = od[a * d + b] - g.get(a, b) - g.get(b, a);
        od[a * d + b] = v;
        od[b * d + a] = v;
      }
    }
    return out;
  }

  /** One block's share of {@link #rowBlockScatter}. */
  private record ScatterBlock(DMatrixRMaj g, double[] rowSums, double[] columnSums) {}

  private static ScatterBlock scatterBlock(
      DMatrixRMaj x, RowBlockWeights weights, int start, int end) {
    int n = x.numRows;
    int d = x.numCols;
    int rows = end - start;
    double[] w = new double[rows * n];
    weights.weights(start, end, w);
    double[] rowSums = new double[rows];
    double[] columnSums = new double[n];
    long nonZeroWeights = 0;
    for (int r = 0; r < rows; r++) {
      int off = r * n;
      double sum = 0;
      for (int j = 0; j < n; j++) {
        double v = w[off + j];
        sum += v;
        columnSums[j] += v;
        nonZeroWeights += v != 0 ? 1 : 0;
      }
      rowSums[r] = sum;
    }
    // wx = W_B X (rows x d), then g = X_B^T wx (d x d). Softmax weights are mostly exactly 0 once
    // a metric is sharp: the Java loop skips them; the native dense product, about 8 times faster
    // per multiply-add, wins while at least one weight in DENSE_FRACTION is non-zero.
    DMatrixRMaj wx = new DMatrixRMaj(rows, d);
    double[] xd = x.data;
    double[] wxd = wx.data;
    boolean dense =
        nonZeroWeights * DENSE_FRACTION >= (long) rows * n
            && Gemm.runsNatively((long) rows * n * d);
    if (dense) {
      NativeBlas.gemm(false, false, rows, d, n, w, xd, wxd);
    }
    int[] nonZero = new int[dense ? 0 : n];
    for (int r = 0; r < rows && !dense; r++) {
      int off = r * n;
      int wo = r * d;
      // collect the non-zero columns without a branch per weight, then add their rows in order
      int count = 0;
      for (int j = 0; j < n; j++) {
        nonZero[count] = j;
        count += w[off + j] != 0 ? 1 : 0;
      }
      for (int t = 0; t < count; t++) {
        int j = nonZero[t];
        double v = w[off + j];
        int xo = j * d;
        for (int b = 0; b < d; b++) {
          wxd[wo + b] += v * xd[xo + b];
        }
      }
    }
    DMatrixRMaj g = new DMatrixRMaj(d, d);
    if (rows > 0 && d > 0 && Gemm.runsNatively((long) rows * d * d)) {
      NativeBlas.gemm(
          true, false, d, d, rows, Arrays.copyOfRange(xd, start * d, end * d), wxd, g.data);
      return new ScatterBlock(g, rowSums, columnSums);
    }
    double[] gd = g.data;
    for (int r = 0; r < rows; r++) {
      int xo = (start + r) * d;
      int wo = r * d;
      for (int a = 0; a < d; a++) {
        double v = xd[xo + a];
        int row = a * d;
        for (int b = 0; b < d; b++) {
          gd[row + b] += v * wx.data[wo + b];
        }
      }
    }
    return new ScatterBlock(g, rowSums, columnSums);
  }

  private static DMatrixRMaj centredRows(DMatrixRMaj x) {
    int n = x.numRows;
    int d = x.numCols;
    double[] mean = new double[d];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < d; c++) {
        mean[c] += x.data[i * d + c];
      }
    }
    for (int c = 0; c < d; c++) {
      mean[c] /= Math.max(1, n);
    }
    DMatrixRMaj centred = new DMatrixRMaj(n, d);
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < d; c++) {
        centred.data[i * d + c] = x.data[i * d + c] - mean[c];
      }
    }
    return centred;
  }

  /**
   * Returns {@code sum_p w_p (x_{i_p} - x_{j_p})(x_{i_p} - x_{j_p})^T} over a sparse list of pairs.
   *
   * @param x the {@code n x d} samples
   * @param first first index of each pair
   * @param second second index of each pair
   * @param weights weight of each pair
   * @return the symmetric {@code d x d} scatter
   */
  public static DMatrixRMaj pairScatter(
      DMatrixRMaj x, int[] first, int[] second, double[] weights) {
    if (first.length != second.length || first.length != weights.length) {
      throw new IllegalArgumentException(
          "first, second, weights: expected equal lengths, found "
              + first.length
              + ", "
              + second.length
              + ", "
              + weights.length);
    }
    int d = x.numCols;
    int pairs = first.length;
    DMatrixRMaj diffs = new DMatrixRMaj(pairs, d);
    DMatrixRMaj weighted = new DMatrixRMaj(pairs, d);
    for (int p = 0; p < pairs; p++) {
      int a = first[p] * d;
      int b = second[p] * d;
      for (int t = 0; t < d; t++) {
        double diff = x.data[a + t] - x.data[b + t];
        diffs.data[p * d + t] = diff;
        weighted.data[p * d + t] = weights[p] * diff;
      }
    }
    DMatrixRMaj out = new DMatrixRMaj(d, d);
    Gemm.multTransA(diffs, weighted, out);
    symmetrize(out);
    return out;
  }

  /**
   * Returns the eigen-decomposition of a symmetric matrix, eigenvalues in descending order.
   *
   * <p>From order {@link #NATIVE_EIGEN_MIN_DIMENSION} up it runs on the native backend when that is
   * loaded (see {@link Gemm}), below on EJML. Eigenvectors are defined up to sign (and, for
   * repeated eigenvalues, up to a rotation within their eigenspace), and the two backends may
   * choose differently.
   *
   * @param symmetric a symmetric {@code d x d} matrix (its upper and lower triangles are averaged)
   * @return eigenvalues and orthonormal eigenvectors
   * @throws IllegalStateException if the decomposition fails
   */
  public static SymmetricEigen symmetricEigen(DMatrixRMaj symmetric) {
    int d = symmetric.numRows;
    if (symmetric.numCols != d) {
      throw new IllegalArgumentException(
          "symmetric: expected a square matrix, found " + d + "x" + symmetric.numCols);
    }
    DMatrixRMaj a = symmetric.copy();
    symmetrize(a);
    for (double v : a.data) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("symmetric: expected finite entries, found " + v);
      }
    }
    double[] raw = new double[d];
    DMatrixRMaj columns = new DMatrixRMaj(d, d);
    if (d >= NATIVE_EIGEN_MIN_DIMENSION && NativeBlas.available()) {
      // LAPACK's divide and conquer overwrites a with the eigenvectors as columns
      NativeBlas.symmetricEigen(a.data, d, raw);
      columns = a;
    } else {
      EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
      if (!eig.decompose(a)) {
        throw new IllegalStateException("symmetric eigen-decomposition did not converge");
      }
      for (int c = 0; c < d; c++) {
        raw[c] = eig.getEigenvalue(c).getReal();
        DMatrixRMaj v = eig.getEigenVector(c);
        for (int r = 0; r < d; r++) {
          columns.set(r, c, v == null ? (r == c ? 1 : 0) : v.get(r, 0));
        }
      }
    }
    Integer[] order = new Integer[d];
    for (int i = 0; i < d; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -raw[i]).thenComparingInt(i -> i));
    double[] values = new double[d];
    DMatrixRMaj vectors = new DMatrixRMaj(d, d);
    for (int c = 0; c < d; c++) {
      int src = order[c];
      values[c] = raw[src];
      for (int r = 0; r < d; r++) {
        vectors.set(r, c, columns.get(r, src));
      }
    }
    return new SymmetricEigen(values, vectors);
  }

  /**
   * Returns the nearest (in Frobenius norm) positive semidefinite matrix: eigenvalues below zero
   * are set to zero.
   *
   * @param symmetric a symmetric {@code d x d} matrix
   * @return the projection onto the PSD cone, exactly symmetric
   */
  public static DMatrixRMaj projectToPsd(DMatrixRMaj symmetric) {
    SymmetricEigen eig = symmetricEigen(symmetric);
    int d = symmetric.numRows;
    DMatrixRMaj scaled = eig.vectors().copy();
    for (int c = 0; c < d; c++) {
      double lambda = Math.max(0, eig.values()[c]);
      for (int r = 0; r < d; r++) {
        scaled.set(r, c, scaled.get(r, c) * lambda);
      }
    }
    DMatrixRMaj out = new DMatrixRMaj(d, d);
    Gemm.multTransB(scaled, eig.vectors(), out);
    symmetrize(out);
    return out;
  }

  /**
   * Returns a factor {@code L} ({@code d x d}) with {@code L^T L = M} for a PSD matrix, from its
   * eigen-decomposition ({@code L = diag(sqrt(lambda)) V^T}; negative eigenvalues are clamped to
   * zero).
   *
   * @param psd a symmetric PSD {@code d x d} matrix
   * @return the factor, rows ordered by decreasing eigenvalue
   */
  public static DMatrixRMaj psdFactor(DMatrixRMaj psd) {
    SymmetricEigen eig = symmetricEigen(psd);
    int d = psd.numRows;
    DMatrixRMaj l = new DMatrixRMaj(d, d);
    for (int r = 0; r < d; r++) {
      double s = Math.sqrt(Math.max(0, eig.values()[r]));
      for (int c = 0; c < d; c++) {
        l.set(r, c, s * eig.vectors().get(c, r));
      }
    }
    return l;
  }

  /**
   * Replaces {@code m} by {@code (m + m^T) / 2}.
   *
   * @param m a square matrix, written in place
   */
  public static void symmetrize(DMatrixRMaj m) {
    int d = m.numRows;
    for (int i = 0; i < d; i++) {
      for (int j = i + 1; j < d; j++) {
        double v = 0.5 * (m.get(i, j) + m.get(j, i));
        m.set(i, j, v);
        m.set(j, i, v);
      }
    }
  }

  /**
   * Copies rows of doubles into a new EJML matrix.
   *
   * @param rows {@code n} rows of equal length
   * @return the {@code n x d} matrix
   */
  public static DMatrixRMaj toMatrix(double[][] rows) {
    int n = rows.length;
    int d = n == 0 ? 0 : rows[0].length;
    DMatrixRMaj m = new DMatrixRMaj(n, d);
    for (int i = 0; i < n; i++) {
      if (rows[i].length != d) {
        throw new IllegalArgumentException(
            "rows: row " + i + " has " + rows[i].length + " columns, expected " + d);
      }
      System.arraycopy(rows[i], 0, m.data, i * d, d);
    }
    return m;
  }

  /**
   * Copies an EJML matrix into new rows of doubles.
   *
   * @param m the matrix
   * @return its rows
   */
  public static double[][] toRows(DMatrixRMaj m) {
    double[][] rows = new double[m.numRows][m.numCols];
    for (int i = 0; i < m.numRows; i++) {
      System.arraycopy(m.data, i * m.numCols, rows[i], 0, m.numCols);
    }
    return rows;
  }

  /** Throws unless {@code m} is {@code n x n}, naming the argument. */
  private static void checkSquare(String name, DMatrixRMaj m, int n) {
    if (m.numRows != n || m.numCols != n) {
      throw new IllegalArgumentException(
          name + ": expected " + n + "x" + n + ", found " + m.numRows + "x" + m.numCols);
    }
  }

  private static void checkSameColumns(DMatrixRMaj a, DMatrixRMaj b) {
    if (a.numCols != b.numCols) {
      throw new IllegalArgumentException(
          "b: expected " + a.numCols + " columns like a, found " + b.numCols);
    }
  }
}
