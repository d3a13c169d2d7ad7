package org.metriclearn4j.deep.train;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.metriclearn4j.deep.data.TensorDataset;
import org.metriclearn4j.linalg.Kernels;

/**
 * Retrieval metrics of a held-out set used as both queries and references, each query excluded from
 * its own results, with exact Euclidean search on L2-normalised embeddings (the protocol of
 * Musgrave, Belongie and Lim, "A Metric Learning Reality Check", ECCV 2020, as implemented by
 * pytorch-metric-learning's {@code AccuracyCalculator}). For a query with {@code R} other
 * references of its class:
 *
 * <ul>
 *   <li>{@value #PRECISION_AT_1}: 1 if the nearest reference has the query's class;
 *   <li>{@value #R_PRECISION}: the fraction of the {@code R} nearest references of its class;
 *   <li>{@value #MAP_AT_R}: {@code (1/R) sum_{i<=R} P(i) rel(i)}, with {@code P(i)} the precision
 *       of the {@code i} nearest and {@code rel(i)} whether the {@code i}-th has the query's class.
 * </ul>
 *
 * <p>Each is averaged over the queries that have at least one other reference of their class. Ties
 * in distance are broken by reference index.
 */
public final class RetrievalEvaluator implements EpochEvaluator {
  /** Name of precision at 1: {@value}. */
  public static final String PRECISION_AT_1 = "precision_at_1";

  /** Name of R-precision: {@value}. */
  public static final String R_PRECISION = "r_precision";

  /** Name of mean average precision at R: {@value}. */
  public static final String MAP_AT_R = "map_at_r";

  private final TensorDataset data;

  private RetrievalEvaluator(TensorDataset data) {
    this.data = data;
  }

  /**
   * Measures retrieval on a held-out set.
   *
   * @param data the held-out samples, at least one class with two samples
   * @return the evaluator
   * @throws IllegalArgumentException if no class has two samples
   */
  public static RetrievalEvaluator of(TensorDataset data) {
    int[] counts = new int[data.numClasses()];
    for (int label : data.labels()) {
      counts[label]++;
    }
    if (Arrays.stream(counts).noneMatch(c -> c >= 2)) {
      throw new IllegalArgumentException(
          "data: expected a class with at least two samples, found none");
    }
    return new RetrievalEvaluator(data);
  }

  /**
   * The three retrieval metrics, each in {@code [0, 1]}.
   *
   * @param precisionAt1 precision at 1
   * @param rPrecision R-precision
   * @param mapAtR mean average precision at R
   */
  public record Scores(double precisionAt1, double rPrecision, double mapAtR) {
    /**
     * Returns the metrics by their names.
     *
     * @return {@value #PRECISION_AT_1}, {@value #R_PRECISION}, {@value #MAP_AT_R}, in this order
     */
    public Map<String, Double> asMap() {
      Map<String, Double> out = new LinkedHashMap<>();
      out.put(PRECISION_AT_1, precisionAt1);
      out.put(R_PRECISION, rPrecision);
      out.put(MAP_AT_R, mapAtR);
      return out;
    }
  }

  @Override
  public Map<String, Double> evaluate(Embedder embedder) {
    return score(embedder.embed(data), data.labels()).asMap();
  }

  /**
   * Scores embeddings (or raw features) directly.
   *
   * @param embeddings one row per sample, all of one length
   * @param labels one class per sample
   * @return the three metrics
   * @throws IllegalArgumentException if the lengths differ or no class has two samples
   */
  public static Scores score(float[][] embeddings, int[] labels) {
    int n = embeddings.length;
    if (labels.length != n) {
      throw new IllegalArgumentException(
          "labels: expected " + n + " (one per embedding), found " + labels.length);
    }
    double[][] rows = new double[n][];
    for (int i = 0; i < n; i++) {
      double norm = 0;
      for (float v : embeddings[i]) {
        norm += (double) v * v;
      }
      double scale = 1.0 / Math.max(Math.sqrt(norm), 1e-12);
      rows[i] = new double[embeddings[i].length];
      for (int j = 0; j < rows[i].length; j++) {
        rows[i][j] = embeddings[i][j] * scale;
      }
    }
    DMatrixRMaj x = Kernels.toMatrix(rows);
    DMatrixRMaj d = Kernels.squaredDistances(x, x);
    int maxLabel = Arrays.stream(labels).max().orElse(-1);
    int[] counts = new int[maxLabel + 1];
    for (int label : labels) {
      counts[label]++;
    }
    double p1 = 0;
    double rPrecision = 0;
    double mapAtR = 0;
    int queries = 0;
    Integer[] order = new Integer[n - 1];
    for (int q = 0; q < n; q++) {
      int r = counts[labels[q]] - 1;
      if (r < 1) {
        continue;
      }
      int k = 0;
      for (int i = 0; i < n; i++) {
        if (i != q) {
          order[k++] = i;
        }
      }
      final int query = q;
      Arrays.sort(
          order,
          (a, b) -> {
            int c = Double.compare(d.get(query, a), d.get(query, b));
            return c != 0 ? c : Integer.compare(a, b);
          });
      int hits = 0;
      double ap = 0;
      for (int i = 0; i < r; i++) {
        if (labels[order[i]] == labels[q]) {
          hits++;
          ap += (double) hits / (i + 1);
        }
      }
      p1 += labels[order[0]] == labels[q] ? 1 : 0;
      rPrecision += (double) hits / r;
      mapAtR += ap / r;
      queries++;
    }
    if (queries == 0) {
      throw new IllegalArgumentException(
          "labels: expected a class with at least two samples, found none");
    }
    return new Scores(p1 / queries, rPrecision / queries, mapAtR / queries);
  }

  @Override
  public String toString() {
    return "retrieval(n=" + data.size() + ")";
  }
}
