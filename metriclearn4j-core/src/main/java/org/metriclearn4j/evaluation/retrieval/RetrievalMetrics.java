package org.metriclearn4j.evaluation.retrieval;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.ejml.data.DMatrixRMaj;
import org.metriclearn4j.linalg.Kernels;
import org.metriclearn4j.linalg.Parallelism;

/**
 * Exact retrieval metrics of labelled embeddings: each query ranks all references by distance, and
 * the references that share its label are the relevant ones.
 *
 * <p>For a query with {@code R} relevant references whose (1-based) ranks are {@code r_1 < r_2 <
 * ... < r_R} in the ranking of all references:
 *
 * <ul>
 *   <li><b>Precision@1</b>: 1 if {@code r_1 = 1}, else 0.
 *   <li><b>R-Precision</b>: the fraction of the first {@code R} references that are relevant.
 *   <li><b>MAP@R</b> (K. Musgrave, S. Belongie, S.-N. Lim, "A Metric Learning Reality Check", ECCV
 *       2020): {@code (1/R) sum_{i=1..R} P(i) rel(i)}, where {@code P(i)} is the precision of the
 *       first {@code i} references and {@code rel(i)} whether the {@code i}-th is relevant;
 *       equivalently {@code (1/R) sum_{k: r_k <= R} k / r_k}. Unlike R-Precision it rewards
 *       relevant references ranked first within the top {@code R}.
 *   <li><b>MAP</b> (average precision over the full ranking): {@code (1/R) sum_{k=1..R} k / r_k}.
 *   <li><b>MRR</b>: {@code 1 / r_1}.
 *   <li><b>Recall@K</b>, as in deep metric learning (H. O. Song et al., "Deep Metric Learning via
 *       Lifted Structured Feature Embedding", CVPR 2016): 1 if {@code r_1 <= K}, else 0.
 * </ul>
 *
 * Each is averaged over the queries. A query with no relevant reference is left out of every
 * average and counted in {@link RetrievalReport#skippedQueries()}. When the queries are the
 * references ({@code queryIsReference}), a query is never its own result. References at equal
 * distance are ranked by their index, so results are exact and deterministic.
 *
 * <p>Distances come from {@link Kernels#squaredDistancesRows} in blocks of query rows, so memory
 * stays at {@code O(block * m)} for {@code m} references, never {@code n x m}; blocks run in
 * parallel, and every query's scores are computed by one task and summed in query order, so the
 * result does not depend on the number of threads. Cost: {@code O(n m (d + log m))}. Defaults:
 * Euclidean distance, Recall@K for {@code K = 1, 2, 4, 8}, automatic block size (about 2 million
 * distances per block).
 */
public final class RetrievalMetrics {
  /** The default {@code K} of Recall@K. */
  private static final int[] DEFAULT_RECALL_AT = {1, 2, 4, 8};

  /** Distances per block when the block size is automatic. */
  private static final int AUTO_BLOCK_VALUES = 1 << 21;

  private final EmbeddingDistance distance;
  private final int[] recallAt;
  private final int blockRows;

  private RetrievalMetrics(Builder builder) {
    this.distance = builder.distance;
    this.recallAt = builder.recallAt.clone();
    this.blockRows = builder.blockRows;
  }

  /** {@return a builder with the defaults: Euclidean, Recall@1, 2, 4, 8, automatic blocks} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Evaluates with Recall@1, 2, 4, 8 and automatic blocks.
   *
   * @param queryEmbeddings {@code n} query rows of equal length {@code d}, finite
   * @param queryLabels {@code n} labels (any integers)
   * @param referenceEmbeddings {@code m} reference rows of length {@code d}, finite
   * @param referenceLabels {@code m} labels
   * @param queryIsReference true if the queries are the references (same rows, same order); each
   *     query is then excluded from its own ranking
   * @param distance how embeddings are compared
   * @return the averaged scores
   * @throws IllegalArgumentException if shapes disagree, a value is not finite, {@code
   *     queryIsReference} is true but the arrays differ, or no query has a relevant reference
   */
  public static RetrievalReport evaluate(
      double[][] queryEmbeddings,
      int[] queryLabels,
      double[][] referenceEmbeddings,
      int[] referenceLabels,
      boolean queryIsReference,
      EmbeddingDistance distance) {
    return builder()
        .distance(distance)
        .build()
        .evaluate(
            queryEmbeddings, queryLabels, referenceEmbeddings, referenceLabels, queryIsReference);
  }

  /** {@return how embeddings are compared} */
  public EmbeddingDistance distance() {
    return distance;
  }

  /** {@return the {@code K} of Recall@K, ascending} */
  public int[] recallAt() {
    return recallAt.clone();
  }

  /**
   * Evaluates one set of embeddings against itself: every sample is a query, the other samples are
   * its references.
   *
   * @param embeddings {@code n} rows of equal length, finite
   * @param labels {@code n} labels
   * @return the averaged scores
   * @throws IllegalArgumentException if shapes disagree, a value is not finite or no label occurs
   *     twice
   */
  public RetrievalReport evaluate(double[][] embeddings, int[] labels) {
    return evaluate(embeddings, labels, embeddings, labels, true);
  }

  /**
   * Evaluates queries against references.
   *
   * @param queryEmbeddings {@code n} query rows of equal length {@code d}, finite
   * @param queryLabels {@code n} labels (any integers)
   * @param referenceEmbeddings {@code m} reference rows of length {@code d}, finite
   * @param referenceLabels {@code m} labels
   * @param queryIsReference true if the queries are the references (same rows, same order); each
   *     query is then excluded from its own ranking
   * @return the averaged scores
   * @throws IllegalArgumentException if shapes disagree, a value is not finite, {@code
   *     queryIsReference} is true but the arrays differ, or no query has a relevant reference
   */
  public RetrievalReport evaluate(
      double[][] queryEmbeddings,
      int[] queryLabels,
      double[][] referenceEmbeddings,
      int[] referenceLabels,
      boolean queryIsReference) {
    int d = checkRows(queryEmbeddings, queryLabels, "queryEmbeddings", "queryLabels", -1);
    checkRows(referenceEmbeddings, referenceLabels, "referenceEmbeddings", "referenceLabels", d);
    int n = queryEmbeddings.length;
    int m = referenceEmbeddings.length;
    if (queryIsReference) {
      checkSame(queryEmbeddings, queryLabels, referenceEmbeddings, referenceLabels);
    }
    DMatrixRMaj a = prepare(queryEmbeddings, "queryEmbeddings");
    DMatrixRMaj b = queryIsReference ? a : prepare(referenceEmbeddings, "referenceEmbeddings");
    double[] aNorms = checkedNorms(a, "queryEmbeddings");
    double[] bNorms = queryIsReference ? aNorms : checkedNorms(b, "referenceEmbeddings");

    Map<Integer, Integer> referenceCounts = new HashMap<>();
    for (int label : referenceLabels) {
      referenceCounts.merge(label, 1, Integer::sum);
    }
    int[] relevant = new int[n];
    for (int i = 0; i < n; i++) {
      relevant[i] = referenceCounts.getOrDefault(queryLabels[i], 0) - (queryIsReference ? 1 : 0);
    }

    int rows = blockRows > 0 ? blockRows : Math.max(1, Math.min(n, AUTO_BLOCK_VALUES / m));
    int blocks = (n + rows - 1) / rows;
    QueryScores scores = new QueryScores(n, recallAt.length);
    Parallelism.blocks(blocks, (long) n * m * Math.max(1, a.numCols))
        .forEach(
            blk -> {
              int start = blk * rows;
              int end = Math.min(n, start + rows);
              double[] block = new double[(end - start) * m];
              Kernels.squaredDistancesRows(a, aNorms, b, bNorms, start, end, block, 0);
              Scratch scratch = new Scratch(m);
              for (int i = start; i < end; i++) {
                if (relevant[i] > 0) {
                  scoreQuery(
                      block,
                      (i - start) * m,
                      m,
                      queryIsReference ? i : -1,
                      queryLabels[i],
                      referenceLabels,
                      relevant[i],
                      scratch,
                      scores,
                      i);
                }
              }
            });
    return summarise(scores, relevant);
  }

  /** Ranks one query's references and stores its scores at {@code query}. */
  private void scoreQuery(
      double[] distances,
      int offset,
      int m,
      int self,
      int label,
      int[] referenceLabels,
      int r,
      Scratch scratch,
      QueryScores scores,
      int query) {
    double[] sorted = scratch.sorted;
    System.arraycopy(distances, offset, sorted, 0, m);
    if (self >= 0) {
      sorted[self] = Double.POSITIVE_INFINITY; // excluded: sorts after every finite distance
    }
    Arrays.sort(sorted);
    int[] seen = scratch.seen;
    Arrays.fill(seen, 0);
    int[] ranks = scratch.ranks;
    int found = 0;
    for (int j = 0; j < m; j++) {
      if (j == self) {
        continue;
      }
      int first = lowerBound(sorted, distances[offset + j]);
      int rank = first + seen[first]++; // ties ranked by reference index
      if (referenceLabels[j] == label) {
        ranks[found++] = rank;
      }
    }
    Arrays.sort(ranks, 0, found);
    double inTopR = 0;
    double precisionSumAtR = 0;
    double precisionSum = 0;
    for (int k = 0; k < found; k++) {
      double precision = (k + 1.0) / (ranks[k] + 1.0);
      precisionSum += precision;
      if (ranks[k] < r) {
        inTopR++;
        precisionSumAtR += precision;
      }
    }
    int firstRank = ranks[0];
    scores.precisionAt1[query] = firstRank == 0 ? 1 : 0;
    scores.rPrecision[query] = inTopR / r;
    scores.mapAtR[query] = precisionSumAtR / r;
    scores.averagePrecision[query] = precisionSum / r;
    scores.reciprocalRank[query] = 1.0 / (firstRank + 1);
    for (int t = 0; t < recallAt.length; t++) {
      scores.hitAtK[t][query] = firstRank < recallAt[t];
    }
  }

  private RetrievalReport summarise(QueryScores scores, int[] relevant) {
    int n = relevant.length;
    int used = 0;
    double p1 = 0;
    double rp = 0;
    double mapr = 0;
    double map = 0;
    double mrr = 0;
    int[] hits = new int[recallAt.length];
    for (int i = 0; i < n; i++) {
      if (relevant[i] <= 0) {
        continue;
      }
      used++;
      p1 += scores.precisionAt1[i];
      rp += scores.rPrecision[i];
      mapr += scores.mapAtR[i];
      map += scores.averagePrecision[i];
      mrr += scores.reciprocalRank[i];
      for (int t = 0; t < recallAt.length; t++) {
        hits[t] += scores.hitAtK[t][i] ? 1 : 0;
      }
    }
    if (used == 0) {
      throw new IllegalArgumentException(
          "queryLabels: expected at least one query whose label occurs among the references"
              + " (other than the query itself), found none of "
              + n);
    }
    SortedMap<Integer, Double> recall = new TreeMap<>();
    for (int t = 0; t < recallAt.length; t++) {
      recall.put(recallAt[t], (double) hits[t] / used);
    }
    return new RetrievalReport(
        used, n - used, p1 / used, rp / used, mapr / used, map / used, mrr / used, recall);
  }

  /** {@return the first index of {@code sorted} whose value is not below {@code value}} */
  private static int lowerBound(double[] sorted, double value) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static int checkRows(
      double[][] rows, int[] labels, String name, String labelName, int dimension) {
    if (rows.length == 0) {
      throw new IllegalArgumentException(name + ": expected at least one row, found none");
    }
    if (labels.length != rows.length) {
      throw new IllegalArgumentException(
          labelName
              + ": expected "
              + rows.length
              + " labels (one per row), found "
              + labels.length);
    }
    int d = dimension >= 0 ? dimension : rows[0].length;
    if (d == 0) {
      throw new IllegalArgumentException(name + ": expected at least one column, found none");
    }
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != d) {
        throw new IllegalArgumentException(
            name + ": expected rows of length " + d + ", found " + rows[i].length + " at row " + i);
      }
      for (int j = 0; j < d; j++) {
        if (!Double.isFinite(rows[i][j])) {
          throw new IllegalArgumentException(
              name
                  + ": expected finite values, found "
                  + rows[i][j]
                  + " at row "
                  + i
                  + ", column "
                  + j);
        }
      }
    }
    return d;
  }

  private static void checkSame(
      double[][] queries, int[] queryLabels, double[][] references, int[] referenceLabels) {
    if (queries.length != references.length) {
      throw new IllegalArgumentException(
          "referenceEmbeddings: queryIsReference is true, so expected the "
              + queries.length
              + " query rows, found "
              + references.length
              + " rows");
    }
    for (int i = 0; i < queries.length; i++) {
      if (queryLabels[i] != referenceLabels[i] || !Arrays.equals(queries[i], references[i])) {
        throw new IllegalArgumentException(
            "referenceEmbeddings, referenceLabels: queryIsReference is true, so expected the"
                + " query rows and labels, found a difference at row "
                + i);
      }
    }
  }

  private DMatrixRMaj prepare(double[][] rows, String name) {
    DMatrixRMaj x = Kernels.toMatrix(rows);
    if (distance == EmbeddingDistance.COSINE) {
      int d = x.numCols;
      for (int i = 0; i < x.numRows; i++) {
        double max = 0;
        for (int j = 0; j < d; j++) {
          max = Math.max(max, Math.abs(x.data[i * d + j]));
        }
        if (max == 0) {
          throw new IllegalArgumentException(
              name + ": expected non-zero rows for the cosine distance, found a zero row at " + i);
        }
        double s = 0;
        for (int j = 0; j < d; j++) {
          double v = x.data[i * d + j] / max;
          s += v * v;
        }
        double norm = max * Math.sqrt(s);
        for (int j = 0; j < d; j++) {
          x.data[i * d + j] /= norm;
        }
      }
    }
    return x;
  }

  private static double[] checkedNorms(DMatrixRMaj x, String name) {
    double[] norms = Kernels.squaredRowNorms(x);
    for (int i = 0; i < norms.length; i++) {
      if (!Double.isFinite(norms[i])) {
        throw new IllegalArgumentException(
            name + ": expected rows whose squared norm is finite, found an overflow at row " + i);
      }
    }
    return norms;
  }

  /** Per-query scores, each slot written by exactly one task. */
  private static final class QueryScores {
    final double[] precisionAt1;
    final double[] rPrecision;
    final double[] mapAtR;
    final double[] averagePrecision;
    final double[] reciprocalRank;
    final boolean[][] hitAtK;

    QueryScores(int n, int ks) {
      precisionAt1 = new double[n];
      rPrecision = new double[n];
      mapAtR = new double[n];
      averagePrecision = new double[n];
      reciprocalRank = new double[n];
      hitAtK = new boolean[ks][n];
    }
  }

  /** Work arrays of one block. */
  private static final class Scratch {
    final double[] sorted;
    final int[] seen;
    final int[] ranks;

    Scratch(int m) {
      sorted = new double[m];
      seen = new int[m];
      ranks = new int[m];
    }
  }

  /** Builds {@link RetrievalMetrics}; defaults: Euclidean, Recall@1, 2, 4, 8, automatic blocks. */
  public static final class Builder {
    private EmbeddingDistance distance = EmbeddingDistance.EUCLIDEAN;
    private int[] recallAt = DEFAULT_RECALL_AT.clone();
    private int blockRows;

    private Builder() {}

    /**
     * Sets how embeddings are compared (default {@link EmbeddingDistance#EUCLIDEAN}).
     *
     * @param distance Euclidean or cosine
     * @return this builder
     */
    public Builder distance(EmbeddingDistance distance) {
      this.distance = distance;
      return this;
    }

    /**
     * Sets the {@code K} of Recall@K (default 1, 2, 4, 8); duplicates are merged.
     *
     * @param ks at least one value, each at least 1
     * @return this builder
     */
    public Builder recallAt(int... ks) {
      this.recallAt = ks.clone();
      return this;
    }

    /**
     * Sets how many queries are ranked per block (default automatic: about 2 million distances per
     * block). Memory is {@code O(blockRows * m)}; the result does not depend on it.
     *
     * @param blockRows at least 1
     * @return this builder
     */
    public Builder blockRows(int blockRows) {
      if (blockRows < 1) {
        throw new IllegalArgumentException("blockRows: expected at least 1, found " + blockRows);
      }
      this.blockRows = blockRows;
      return this;
    }

    /**
     * Validates the settings and returns the evaluator.
     *
     * @return the evaluator
     * @throws IllegalArgumentException if no {@code K} is given or one is below 1
     */
    public RetrievalMetrics build() {
      if (recallAt.length == 0) {
        throw new IllegalArgumentException("recallAt: expected at least one K, found none");
      }
      for (int k : recallAt) {
        if (k < 1) {
          throw new IllegalArgumentException("recallAt: expected every K >= 1, found " + k);
        }
      }
      recallAt = Arrays.stream(recallAt).distinct().sorted().toArray();
      return new RetrievalMetrics(this);
    }
  }
}
