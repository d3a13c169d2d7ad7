package org.metriclearn4j.deep.sampler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plain shuffled batches: every epoch is a fresh random permutation of all samples cut into
 * consecutive batches of {@code batchSize}; the last, shorter batch is kept unless {@code
 * dropLast}, and dropped anyway when it holds a single sample (no pair can be formed from it). The
 * same as PyTorch's {@code DataLoader(shuffle=True)}.
 */
public final class ShuffledBatchSampler implements BatchSampler {
  private final int batchSize;
  private final boolean dropLast;
  private final long seed;

  private ShuffledBatchSampler(int batchSize, boolean dropLast, long seed) {
    this.batchSize = batchSize;
    this.dropLast = dropLast;
    this.seed = seed;
  }

  /**
   * Creates the sampler.
   *
   * @param batchSize samples per batch, at least 2
   * @param dropLast whether to drop the last, shorter batch
   * @param seed random seed
   * @return the sampler
   * @throws IllegalArgumentException if {@code batchSize < 2}
   */
  public static ShuffledBatchSampler of(int batchSize, boolean dropLast, long seed) {
    if (batchSize < 2) {
      throw new IllegalArgumentException("batchSize: expected >= 2, found " + batchSize);
    }
    return new ShuffledBatchSampler(batchSize, dropLast, seed);
  }

  @Override
  public List<Batch> epoch(int[] labels, int epoch) {
    if (labels.length < 2) {
      throw new IllegalArgumentException(
          "labels: expected at least two samples, found " + labels.length);
    }
    SplittableRandom random = new SplittableRandom(BatchSampler.epochSeed(seed, epoch));
    int[] order = Shuffle.permutation(labels.length, random);
    List<Batch> batches = new ArrayList<>();
    for (int start = 0; start < order.length; start += batchSize) {
      int end = Math.min(order.length, start + batchSize);
      if (end - start < 2 || (dropLast && end - start < batchSize)) {
        break;
      }
      batches.add(Batch.of(Arrays.copyOfRange(order, start, end)));
    }
    return batches;
  }

  @Override
  public int batchSize() {
    return batchSize;
  }

  @Override
  public String describe() {
    return "shuffled(batch=" + batchSize + ", dropLast=" + dropLast + ", seed=" + seed + ")";
  }

  @Override
  public String toString() {
    return describe();
  }
}
