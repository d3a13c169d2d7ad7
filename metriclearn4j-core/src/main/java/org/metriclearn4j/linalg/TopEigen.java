package org.metriclearn4j.linalg;

import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The largest eigenpairs of a large symmetric matrix (or of a symmetric operator given only by its
 * product with a block of vectors), by restarted block Krylov iteration with Rayleigh–Ritz
 * projection: each restart builds the block Krylov space {@code [Q, AQ, A^2 Q, A^3 Q]} of the
 * current block {@code Q} of {@code l = count + max(10, count/2)} vectors, takes the Ritz pairs of
 * {@code A} on it and restarts from the {@code l} leading Ritz vectors (Saad, <i>Numerical Methods
 * for Large Eigenvalue Problems</i>, 2nd ed., SIAM 2011, ch. 6; C. Musco and C. Musco, "Randomized
 * block Krylov methods for stronger and faster approximate singular value decomposition", NIPS
 * 2015). Cost per restart {@code O(m^2 l)} for an {@code m x m} matrix, instead of the {@code
 * O(m^3)} of a full decomposition; small problems fall back to {@link Kernels#symmetricEigen}.
 *
 * <p>Deterministic: the start block comes from the given seed, and every product is computed in a
 * fixed order, whatever the thread count.
 */
public final class TopEigen {
  /**
   * Relative residual {@code ||A v - theta v|| <= TOLERANCE * |theta_1|} at which a pair is done.
   */
  public static final double TOLERANCE = 1e-9;

  /**
   * The iteration also stops when no wanted Ritz value moved by more than this fraction of {@code
   * |theta_1|} in one restart: eigenvalues are then settled, and within a cluster of nearly equal
   * eigenvalues the choice of vectors hardly matters.
   */
  public static final double VALUE_TOLERANCE = 1e-10;

  /** Restart cap; the pairs reached by then are returned (orthonormal, possibly inexact). */
  public static final int MAX_RESTARTS = 30;

  /** Blocks in each Krylov space {@code [Q, AQ, ..., A^{depth-1} Q]}. */
  static final int KRYLOV_DEPTH = 4;

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
    if (2 * KRYLOV_DEPTH * block >= m || m <= 300) {
      return truncate(Kernels.symmetricEigen(symmetric), count);
    }
    return largest(
        rows -> {
          DMatrixRMaj out = new DMatrixRMaj(rows.numRows, m);
          Gemm.mult(rows, symmetric, out);
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
    int depth = Math.max(1, Math.min(KRYLOV_DEPTH, m / l));
    SplittableRandom random = new SplittableRandom(seed);
    DMatrixRMaj start = new DMatrixRMaj(l, m);
    for (int i = 0; i < start.data.length; i++) {
      start.data[i] = random.nextGaussian();
    }
    orthonormalizeRows(start, 0, l, random);
    double[] theta = new double[l];
    double[] previous = new double[count];
    DMatrixRMaj ritz = start;
    for (int restart = 1; ; restart++) {
      // Krylov basis [Q, AQ, ..., A^{depth-1} Q] (orthonormalised block by block) and its image
      int size = depth * l;
      DMatrixRMaj basis = new DMatrixRMaj(size, m);
      DMatrixRMaj image = new DMatrixRMaj(size, m);
      System.arraycopy(ritz.data, 0, basis.data, 0, l * m);
      for (int j = 0; j < depth; j++) {
        DMatrixRMaj block = CommonOps_DDRM.extract(basis, j * l, (j + 1) * l, 0, m);
        DMatrixRMaj z = multiplyRows.apply(block);
        System.arraycopy(z.data, 0, image.data, j * l * m, l * m);
        if (j + 1 < depth) {
          System.arraycopy(z.data, 0, basis.data, (j + 1) * l * m, l * m);
          orthonormalizeRows(basis, (j + 1) * l, (j + 2) * l, random);
        }
      }
      // Rayleigh-Ritz on the Krylov space
      DMatrixRMaj h = new DMatrixRMaj(size, size);
      Gemm.multTransB(basis, image, h);
      SymmetricEigen small = Kernels.symmetricEigen(h);
      DMatrixRMaj st = new DMatrixRMaj(l, size);
      for (int r = 0; r < l; r++) {
        for (int c = 0; c < size; c++) {
          st.data[r * size + c] = small.vectors().get(c, r);
        }
      }
      ritz = new DMatrixRMaj(l, m);
      Gemm.mult(st, basis, ritz);
      DMatrixRMaj ritzImage = new DMatrixRMaj(l, m);
      Gemm.mult(st, image, ritzImage);
      theta = java.util.Arrays.copyOf(small.values(), l);
      double scale = Math.max(Math.abs(small.values()[0]), Math.abs(small.values()[size - 1]));
      boolean residualsSmall = true;
      boolean valuesSettled = restart > 1;
      for (int i = 0; i < count; i++) {
        double r = 0;
        for (int t = 0; t < m; t++) {
          double v = ritzImage.data[i * m + t] - theta[i] * ritz.data[i * m + t];
          r += v * v;
        }
        residualsSmall &= Math.sqrt(r) <= TOLERANCE * scale;
        valuesSettled &= Math.abs(theta[i] - previous[i]) <= VALUE_TOLERANCE * scale;
        previous[i] = theta[i];
      }
      if (residualsSmall || valuesSettled || restart >= MAX_RESTARTS || scale == 0) {
        break;
      }
      orthonormalizeRows(ritz, 0, l, random);
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
   * Makes rows {@code [first, end)} of {@code rows} orthonormal to each other and to the (already
   * orthonormal) rows before them, in place (modified Gram–Schmidt, twice); a row that vanishes
   * (rank deficiency) is replaced by a random one orthogonal to the others.
   */
  static void orthonormalizeRows(DMatrixRMaj rows, int first, int end, SplittableRandom random) {
    int m = rows.numCols;
    double[] a = rows.data;
    for (int i = first; i < end; i++) {
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
          throw new IllegalStateException("could not complete an orthonormal basis of size " + end);
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
