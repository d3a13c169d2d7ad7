package org.metriclearn4j.evaluation.retrieval;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Retrieval scores averaged over the evaluated queries, each in {@code [0, 1]}. See {@link
 * RetrievalMetrics} for the definitions.
 *
 * @param queries the number of queries averaged over
 * @param skippedQueries queries left out because no reference shares their label (a class with a
 *     single sample when queries are the references)
 * @param precisionAt1 the fraction of queries whose nearest reference shares their label
 * @param rPrecision the mean R-Precision
 * @param mapAtR the mean MAP@R (Musgrave et al. 2020)
 * @param meanAveragePrecision the mean average precision over the full ranking (MAP)
 * @param meanReciprocalRank the mean of {@code 1 / rank} of the first relevant reference (MRR)
 * @param recallAtK for each requested {@code K}, the fraction of queries with a relevant reference
 *     among their {@code K} nearest (unmodifiable, ascending {@code K})
 */
public record RetrievalReport(
    int queries,
    int skippedQueries,
    double precisionAt1,
    double rPrecision,
    double mapAtR,
    double meanAveragePrecision,
    double meanReciprocalRank,
    SortedMap<Integer, Double> recallAtK) {

  /**
   * Copies {@code recallAtK} into an unmodifiable sorted map.
   *
   * @param queries the number of queries averaged over
   * @param skippedQueries queries without a relevant reference
   * @param precisionAt1 the mean Precision@1
   * @param rPrecision the mean R-Precision
   * @param mapAtR the mean MAP@R
   * @param meanAveragePrecision the mean average precision
   * @param meanReciprocalRank the mean reciprocal rank
   * @param recallAtK Recall@K by {@code K} (copied)
   */
  public RetrievalReport {
    recallAtK = Collections.unmodifiableSortedMap(new TreeMap<>(recallAtK));
  }

  /**
   * Returns Recall@K for one of the requested {@code K}.
   *
   * @param k a {@code K} that was requested
   * @return the fraction of queries with a relevant reference among their {@code k} nearest
   * @throws IllegalArgumentException if {@code k} was not requested, listing those that were
   */
  public double recallAt(int k) {
    Double value = recallAtK.get(k);
    if (value == null) {
      throw new IllegalArgumentException(
          "k: expected one of the evaluated K " + recallAtK.keySet() + ", found " + k);
    }
    return value;
  }
}
