package org.metriclearn4j.deep.miner;

import ai.djl.ndarray.NDArray;

/**
 * Chooses informative tuples from a batch (pytorch-metric-learning's {@code BaseMiner}). A miner
 * reads a detached copy of the embeddings, so it never records gradients, and returns indices into
 * the batch that any {@link org.metriclearn4j.deep.loss.MetricLoss} accepts.
 *
 * <p>Miners are immutable and thread-safe. A randomised miner draws from a {@code long} seed
 * combined with the content of the batch, so the same batch gives the same tuples.
 */
public interface Miner {

  /**
   * Mines tuples from a batch.
   *
   * @param embeddings a {@code B x D} float array (read only, never differentiated)
   * @param labels the {@code B} integer class labels (shape {@code (B)} or {@code (B, 1)}, any
   *     numeric type holding whole numbers)
   * @return the mined tuples with their counts; empty when the batch has no valid tuple
   * @throws IllegalArgumentException if the shapes disagree, a label is not a whole number or an
   *     embedding is not finite
   */
  MinerResult mine(NDArray embeddings, NDArray labels);

  /**
   * Returns a short name, for example {@code "batch-hard"}.
   *
   * @return the name
   */
  String name();
}
