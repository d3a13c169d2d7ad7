package org.metriclearn4j.deep.train;

import org.metriclearn4j.deep.data.TensorDataset;

/** Embeds data with the network as it is now, in inference mode (no dropout, running BN stats). */
@FunctionalInterface
public interface Embedder {
  /**
   * Embeds every sample.
   *
   * @param data preprocessed samples of the network's input size
   * @return one embedding per sample
   */
  float[][] embed(TensorDataset data);
}
