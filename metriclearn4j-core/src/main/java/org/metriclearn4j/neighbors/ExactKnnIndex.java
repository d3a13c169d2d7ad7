package org.metriclearn4j.neighbors;

import org.ejml.data.DMatrixRMaj;
import org.metriclearn4j.linalg.Kernels;
import org.metriclearn4j.linalg.Parallelism;

/**
 * Exact k-nearest-neighbour search by brute force over all reference points.
 *
 * <p>Queries are processed in blocks of rows, in parallel on the common fork-join pool. For each
 * block the squared distances to every reference point are computed in the expanded form {@code
 * ||x||^2 + ||y||^2 - 2 x.y} with {@link Kernels#squaredDistancesRows}, so memory is {@code O(block
 * x n)} per running task. Because the expanded form carries rounding error proportional to the
 * squared norms, the points whose expanded distance lies within a small tolerance of the {@code
 * k}-th smallest one are re-measured directly as {@code sum_t (x_t - y_t)^2} before the final
 * ordering. The neighbours and the distances returned are therefore exactly those of a direct
 * computation: ordered by that squared distance, ties broken by the lower reference index (so
 * duplicate points tie exactly, in reference order).
 *
 * <p>Results do not depend on the number of threads. Immutable and thread-safe.
 */
public final class ExactKnnIndex implements KnnIndex {
  /**
   * Tolerance of the expanded form, relative to {@code ||x||^2 + max ||y||^2}: points whose
   * expanded squared distance is within twice this bound of the {@code k}-th smallest are
   * re-measured directly. The rounding error of the expanded form is about {@code d} units in the
   * last place of that scale, far below this for any practical dimension.
   */
  static final double RELATIVE_TOLERANCE = 1e-9;

  /** Upper bound on the number of distances held per block. */
  private static final int BLOCK_VALUES = 1 << 20;

  /** Upper bound on the number of query rows per block. */
  private static final int MAX_BLOCK_ROWS = 256;

  private final DMatrixRMaj reference;
  private final double[] norms;
  private final double maxNorm;

  private ExactKnnIndex(DMatrixRMaj reference, double[] norms) {
    this.reference = reference;
    this.norms = norms;
    double max = 0;
    for (double v : norms) {
      max = Math.max(max, v);
    }
    this.maxNorm = max;
  }

  /**
   * Builds an index over the given points.
   *
   * @param reference {@code n >= 1} rows of equal length {@code d >= 1}, all finite (copied)
   * @return the index
   * @throws IllegalArgumentException if there is no row or column, rows differ in length or a value
   *     is not finite
   */
  public static ExactKnnIndex of(double[][] reference) {
    if (reference.length == 0) {
      throw new IllegalArgumentException("reference: expected at least one row, found none");
    }
    int d = reference[0].length;
    if (d == 0) {
      throw new IllegalArgumentException("reference: expected at least one column, found none");
    }
    checkRows("reference", reference, d);
    DMatrixRMaj ref = Kernels.toMatrix(reference);
    return new ExactKnnIndex(ref, Kernels.squaredRowNorms(ref));
  }

  @Override
  public int size() {
    return reference.numRows;
  }

  @Override
  public int dimension() {
    return reference.numCols;
  }

  @Override
  public Neighbors search(double[][] queries, int k) {
    if (k < 1 || k > size()) {
      throw new IllegalArgumentException(
          "k: expected a value in [1, " + size() + "] (the index size), found " + k);
    }
    checkRows("queries", queries, dimension());
    DMatrixRMaj q = new DMatrixRMaj(queries.length, dimension());
    for (int i = 0; i < queries.length; i++) {
      System.arraycopy(queries[i], 0, q.data, i * dimension(), dimension());
    }
    return run(q, Kernels.squaredRowNorms(q), k, false);
  }

  @Override
  public Neighbors searchExcludingSelf(int k) {
    if (k < 1 || k > size() - 1) {
      throw new IllegalArgumentException(
          "k: expected a value in [1, "
              + (size() - 1)
              + "] (the index size minus the point itself), found "
              + k);
    }
    return run(reference, norms, k, true);
  }

  private Neighbors run(DMatrixRMaj queries, double[] queryNorms, int k, boolean excludeSelf) {
    int nq = queries.numRows;
    int m = reference.numRows;
    int[][] indices = new int[nq][];
    double[][] distances = new double[nq][];
    int blockRows = Math.max(1, Math.min(MAX_BLOCK_ROWS, BLOCK_VALUES / m));
    int blocks = (nq + blockRows - 1) / blockRows;
    Parallelism.blocks(blocks, (long) nq * m * Math.max(1, queries.numCols))
        .forEach(
            blk -> {
              int start = blk * blockRows;
              int end = Math.min(nq, start + blockRows);
              double[] block = new double[(end - start) * m];
              Kernels.squaredDistancesRows(
                  queries, queryNorms, reference, norms, start, end, block, 0);
              Selector selector = new Selector(m);
              for (int i = start; i < end; i++) {
                int self = excludeSelf ? i : -1;
                selector.select(queries, i, queryNorms[i], block, (i - start) * m, k, self);
                indices[i] = selector.resultIndices;
                distances[i] = selector.resultDistances;
              }
            });
    return Neighbors.of(indices, distances);
  }

  private static void checkRows(String argument, double[][] rows, int d) {
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != d) {
        throw new IllegalArgumentException(
            argument + ": row " + i + " has " + rows[i].length + " columns, expected " + d);
      }
      for (int j = 0; j < d; j++) {
        if (!Double.isFinite(rows[i][j])) {
          throw new IllegalArgumentException(
              argument
                  + ": expected finite values, found "
                  + rows[i][j]
                  + " at row "
                  + i
                  + ", column "
                  + j);
        }
      }
    }
  }

  /** Per-task scratch space that selects the neighbours of one query row at a time. */
  private final class Selector {
    private final double[] scratch;
    private final int[] candidates;
    private final double[] candidateDistances;
    private final int[] sortIndex;
    private final double[] sortKey;
    private int[] resultIndices = new int[0];
    private double[] resultDistances = new double[0];

    Selector(int m) {
      scratch = new double[m];
      candidates = new int[m];
      candidateDistances = new double[m];
      sortIndex = new int[m];
      sortKey = new double[m];
    }

    void select(
        DMatrixRMaj queries,
        int row,
        double queryNorm,
        double[] block,
        int offset,
        int k,
        int self) {
      int m = reference.numRows;
      // 1. the k-th smallest expanded squared distance
      int count = 0;
      for (int j = 0; j < m; j++) {
        if (j != self) {
          scratch[count++] = block[offset + j];
        }
      }
      double kth = Selection.kthSmallest(scratch, count, k - 1);
      // 2. every point that may belong to the k nearest once measured exactly
      double limit = kth + 2 * RELATIVE_TOLERANCE * (queryNorm + maxNorm);
      int d = reference.numCols;
      double[] qd = queries.data;
      double[] rd = reference.data;
      int qo = row * d;
      int c = 0;
      for (int j = 0; j < m; j++) {
        if (j != self && block[offset + j] <= limit) {
          int ro = j * d;
          double s = 0;
          for (int t = 0; t < d; t++) {
            double diff = qd[qo + t] - rd[ro + t];
            s += diff * diff;
          }
          candidates[c] = j;
          candidateDistances[c] = s;
          c++;
        }
      }
      // 3. order by exact squared distance; candidates are in increasing index order and the sort
      // is stable, so ties go to the lower index
      Selection.stableSortByKey(candidateDistances, candidates, c, sortKey, sortIndex);
      resultIndices = new int[k];
      resultDistances = new double[k];
      System.arraycopy(candidates, 0, resultIndices, 0, k);
      System.arraycopy(candidateDistances, 0, resultDistances, 0, k);
    }
  }
}
