package org.metriclearn4j.deep.train;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.metriclearn4j.deep.data.TensorDataset;
import org.metriclearn4j.evaluation.retrieval.EmbeddingDistance;
import org.metriclearn4j.evaluation.retrieval.RetrievalMetrics;
import org.metriclearn4j.evaluation.retrieval.RetrievalReport;

/**
 * Retrieval metrics of a held-out set used as both queries and references, each query excluded from
 * its own results, with exact Euclidean search on L2-normalised embeddings (the protocol of
 * Musgrave, Belongie and Lim, "A Metric Learning Reality Check", ECCV 2020, as implemented by
 * pytorch-metric-learning's {@code AccuracyCalculator}), computed by the core library's {@link
 * RetrievalMetrics}. For a query with {@code R} other references of its class:
 *
 * <ul>
 *   <li>{@value #PRECISION_AT_1}: 1 if the nearest reference has the query's class;
 *   <li>{@value #R_PRECISION}: the fraction of the {@code R} nearest references of its class;
 *   <li>{@value #MAP_AT_R}: {@code (1/R) sum_{i<=R} P(i) rel(i)}, with {@code P(i)} the precision
 *       of the {@code i} nearest and {@code rel(i)} whether the {@code i}-th has the query's class;
 *   <li>{@value #MAP}: average precision over the whole ranking;
 *   <li>{@value #MRR}: the reciprocal rank of the first reference of the query's class.
 * </ul>
 *
 * <p>Each is averaged over the queries that have at least one other reference of their class. Ties
 * in distance are broken by reference index. Embeddings are scaled to unit length with {@code x /
 * max(||x||, 1e-12)}, so a zero embedding stays zero instead of failing.
 */
public final class RetrievalEvaluator implements EpochEvaluator {
  /** Name of precision at 1: {@value}. */
  public static final String PRECISION_AT_1 = "precision_at_1";

  /** Name of R-precision: {@value}. */
  public static final String R_PRECISION = "r_precision";

  /** Name of mean average precision at R: {@value}. */
  public static final String MAP_AT_R = "map_at_r";

  /** Name of mean average precision over the whole ranking: {@value}. */
  public static final String MAP = "map";

  /** Name of mean reciprocal rank: {@value}. */
  public static final String MRR = "mrr";

  private static final RetrievalMetrics METRICS =
      RetrievalMetrics.builder().distance(EmbeddingDistance.EUCLIDEAN).recallAt(1).build();

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
   * The retrieval metrics, each in {@code [0, 1]}.
   *
   * @param precisionAt1 precision at 1
   * @param rPrecision R-precision
   * @param mapAtR mean average precision at R
   * @param meanAveragePrecision mean average precision over the whole ranking
   * @param meanReciprocalRank mean reciprocal rank of the first relevant reference
   */
  public record Scores(
      double precisionAt1,
      double rPrecision,
      double mapAtR,
      double meanAveragePrecision,
      double meanReciprocalRank) {
    /**
     * Returns the metrics by their names.
     *
     * @return {@value #PRECISION_AT_1}, {@value #R_PRECISION}, {@value #MAP_AT_R}, {@value #MAP},
     *     {@value #MRR}, in this order
     */
    public Map<String, Double> asMap() {
      Map<String, Double> out = new LinkedHashMap<>();
      out.put(PRECISION_AT_1, precisionAt1);
      out.put(R_PRECISION, rPrecision);
      out.put(MAP_AT_R, mapAtR);
      out.put(MAP, meanAveragePrecision);
      out.put(MRR, meanReciprocalRank);
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
    RetrievalReport report;
    try {
      report = METRICS.evaluate(rows, labels);
    } catch (IllegalArgumentException e) {
      int[] counts = new int[Arrays.stream(labels).max().orElse(-1) + 1];
      for (int label : labels) {
        counts[label]++;
      }
      if (Arrays.stream(counts).noneMatch(c -> c >= 2)) {
        throw new IllegalArgumentException(
            "labels: expected a class with at least two samples, found none", e);
      }
      throw e;
    }
    return new Scores(
        report.precisionAt1(),
        report.rPrecision(),
        report.mapAtR(),
        report.meanAveragePrecision(),
        report.meanReciprocalRank());
  }

  @Override
  public String toString() {
    return "retrieval(n=" + data.size() + ")";
  }
}
