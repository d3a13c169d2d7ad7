package org.metriclearn4j.learn;

import org.metriclearn4j.constraints.Triplets;
import org.metriclearn4j.metric.MahalanobisMetric;

/**
 * A learner of a Mahalanobis metric from relative comparisons {@code (anchor, positive, negative)}
 * (weak supervision; for example SCML). Implementations are immutable and deterministic: the same
 * constraints and seed give the same metric, whatever the thread count.
 */
public interface TripletsMetricLearner {

  /**
   * Learns a metric that satisfies the constraints as well as the method allows.
   *
   * @param triplets the constraints and the points they index (not modified)
   * @return the fitted metric on the points' {@code d} features, with a summary of the fit and its
   *     provenance
   * @throws IllegalArgumentException if the constraints cannot be used, with the cause and the fix
   */
  MahalanobisMetric fit(Triplets triplets);

  /** Returns a short name for reports, for example {@code "itml"}. */
  String name();
}
