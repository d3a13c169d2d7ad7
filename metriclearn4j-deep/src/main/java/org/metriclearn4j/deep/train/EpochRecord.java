package org.metriclearn4j.deep.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What one epoch did and measured. Epoch 0 describes the untrained network: it has no batches, so
 * its loss is empty and its counts are 0.
 *
 * @param epoch the epoch, 0 for the untrained network
 * @param batches the number of optimisation steps
 * @param samples the number of samples seen (with repeats)
 * @param meanLoss the mean batch loss, empty for epoch 0
 * @param meanPositivePairs mean mined or sampled positive pairs per batch (0 if none were mined)
 * @param meanNegativePairs mean mined or sampled negative pairs per batch
 * @param meanTriplets mean mined or sampled triplets per batch
 * @param trainSeconds wall-clock seconds of the optimisation steps
 * @param trainCpuSeconds CPU seconds the training thread spent in the optimisation steps (libtorch
 *     work done on its own intra-op threads is not included; with one intra-op thread this is the
 *     whole cost, and unlike wall-clock time it does not grow when other processes compete for the
 *     cores)
 * @param evalSeconds wall-clock seconds of the evaluators
 * @param metrics every evaluator measurement by name, in evaluator order
 */
public record EpochRecord(
    int epoch,
    int batches,
    long samples,
    OptionalDouble meanLoss,
    double meanPositivePairs,
    double meanNegativePairs,
    double meanTriplets,
    double trainSeconds,
    double trainCpuSeconds,
    double evalSeconds,
    Map<String, Double> metrics) {

  /**
   * Copies the metrics into an unmodifiable map that keeps their order.
   *
   * @param epoch the epoch, 0 for the untrained network
   * @param batches the number of optimisation steps
   * @param samples the number of samples seen (with repeats)
   * @param meanLoss the mean batch loss, empty for epoch 0
   * @param meanPositivePairs mean mined or sampled positive pairs per batch (0 if none were mined)
   * @param meanNegativePairs mean mined or sampled negative pairs per batch
   * @param meanTriplets mean mined or sampled triplets per batch
   * @param trainSeconds wall-clock seconds of the optimisation steps
   * @param trainCpuSeconds CPU seconds the training thread spent in the optimisation steps
   *     (libtorch work done on its own intra-op threads is not included; with one intra-op thread
   *     this is the whole cost, and unlike wall-clock time it does not grow when other processes
   *     compete for the cores)
   * @param evalSeconds wall-clock seconds of the evaluators
   * @param metrics every evaluator measurement by name, in evaluator order
   */
  public EpochRecord {
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }

  /**
   * Returns one measurement.
   *
   * @param name the metric's name, e.g. {@code "same_class_distance"}
   * @return its value
   * @throws IllegalArgumentException if no evaluator produced it
   */
  public double metric(String name) {
    Double value = metrics.get(name);
    if (value == null) {
      throw new IllegalArgumentException(
          "metric: expected one of " + metrics.keySet() + ", found '" + name + "'");
    }
    return value;
  }
}
