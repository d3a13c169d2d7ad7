package org.metriclearn4j.learn;

import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.metric.MahalanobisMetric;
import org.metriclearn4j.transform.TransformLearner;

/**
 * A learner of a Mahalanobis metric from labelled samples. Implementations are immutable and
 * deterministic: the same data and seed give the same metric, whatever the thread count.
 */
public interface SupervisedMetricLearner extends TransformLearner {

  /**
   * Learns a metric that brings samples of the same class close and moves others apart.
   *
   * @param data the training data (not modified)
   * @return the fitted metric with a summary of the fit and its provenance
   * @throws IllegalArgumentException if the data cannot be used (for example a single class), with
   *     the cause and the fix
   */
  @Override
  MahalanobisMetric fit(LabeledDataset data);
}
