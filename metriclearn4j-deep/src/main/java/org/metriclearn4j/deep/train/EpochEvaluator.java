package org.metriclearn4j.deep.train;

import java.util.Map;

/**
 * Measures the network after every epoch and once before training (epoch 0). Its measurements go
 * into {@link EpochRecord#metrics()} under the names it returns, and {@link EarlyStopping} can
 * watch any of them.
 */
public interface EpochEvaluator {
  /**
   * Measures the current network.
   *
   * @param embedder embeds data with the current weights
   * @return measurements by name, in a stable order
   */
  Map<String, Double> evaluate(Embedder embedder);
}
