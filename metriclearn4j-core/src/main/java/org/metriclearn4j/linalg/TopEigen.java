package org.metriclearn4j.linalg;

import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;

/**
 * The largest eigenpairs of a large symmetric matrix (or of a symmetric operator given only by its
 * product with a block of vectors), by block subspace iteration with Rayleigh–Ritz projection
 * (Saad, <i>Numerical Methods for Large Eigenvalue Problems</i>, 2nd ed., 2011, §5.2; Halko,
 * Martinsson and Tropp, SIAM Review 53(2), 2011). Cost per iteration {@code O(m^2 l)} for an {@code
 * m x m} matrix and a block of {@code l} vectors, instead of the {@code O(m^3)} of a full
 * decomposition; small problems fall back to {@link Kernels#symmetricEigen}.
 *
 * <p>Deterministic: the start block comes from the given seed, and every product is computed in a
 * fixed order, whatever the thread count.
 */
public final class TopEigen {
  /**
   * Relative residual {@code ||A v - theta v|| <= TOLERANCE * |theta_1|} at which a pair is done.
   */
  public static final double TOLERANCE = 1e-9;

  /** Iteration cap; the pairs reached by then are returned (orthonormal, possibly inexact). */
  public static final int MAX_ITERATIONS = 200;

  private TopEigen() {}

  /**
   * Returns the {@code count} largest eigenvalues (algebraically) of a symmetric matrix and their
   * orthonormal eigenvectors.
   *
   * @param symmetric an {@code m x m} symmetric matrix (read only)
   * @param count the number of eigenpairs, in {@code [1, m]}
   * @param seed the seed of the random start block
   * @return {@code count} eigenvalues, largest first, and eigenvectors as the columns of an {@code
   *     m x count} matrix
   * @throws IllegalArgumentException if the matrix is not square or {@code count} is out of range
   */
  public static SymmetricEigen largest(DMatrixRMaj symmetric, int count, long seed) {
    int m = symmetric.numRows;
    if (symmetric.numCols != m) {
      throw new IllegalArgumentException(
          "symmetric: expected a square matrix, found " + m + "x" + symmetric.numCols);
    }
    checkCount(count, m);
    int block = blockSize(count, m);
    if (3 * block >= m || m <= 200) {
      return truncate(Kernels.symmetricEigen(symmetric), count);
    }
    return largest(
        rows -> {
          DMatrixRMaj out = new DMatrixRMaj(rows.numRows, m);
          CommonOps_MT_DDRM.mult(rows, symmetric, out);
          return out;
        },
        m,
        count,
        seed);
  }

  /**
   * Returns the {@code count} largest eigenpairs of a symmetric operator {@code A} given by {@code
   * V^T -> V^T A} (equivalently {@code (A V)^T}) on blocks of row vectors.
   *
   * <p>The iteration finds the dominant invariant subspace, so for an indefinite operator the block
   * must be large enough to hold every eigenvalue larger in magnitude than the wanted ones; for
   * positive semidefinite operators (kernel matrices, scatter matrices) this always holds.
   *
   * @param multiplyRows maps an {@code l x m} block of row vectors {@code V^T} to {@code V^T A}
   *     (must not modify its argument)
   * @param dimension {@code m}
   * @param count the number of eigenpairs, in {@code [1, m]}
   * @param seed the seed of the random start block
   * @return {@code count} eigenvalues, largest first, and eigenvectors as columns ({@code m x
   *     count})
   * @throws IllegalArgumentException if {@code count} is out of range
   */
  public static SymmetricEigen largest(
      UnaryOperator<DMatrixRMaj> multiplyRows, int dimension, int count, long seed) {
    int m = dimension;
    checkCount(count, m);
    int l = blockSize(count, m);
    SplittableRandom random = new SplittableRandom(seed);
    DMatrixRMaj q = new DMatrixRMaj(l, m);
    for (int i = 0; i < q.data.length; i++) {
      q.data[i] = random.nextGaussian();
    }
    orthonormalizeRows(q, random);
    double[] theta = new double[l];
    DMatrixRMaj ritz = new DMatrixRMaj(l, m);
    for (int iteration = 1; ; iteration++) {
      DMatrixRMaj z = multiplyRows.apply(q);
      DMatrixRMaj h = new DMatrixRMaj(l, l);
      CommonOps_DDRM.multTransB(q, z, h);
      SymmetricEigen small = Kernels.symmetricEigen(h);
      DMatrixRMaj st = new DMatrixRMaj(l, l);
      CommonOps_DDRM.transpose(small.vectors(), st);
      CommonOps_DDRM.mult(st, q, ritz);
      DMatrixRMaj image = new DMatrixRMaj(l, m);
      CommonOps_DDRM.mult(st, z, image);
      theta = small.values();
      double scale = Math.max(Math.abs(theta[0]), Math.abs(theta[l - 1]));
      boolean done = true;
      for (int i = 0; i < count && done; i++) {
        double r = 0;
        for (int t = 0; t < m; t++) {
          double v = image.data[i * m + t] - theta[i] * ritz.data[i * m + t];
          r += v * v;
        }
        done = Math.sqrt(r) <= TOLERANCE * scale;
      }
      if (done || iteration >= MAX_ITERATIONS || scale == 0) {
        break;
      }
      q = image;
      orthonormalizeRows(q, random);
    }
    DMatrixRMaj vectors = new DMatrixRMaj(m, count);
    double[] values = new double[count];
    for (int c = 0; c < count; c++) {
      values[c] = theta[c];
      for (int r = 0; r < m; r++) {
        vectors.data[r * count + c] = ritz.data[c * m + r];
      }
    }
    return new SymmetricEigen(values, vectors);
  }

  /**
   * Makes the rows of {@code rows} orthonormal in place (modified Gram–Schmidt, twice); a row that
   * vanishes (rank deficiency) is replaced by a random one orthogonal to the others.
   */
  static void orthonormalizeRows(DMatrixRMaj rows, SplittableRandom random) {
    int l = rows.numRows;
    int m = rows.numCols;
    double[] a = rows.data;
    for (int i = 0; i < l; i++) {
      int oi = i * m;
      for (int attempt = 0; ; attempt++) {
        double before = norm(a, oi, m);
        for (int pass = 0; pass < 2; pass++) {
          for (int j = 0; j < i; j++) {
            int oj = j * m;
            double dot = 0;
            for (int t = 0; t < m; t++) {
              dot += a[oi + t] * a[oj + t];
            }
            for (int t = 0; t < m; t++) {
              a[oi + t] -= dot * a[oj + t];
            }
          }
        }
        double after = norm(a, oi, m);
        if (after > 1e-10 * before && after > 0) {
          for (int t = 0; t < m; t++) {
            a[oi + t] /= after;
          }
          break;
        }
        if (attempt >= 5) {
          throw new IllegalStateException("could not complete an orthonormal basis of size " + l);
        }
        for (int t = 0; t < m; t++) {
          a[oi + t] = random.nextGaussian();
        }
      }
    }
  }

  private static double norm(double[] a, int offset, int m) {
    double s = 0;
    for (int t = 0; t < m; t++) {
      s += a[offset + t] * a[offset + t];
    }
    return Math.sqrt(s);
  }

  private static int blockSize(int count, int m) {
    return Math.min(m, count + Math.max(10, count / 2));
  }

  private static void checkCount(int count, int m) {
    if (count < 1 || count > m) {
      throw new IllegalArgumentException("count: expected in [1, " + m + "], found " + count);
    }
  }

  private static SymmetricEigen truncate(SymmetricEigen full, int count) {
    int m = full.vectors().numRows;
    double[] values = java.util.Arrays.copyOf(full.values(), count);
    DMatrixRMaj vectors = new DMatrixRMaj(m, count);
    CommonOps_DDRM.extract(full.vectors(), 0, m, 0, count, vectors, 0, 0);
    return new SymmetricEigen(values, vectors);
  }
}
