package org.metriclearn4j.linalg;

import java.util.Locale;
import org.bytedeco.openblas.global.openblas_full;
import org.jspecify.annotations.Nullable;

/**
 * OpenBLAS's {@code dgemm}, through the optional {@code org.bytedeco:openblas} dependency, on the
 * calling thread. It is loaded once, on first use, and only when the system property {@value
 * #PROPERTY} allows it: {@code auto} (the default) uses OpenBLAS when its classes and the native
 * library for this platform load and falls back to pure Java otherwise, {@code java} never loads
 * it, {@code native} requires it.
 *
 * <p>OpenBLAS runs single-threaded: its own worker threads would spin beside the fork-join pool
 * that the blocked kernels already use, and a product's CPU time would no longer be its work.
 */
final class NativeBlas {
  /** The system property that chooses the backend: {@code auto}, {@code native} or {@code java}. */
  static final String PROPERTY = "metriclearn4j.blas";

  private NativeBlas() {}

  /**
   * What the backend choice came to.
   *
   * @param available whether {@link #gemm} may be called
   * @param description the backend in use and why, for logs and benchmark reports
   * @param failure when the property asks for something impossible: the message of the error that
   *     every product then throws; {@code null} otherwise
   */
  record Status(boolean available, String description, @Nullable String failure) {}

  /** Loads the backend at most once, when first asked. */
  private static final class Holder {
    private static final Status STATUS = load(System.getProperty(PROPERTY, "auto"));
  }

  /**
   * Returns the backend choice of this JVM.
   *
   * @return the status, loaded on the first call
   */
  static Status status() {
    return Holder.STATUS;
  }

  /**
   * Returns whether native products are available.
   *
   * @return {@code true} when {@link #gemm} may be called
   * @throws IllegalStateException when {@value #PROPERTY} is invalid or requires a native library
   *     that did not load
   */
  static boolean available() {
    Status status = status();
    String failure = status.failure();
    if (failure != null) {
      throw new IllegalStateException(failure);
    }
    return status.available();
  }

  static Status load(String choice) {
    String normalised = choice.trim().toLowerCase(Locale.ROOT);
    switch (normalised) {
      case "java":
        return new Status(false, "EJML, pure Java (-D" + PROPERTY + "=java)", null);
      case "auto":
      case "native":
        try {
          openblas_full.openblas_set_num_threads(1);
          String config = openblas_full.openblas_get_config().getString().trim();
          return new Status(true, config + ", 1 thread", null);
        } catch (LinkageError | RuntimeException e) {
          String reason = "OpenBLAS did not load (" + e + ")";
          if (normalised.equals("native")) {
            return new Status(
                false,
                reason,
                "-D"
                    + PROPERTY
                    + "=native: "
                    + reason
                    + "; put org.bytedeco:openblas with the classifier of this platform on the"
                    + " class path, or use -D"
                    + PROPERTY
                    + "=auto");
          }
          return new Status(false, "EJML, pure Java: " + reason, null);
        }
      default:
        return new Status(
            false,
            "invalid " + PROPERTY,
            "-D" + PROPERTY + ": expected auto, native or java, found '" + choice + "'");
    }
  }

  /**
   * Computes {@code c = op(a) op(b)} for row-major arrays, where {@code op} transposes when asked.
   *
   * @param transA whether {@code a} is stored {@code k x m} and used transposed
   * @param transB whether {@code b} is stored {@code n x k} and used transposed
   * @param m rows of the product, {@code >= 1}
   * @param n columns of the product, {@code >= 1}
   * @param k the inner dimension, {@code >= 1}
   * @param a the left factor, {@code m x k} (or {@code k x m} when {@code transA})
   * @param b the right factor, {@code k x n} (or {@code n x k} when {@code transB})
   * @param c written: the {@code m x n} product, at least {@code m n} long
   */
  static void gemm(
      boolean transA, boolean transB, int m, int n, int k, double[] a, double[] b, double[] c) {
    openblas_full.cblas_dgemm(
        openblas_full.CblasRowMajor,
        transA ? openblas_full.CblasTrans : openblas_full.CblasNoTrans,
        transB ? openblas_full.CblasTrans : openblas_full.CblasNoTrans,
        m,
        n,
        k,
        1.0,
        a,
        transA ? m : k,
        b,
        transB ? k : n,
        0.0,
        c,
        n);
  }

  /**
   * Decomposes a symmetric matrix with LAPACK's {@code dsyevd} (divide and conquer).
   *
   * @param a the row-major {@code d x d} matrix (upper triangle read); overwritten with the
   *     orthonormal eigenvectors as columns
   * @param d the order, {@code >= 1}
   * @param values written: the {@code d} eigenvalues in ascending order
   * @throws IllegalStateException if LAPACK reports a failure
   */
  static void symmetricEigen(double[] a, int d, double[] values) {
    int info =
        openblas_full.LAPACKE_dsyevd(
            openblas_full.LAPACK_ROW_MAJOR, (byte) 'V', (byte) 'U', d, a, d, values);
    if (info != 0) {
      throw new IllegalStateException(
          "symmetric eigen-decomposition (LAPACK dsyevd) failed with info = " + info);
    }
  }
}
