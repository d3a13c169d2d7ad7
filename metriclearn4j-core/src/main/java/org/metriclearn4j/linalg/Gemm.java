package org.metriclearn4j.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;

/**
 * Dense matrix products {@code a b}, {@code a^T b} and {@code a b^T}: the one place where core
 * chooses how a product is computed.
 *
 * <p>When the optional native backend is loaded (OpenBLAS from {@code org.bytedeco:openblas}; see
 * {@link #backend()} and the system property {@code metriclearn4j.blas}), products of at least
 * {@link #MIN_NATIVE_WORK} multiply-adds run there, single-threaded: on the 2-core build machine it
 * multiplied a 2000 x 64 by a 64 x 64 matrix at 9.2 billion multiply-adds per second against EJML's
 * 1.1. Otherwise EJML computes them, on the common fork-join pool when {@linkplain
 * Parallelism#worthwhile worth it}; EJML's concurrent products split the output rows, not the sums,
 * so they are bit-identical to its sequential ones. Both backends are deterministic; they round
 * differently (relative differences of order 1e-15 per element).
 */
public final class Gemm {
  /** Multiply-adds from which a product goes to the native backend, when it is loaded. */
  public static final long MIN_NATIVE_WORK = 1L << 11;

  private Gemm() {}

  /**
   * Describes the backend of this JVM: OpenBLAS's build configuration, or why products stay in pure
   * Java.
   *
   * @return a one-line description
   */
  public static String backend() {
    return NativeBlas.status().description();
  }

  /**
   * Returns whether a product of this size runs on the native backend.
   *
   * @param work the multiply-adds of the product
   * @return {@code true} when the native backend is loaded and {@code work >= MIN_NATIVE_WORK}
   * @throws IllegalStateException when {@code metriclearn4j.blas} is invalid or requires a native
   *     library that did not load
   */
  public static boolean runsNatively(long work) {
    return work >= MIN_NATIVE_WORK && NativeBlas.available();
  }

  /**
   * Computes {@code c = a b}.
   *
   * @param a the {@code n x m} left factor
   * @param b the {@code m x p} right factor
   * @param c written (reshaped to {@code n x p}): the product; neither {@code a} nor {@code b}
   * @throws IllegalArgumentException if the inner dimensions differ or {@code c} is a factor
   */
  public static void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
    product(false, false, a, b, c, runsNatively(work(false, false, a, b)));
  }

  /**
   * Computes {@code c = a^T b}.
   *
   * @param a the {@code m x n} left factor
   * @param b the {@code m x p} right factor
   * @param c written (reshaped to {@code n x p}): the product; neither {@code a} nor {@code b}
   * @throws IllegalArgumentException if the inner dimensions differ or {@code c} is a factor
   */
  public static void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
    product(true, false, a, b, c, runsNatively(work(true, false, a, b)));
  }

  /**
   * Computes {@code c = a b^T}.
   *
   * @param a the {@code n x m} left factor
   * @param b the {@code p x m} right factor
   * @param c written (reshaped to {@code n x p}): the product; neither {@code a} nor {@code b}
   * @throws IllegalArgumentException if the inner dimensions differ or {@code c} is a factor
   */
  public static void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
    product(false, true, a, b, c, runsNatively(work(false, true, a, b)));
  }

  private static long work(boolean transA, boolean transB, DMatrixRMaj a, DMatrixRMaj b) {
    long rows = transA ? a.numCols : a.numRows;
    long inner = transA ? a.numRows : a.numCols;
    long cols = transB ? b.numRows : b.numCols;
    return rows * inner * cols;
  }

  /** Computes {@code c = op(a) op(b)} on the chosen backend; package-private for tests. */
  static void product(
      boolean transA,
      boolean transB,
      DMatrixRMaj a,
      DMatrixRMaj b,
      DMatrixRMaj c,
      boolean onNative) {
    int rows = transA ? a.numCols : a.numRows;
    int inner = transA ? a.numRows : a.numCols;
    int innerB = transB ? b.numCols : b.numRows;
    int cols = transB ? b.numRows : b.numCols;
    if (inner != innerB) {
      throw new IllegalArgumentException(
          "a, b: expected equal inner dimensions of "
              + (transA ? "a^T" : "a")
              + " ("
              + rows
              + "x"
              + inner
              + ") and "
              + (transB ? "b^T" : "b")
              + " ("
              + innerB
              + "x"
              + cols
              + ")");
    }
    if (c == a || c == b) {
      throw new IllegalArgumentException("c: expected a matrix other than the factors");
    }
    c.reshape(rows, cols);
    boolean concurrent = Parallelism.worthwhile((long) rows * inner * cols);
    if (rows == 0 || cols == 0) {
      return;
    } else if (inner == 0) {
      c.zero();
    } else if (onNative) {
      NativeBlas.gemm(transA, transB, rows, cols, inner, a.data, b.data, c.data);
    } else if (transA && transB) {
      CommonOps_DDRM.multTransAB(a, b, c);
    } else if (transA) {
      if (concurrent) {
        CommonOps_MT_DDRM.multTransA(a, b, c);
      } else {
        CommonOps_DDRM.multTransA(a, b, c);
      }
    } else if (transB) {
      if (concurrent) {
        CommonOps_MT_DDRM.multTransB(a, b, c);
      } else {
        CommonOps_DDRM.multTransB(a, b, c);
      }
    } else if (concurrent) {
      CommonOps_MT_DDRM.mult(a, b, c);
    } else {
      CommonOps_DDRM.mult(a, b, c);
    }
  }
}
