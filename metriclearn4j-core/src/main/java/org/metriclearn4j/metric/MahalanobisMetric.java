package org.metriclearn4j.metric;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.metriclearn4j.distance.Distance;
import org.metriclearn4j.linalg.Gemm;
import org.metriclearn4j.linalg.Kernels;
import org.metriclearn4j.linalg.SymmetricEigen;
import org.metriclearn4j.transform.Transform;

/**
 * A fitted Mahalanobis distance {@code d_M(x, y) = sqrt((x - y)^T M (x - y))} with {@code M = L^T
 * L}, held as its components {@code L} ({@code k x d}), so that {@code d_M} is the Euclidean
 * distance after {@code x -> Lx}.
 *
 * <p>Immutable. It also records what the fit did ({@link #fitSummary()}) and where it came from
 * ({@link #provenance()}).
 */
public final class MahalanobisMetric implements Transform, Distance {
  /**
   * Relative tolerance of {@link #fromMatrix}: {@code M} is accepted as symmetric when {@code |M_ij
   * - M_ji| <= 1e-8 * max(1, max|M|)} and as PSD when its smallest eigenvalue is {@code >= -1e-8 *
   * max(1, max|lambda|)}.
   */
  public static final double MATRIX_TOLERANCE = 1e-8;

  private final DMatrixRMaj components;
  private final FitSummary fitSummary;
  private final Provenance provenance;

  private MahalanobisMetric(DMatrixRMaj components, FitSummary fitSummary, Provenance provenance) {
    this.components = components;
    this.fitSummary = fitSummary;
    this.provenance = provenance;
  }

  /**
   * Returns a metric with the given components, as learned by a learner.
   *
   * @param components {@code L}, {@code k x d} with {@code k, d >= 1}, all finite (copied)
   * @param fitSummary what the fit did
   * @param provenance where it came from
   * @return the metric
   * @throws IllegalArgumentException if {@code L} is empty or has a non-finite entry
   */
  public static MahalanobisMetric of(
      DMatrixRMaj components, FitSummary fitSummary, Provenance provenance) {
    if (components.numRows < 1 || components.numCols < 1) {
      throw new IllegalArgumentException(
          "components: expected at least 1x1, found "
              + components.numRows
              + "x"
              + components.numCols);
    }
    for (int i = 0;
        i < components.data.length && i < components.numRows * components.numCols;
        i++) {
      if (!Double.isFinite(components.data[i])) {
        throw new IllegalArgumentException(
            "components: expected finite entries, found "
                + components.data[i]
                + " at row "
                + i / components.numCols
                + ", column "
                + i % components.numCols);
      }
    }
    return new MahalanobisMetric(components.copy(), fitSummary, provenance);
  }

  /**
   * Returns the metric with components {@code L}.
   *
   * @param components {@code k} rows of length {@code d} (copied)
   * @return the metric, with provenance {@code "given"}
   */
  public static MahalanobisMetric fromComponents(double[][] components) {
    DMatrixRMaj l = Kernels.toMatrix(components);
    return of(l, FitSummary.closedForm(), Provenance.given(l.numCols));
  }

  /**
   * Returns the metric of a symmetric positive semidefinite matrix {@code M}, within {@link
   * #MATRIX_TOLERANCE}; tiny negative eigenvalues inside the tolerance are treated as zero.
   *
   * @param matrix {@code d x d}, symmetric PSD
   * @return the metric with {@code L = diag(sqrt(lambda)) V^T}
   * @throws IllegalArgumentException if {@code M} is not square, has a non-finite entry, or is not
   *     symmetric or not PSD
   */
  public static MahalanobisMetric fromMatrix(double[][] matrix) {
    DMatrixRMaj m = Kernels.toMatrix(matrix);
    int d = m.numRows;
    if (d == 0 || m.numCols != d) {
      throw new IllegalArgumentException(
          "matrix: expected a non-empty square matrix, found " + d + "x" + m.numCols);
    }
    for (int i = 0; i < d * d; i++) {
      if (!Double.isFinite(m.data[i])) {
        throw new IllegalArgumentException(
            "matrix: expected finite entries, found "
                + m.data[i]
                + " at row "
                + i / d
                + ", column "
                + i % d);
      }
    }
    double scale = Math.max(1, CommonOps_DDRM.elementMaxAbs(m));
    for (int i = 0; i < d; i++) {
      for (int j = i + 1; j < d; j++) {
        double gap = Math.abs(m.get(i, j) - m.get(j, i));
        if (!(gap <= MATRIX_TOLERANCE * scale)) {
          throw new IllegalArgumentException(
              "matrix: expected symmetric, found M["
                  + i
                  + "]["
                  + j
                  + "]="
                  + m.get(i, j)
                  + " but M["
                  + j
                  + "]["
                  + i
                  + "]="
                  + m.get(j, i));
        }
      }
    }
    SymmetricEigen eig = Kernels.symmetricEigen(m);
    double largest = Math.max(1, Math.abs(eig.values()[0]));
    double smallest = eig.values()[d - 1];
    if (smallest < -MATRIX_TOLERANCE * largest) {
      throw new IllegalArgumentException(
          "matrix: expected positive semidefinite, found eigenvalue " + smallest);
    }
    return of(Kernels.psdFactor(m), FitSummary.closedForm(), Provenance.given(d));
  }

  /**
   * Returns the Euclidean metric ({@code L = I}) on {@code dimension} features.
   *
   * @param dimension {@code d >= 1}
   * @return the identity metric
   */
  public static MahalanobisMetric identity(int dimension) {
    return of(
        CommonOps_DDRM.identity(dimension), FitSummary.closedForm(), Provenance.given(dimension));
  }

  /** Returns a copy of the components {@code L} as {@code k} rows of length {@code d}. */
  public double[][] components() {
    return Kernels.toRows(components);
  }

  /** Returns a copy of the components {@code L} as an EJML matrix. */
  public DMatrixRMaj componentsMatrix() {
    return components.copy();
  }

  /** Returns {@code M = L^T L} ({@code d x d}, symmetric PSD) as rows. */
  public double[][] matrix() {
    DMatrixRMaj m = new DMatrixRMaj(components.numCols, components.numCols);
    Gemm.multTransA(components, components, m);
    Kernels.symmetrize(m);
    return Kernels.toRows(m);
  }

  @Override
  public int inputDimension() {
    return components.numCols;
  }

  @Override
  public int outputDimension() {
    return components.numRows;
  }

  /** Returns what the fit did. */
  public FitSummary fitSummary() {
    return fitSummary;
  }

  /** Returns where this metric came from. */
  public Provenance provenance() {
    return provenance;
  }

  @Override
  public String name() {
    return "mahalanobis(" + provenance.learner() + ")";
  }

  @Override
  public double[] transform(double[] x) {
    checkLength("x", x);
    int k = components.numRows;
    int d = components.numCols;
    double[] out = new double[k];
    for (int r = 0; r < k; r++) {
      double s = 0;
      int off = r * d;
      for (int c = 0; c < d; c++) {
        s += components.data[off + c] * x[c];
      }
      out[r] = s;
    }
    return out;
  }

  @Override
  public double[][] transform(double[][] x) {
    for (int i = 0; i < x.length; i++) {
      if (x[i].length != components.numCols) {
        throw new IllegalArgumentException(
            "x: row " + i + " has " + x[i].length + " columns, expected " + components.numCols);
      }
    }
    if (x.length == 0) {
      return new double[0][];
    }
    DMatrixRMaj in = Kernels.toMatrix(x);
    DMatrixRMaj out = new DMatrixRMaj(x.length, components.numRows);
    Gemm.multTransB(in, components, out);
    return Kernels.toRows(out);
  }

  /**
   * Returns the squared distance {@code (x - y)^T M (x - y)}.
   *
   * @param x a vector of length {@code d}
   * @param y a vector of length {@code d}
   * @return the squared distance, {@code >= 0}
   */
  public double squaredDistance(double[] x, double[] y) {
    checkLength("x", x);
    checkLength("y", y);
    int k = components.numRows;
    int d = components.numCols;
    double total = 0;
    for (int r = 0; r < k; r++) {
      double s = 0;
      int off = r * d;
      for (int c = 0; c < d; c++) {
        s += components.data[off + c] * (x[c] - y[c]);
      }
      total += s * s;
    }
    return total;
  }

  @Override
  public double distance(double[] x, double[] y) {
    return Math.sqrt(squaredDistance(x, y));
  }

  /**
   * Returns the distance of each pair {@code (first[i], second[i])}.
   *
   * @param first {@code p} vectors of length {@code d}
   * @param second {@code p} vectors of length {@code d}
   * @return {@code p} distances
   */
  public double[] pairDistances(double[][] first, double[][] second) {
    if (first.length != second.length) {
      throw new IllegalArgumentException(
          "second: expected " + first.length + " rows like first, found " + second.length);
    }
    double[] out = new double[first.length];
    for (int i = 0; i < first.length; i++) {
      out[i] = distance(first[i], second[i]);
    }
    return out;
  }

  /**
   * Returns a similarity score for each pair, the negated distance, so that larger means more
   * similar (metric-learn's {@code score_pairs} convention).
   *
   * @param first {@code p} vectors of length {@code d}
   * @param second {@code p} vectors of length {@code d}
   * @return {@code p} scores, each {@code <= 0}
   */
  public double[] pairScores(double[][] first, double[][] second) {
    double[] d = pairDistances(first, second);
    for (int i = 0; i < d.length; i++) {
      d[i] = -d[i];
    }
    return d;
  }

  /**
   * Returns all distances between the rows of {@code a} and of {@code b}.
   *
   * @param a {@code n} vectors of length {@code d}
   * @param b {@code m} vectors of length {@code d}
   * @return the {@code n x m} distances
   */
  public double[][] distanceMatrix(double[][] a, double[][] b) {
    double[][] ta = transform(a);
    double[][] tb = transform(b);
    if (ta.length == 0 || tb.length == 0) {
      return new double[a.length][b.length];
    }
    DMatrixRMaj sq = Kernels.squaredDistances(Kernels.toMatrix(ta), Kernels.toMatrix(tb));
    for (int i = 0; i < sq.data.length; i++) {
      sq.data[i] = Math.sqrt(sq.data[i]);
    }
    return Kernels.toRows(sq);
  }

  private void checkLength(String argument, double[] v) {
    if (v.length != components.numCols) {
      throw new IllegalArgumentException(
          argument + ": expected length " + components.numCols + ", found " + v.length);
    }
  }

  @Override
  public String toString() {
    return "MahalanobisMetric["
        + provenance.learner()
        + ", "
        + components.numRows
        + "x"
        + components.numCols
        + ", "
        + fitSummary
        + "]";
  }
}
