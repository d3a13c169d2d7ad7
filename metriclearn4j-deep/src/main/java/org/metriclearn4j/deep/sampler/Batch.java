package org.metriclearn4j.deep.sampler;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.metriclearn4j.deep.miner.MinerResult;

/**
 * One batch: the training-sample indices in batch order (repeats allowed) and, for the Siamese and
 * triplet set-ups, the tuples of batch positions the loss should use.
 */
public final class Batch {
  private final int[] indices;
  private final @Nullable MinerResult tuples;

  private Batch(int[] indices, @Nullable MinerResult tuples) {
    this.indices = indices;
    this.tuples = tuples;
  }

  /**
   * A batch whose tuples are left to the miner or the loss.
   *
   * @param indices training-sample indices, at least two (copied)
   * @return the batch
   * @throws IllegalArgumentException if fewer than two indices
   */
  public static Batch of(int[] indices) {
    check(indices);
    return new Batch(indices.clone(), null);
  }

  /**
   * A batch with given tuples.
   *
   * @param indices training-sample indices, at least two (copied)
   * @param tuples tuples of positions in {@code [0, indices.length)}
   * @return the batch
   * @throws IllegalArgumentException if fewer than two indices or a tuple position is out of range
   */
  public static Batch withTuples(int[] indices, MinerResult tuples) {
    check(indices);
    tuples.checkIndices(indices.length);
    return new Batch(indices.clone(), tuples);
  }

  private static void check(int[] indices) {
    if (indices.length < 2) {
      throw new IllegalArgumentException(
          "indices: expected at least two samples per batch, found " + indices.length);
    }
  }

  /** {@return a copy of the sample indices} */
  public int[] indices() {
    return indices.clone();
  }

  /** {@return the number of samples} */
  public int size() {
    return indices.length;
  }

  /** {@return the sampled tuples, if any} */
  public Optional<MinerResult> tuples() {
    return Optional.ofNullable(tuples);
  }
}
