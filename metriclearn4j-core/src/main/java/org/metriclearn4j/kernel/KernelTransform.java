package org.metriclearn4j.kernel;

import org.ejml.data.DMatrixRMaj;
import org.jspecify.annotations.Nullable;
import org.metriclearn4j.linalg.Gemm;
import org.metriclearn4j.linalg.Kernels;
import org.metriclearn4j.transform.Transform;

/**
 * A fitted kernel expansion {@code x -> A^T c(k(x))}: the kernel values {@code k(x) = (k(x, b_1),
 * ..., k(x, b_m))} of a new point against {@code m} stored basis points (the training points),
 * optionally centred as the training kernel matrix was, then projected on the {@code m x r}
 * coefficients {@code A}. The fitted form of {@link KernelPca} (centred) and of {@code KernelLfda}
 * (uncentred). Immutable; holds everything it needs to map new points.
 *
 * <p>Centring, with {@code colMeans_j} the mean of column {@code j} of the training kernel matrix
 * and {@code totalMean} the mean of all its entries, is {@code c(k)_j = k_j - colMeans_j - mean(k)
 * + totalMean}: the kernel of the point minus the feature-space mean of the training points against
 * every centred basis point (Schölkopf, Smola and Müller 1998, appendix).
 */
public final class KernelTransform implements Transform {
  /** Rows of new points transformed per kernel-matrix block (memory {@code block x m}). */
  private static final int BLOCK_ROWS = 1024;

  private final String kind;
  private final Kernel kernel;
  private final DMatrixRMaj basis;
  private final DMatrixRMaj coefficients;
  private final double @Nullable [] columnMeans;
  private final double totalMean;

  private KernelTransform(
      String kind,
      Kernel kernel,
      DMatrixRMaj basis,
      DMatrixRMaj coefficients,
      double @Nullable [] columnMeans,
      double totalMean) {
    this.kind = kind;
    this.kernel = kernel;
    this.basis = basis;
    this.coefficients = coefficients;
    this.columnMeans = columnMeans;
    this.totalMean = totalMean;
  }

  /**
   * Returns an uncentred expansion {@code x -> A^T k(x)}.
   *
   * @param kind what produced it, for example {@code "kernel-lfda"}; kept in model files
   * @param kernel the kernel
   * @param basis the {@code m x d} basis points, finite (copied)
   * @param coefficients {@code A}, {@code m x r} with {@code r >= 1}, finite (copied)
   * @return the transform
   * @throws IllegalArgumentException if shapes disagree or a value is not finite
   */
  public static KernelTransform uncentred(
      String kind, Kernel kernel, double[][] basis, double[][] coefficients) {
    DMatrixRMaj b = Kernels.toMatrix(checkRows("basis", basis));
    DMatrixRMaj a = Kernels.toMatrix(checkRows("coefficients", coefficients));
    checkShapes(b, a);
    return new KernelTransform(kind, kernel, b, a, null, 0);
  }

  /**
   * Returns a centred expansion {@code x -> A^T c(k(x))} (see the class comment).
   *
   * @param kind what produced it, for example {@code "kernel-pca"}; kept in model files
   * @param kernel the kernel
   * @param basis the {@code m x d} basis points, finite (copied)
   * @param coefficients {@code A}, {@code m x r} with {@code r >= 1}, finite (copied)
   * @param columnMeans the {@code m} column means of the training kernel matrix (copied)
   * @param totalMean the mean of all entries of the training kernel matrix
   * @return the transform
   * @throws IllegalArgumentException if shapes disagree or a value is not finite
   */
  public static KernelTransform centred(
      String kind,
      Kernel kernel,
      double[][] basis,
      double[][] coefficients,
      double[] columnMeans,
      double totalMean) {
    DMatrixRMaj b = Kernels.toMatrix(checkRows("basis", basis));
    DMatrixRMaj a = Kernels.toMatrix(checkRows("coefficients", coefficients));
    checkShapes(b, a);
    if (columnMeans.length != b.numRows) {
      throw new IllegalArgumentException(
          "columnMeans: expected " + b.numRows + " values, found " + columnMeans.length);
    }
    for (double v : columnMeans) {
      checkFinite("columnMeans", v);
    }
    checkFinite("totalMean", totalMean);
    return new KernelTransform(kind, kernel, b, a, columnMeans.clone(), totalMean);
  }

  static KernelTransform ofMatrices(
      String kind,
      Kernel kernel,
      DMatrixRMaj basis,
      DMatrixRMaj coefficients,
      double @Nullable [] columnMeans,
      double totalMean) {
    checkShapes(basis, coefficients);
    for (double v : coefficients.data) {
      checkFinite("coefficients", v);
    }
    return new KernelTransform(
        kind,
        kernel,
        basis.copy(),
        coefficients.copy(),
        columnMeans == null ? null : columnMeans.clone(),
        totalMean);
  }

  /** Returns what produced this transform, for example {@code "kernel-pca"}. */
  public String kind() {
    return kind;
  }

  /** Returns the kernel. */
  public Kernel kernel() {
    return kernel;
  }

  /** Returns a copy of the {@code m x d} basis points. */
  public double[][] basis() {
    return Kernels.toRows(basis);
  }

  /** Returns a copy of the {@code m x r} coefficients {@code A}. */
  public double[][] coefficients() {
    return Kernels.toRows(coefficients);
  }

  /** Returns whether new kernel rows are centred with the training statistics. */
  public boolean isCentred() {
    return columnMeans != null;
  }

  /**
   * Returns a copy of the training kernel matrix's column means, or an empty array if uncentred.
   */
  public double[] columnMeans() {
    return columnMeans == null ? new double[0] : columnMeans.clone();
  }

  /** Returns the mean of the training kernel matrix (0 if uncentred). */
  public double totalMean() {
    return totalMean;
  }

  @Override
  public int inputDimension() {
    return basis.numCols;
  }

  @Override
  public int outputDimension() {
    return coefficients.numCols;
  }

  @Override
  public double[] transform(double[] x) {
    return transform(new double[][] {x})[0];
  }

  @Override
  public double[][] transform(double[][] x) {
    int d = basis.numCols;
    for (int i = 0; i < x.length; i++) {
      if (x[i].length != d) {
        throw new IllegalArgumentException(
            "x: row " + i + " has " + x[i].length + " columns, expected " + d);
      }
    }
    double[][] out = new double[x.length][];
    for (int start = 0; start < x.length; start += BLOCK_ROWS) {
      int end = Math.min(x.length, start + BLOCK_ROWS);
      DMatrixRMaj block = new DMatrixRMaj(end - start, d);
      for (int i = start; i < end; i++) {
        System.arraycopy(x[i], 0, block.data, (i - start) * d, d);
      }
      DMatrixRMaj k = kernel.matrix(block, basis);
      centre(k);
      DMatrixRMaj projected = new DMatrixRMaj(end - start, coefficients.numCols);
      Gemm.mult(k, coefficients, projected);
      double[][] rows = Kernels.toRows(projected);
      System.arraycopy(rows, 0, out, start, rows.length);
    }
    return out;
  }

  /** Centres kernel rows against the basis in place (no-op if uncentred). */
  private void centre(DMatrixRMaj k) {
    double[] means = columnMeans;
    if (means == null) {
      return;
    }
    int m = k.numCols;
    for (int i = 0; i < k.numRows; i++) {
      int off = i * m;
      double rowMean = 0;
      for (int j = 0; j < m; j++) {
        rowMean += k.data[off + j];
      }
      rowMean /= m;
      for (int j = 0; j < m; j++) {
        k.data[off + j] += totalMean - means[j] - rowMean;
      }
    }
  }

  @Override
  public String toString() {
    return "KernelTransform["
        + kind
        + ", "
        + kernel.name()
        + ", "
        + basis.numRows
        + " basis points, "
        + basis.numCols
        + " -> "
        + coefficients.numCols
        + (isCentred() ? ", centred" : "")
        + "]";
  }

  private static double[][] checkRows(String argument, double[][] rows) {
    if (rows.length == 0 || rows[0].length == 0) {
      throw new IllegalArgumentException(argument + ": expected a non-empty matrix, found none");
    }
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != rows[0].length) {
        throw new IllegalArgumentException(
            argument
                + ": row "
                + i
                + " has "
                + rows[i].length
                + " columns, expected "
                + rows[0].length);
      }
      for (double v : rows[i]) {
        checkFinite(argument, v);
      }
    }
    return rows;
  }

  private static void checkShapes(DMatrixRMaj basis, DMatrixRMaj coefficients) {
    if (coefficients.numRows != basis.numRows || coefficients.numCols < 1) {
      throw new IllegalArgumentException(
          "coefficients: expected "
              + basis.numRows
              + " rows (one per basis point) and at least one column, found "
              + coefficients.numRows
              + "x"
              + coefficients.numCols);
    }
  }

  private static void checkFinite(String argument, double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(argument + ": expected finite values, found " + v);
    }
  }
}
