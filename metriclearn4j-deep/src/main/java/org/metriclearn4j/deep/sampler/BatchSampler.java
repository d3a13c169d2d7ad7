package org.metriclearn4j.deep.sampler;

import java.util.List;

/**
 * Chooses the batches of one epoch. Implementations are immutable and deterministic: the same
 * labels and epoch give the same batches.
 */
public interface BatchSampler {
  /**
   * Returns the batches of one epoch.
   *
   * @param labels the class of every training sample
   * @param epoch the epoch number, from 1
   * @return the batches, each with at least two samples
   * @throws IllegalArgumentException if the labels cannot support this sampler (e.g. too few
   *     classes)
   */
  List<Batch> epoch(int[] labels, int epoch);

  /**
   * Tells whether the batches carry the tuples the loss must use (pair and triplet samplers of the
   * Siamese and triplet set-ups); such a sampler replaces a miner.
   *
   * @return {@code true} if every batch has tuples
   */
  default boolean providesTuples() {
    return false;
  }

  /**
   * Returns the nominal number of samples per batch.
   *
   * @return the batch size
   */
  int batchSize();

  /**
   * Describes the sampler and its settings for provenance, e.g. {@code "m-per-class(m=4, batch=64,
   * seed=0)"}.
   *
   * @return a one-line description
   */
  String describe();

  /**
   * Derives the random seed of one epoch from the sampler's seed.
   *
   * @param seed the sampler's seed
   * @param epoch the epoch
   * @return a well-mixed seed
   */
  static long epochSeed(long seed, int epoch) {
    long z = seed + 0x9E3779B97F4A7C15L * (epoch + 1L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
