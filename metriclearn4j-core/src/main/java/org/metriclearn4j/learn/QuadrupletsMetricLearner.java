package org.metriclearn4j.learn;

import org.metriclearn4j.constraints.Quadruplets;
import org.metriclearn4j.metric.MahalanobisMetric;

/**
 * A learner of a Mahalanobis metric from relative comparisons of two pairs {@code (a, b, c, d)}
 * (weak supervision; for example LSML). Implementations are immutable and deterministic: the same
 * constraints and seed give the same metric, whatever the thread count.
 */
public interface QuadrupletsMetricLearner {

  /**
   * Learns a metric that satisfies the constraints as well as the method allows.
   *
   * @param quadruplets the constraints and the points they index (not modified)
   * @return the fitted metric on the points' {@code d} features, with a summary of the fit and its
   *     provenance
   * @throws IllegalArgumentException if the constraints cannot be used, with the cause and the fix
   */
  MahalanobisMetric fit(Quadruplets quadruplets);

  /** Returns a short name for reports, for example {@code "itml"}. */
  String name();
}
