package org.metriclearn4j.deep.sampler;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Batches of {@code batchSize / m} distinct classes with {@code m} samples each, as
 * pytorch-metric-learning's {@code MPerClassSampler}: every batch holds positives for every sample,
 * which pair and triplet miners need.
 *
 * <p>Each epoch has {@code max(1, n / batchSize)} batches. Classes are drawn uniformly without
 * replacement within a batch. Within a class, samples are taken in a shuffled order that restarts
 * (reshuffled) when exhausted, so every sample is visited before any repeats; a class with fewer
 * than {@code m} samples repeats samples inside a batch; any other class never does.
 */
public final class MPerClassSampler implements BatchSampler {
  private final int m;
  private final int batchSize;
  private final long seed;

  private MPerClassSampler(int m, int batchSize, long seed) {
    this.m = m;
    this.batchSize = batchSize;
    this.seed = seed;
  }

  /**
   * Creates the sampler.
   *
   * @param m samples per class per batch, at least 1
   * @param batchSize a multiple of {@code m} with at least two classes per batch
   * @param seed random seed
   * @return the sampler
   * @throws IllegalArgumentException if {@code m < 1}, {@code batchSize} is not a multiple of
   *     {@code m}, or {@code batchSize / m < 2}
   */
  public static MPerClassSampler of(int m, int batchSize, long seed) {
    if (m < 1) {
      throw new IllegalArgumentException("m: expected >= 1, found " + m);
    }
    if (batchSize % m != 0) {
      throw new IllegalArgumentException(
          "batchSize: expected a multiple of m=" + m + ", found " + batchSize);
    }
    if (batchSize / m < 2) {
      throw new IllegalArgumentException(
          "batchSize: expected at least two classes per batch (batchSize >= 2m = "
              + 2 * m
              + "), found "
              + batchSize);
    }
    return new MPerClassSampler(m, batchSize, seed);
  }

  /** {@return the samples per class per batch} */
  public int m() {
    return m;
  }

  @Override
  public List<Batch> epoch(int[] labels, int epoch) {
    ClassIndex index = ClassIndex.of(labels);
    int classesPerBatch = batchSize / m;
    int[] classes = index.presentClasses;
    if (classes.length < classesPerBatch) {
      throw new IllegalArgumentException(
          "labels: batchSize "
              + batchSize
              + " with m="
              + m
              + " needs "
              + classesPerBatch
              + " classes per batch, found only "
              + classes.length
              + " classes");
    }
    SplittableRandom random = new SplittableRandom(BatchSampler.epochSeed(seed, epoch));
    int maxClass = index.members.length;
    int[][] order = new int[maxClass][];
    int[] cursor = new int[maxClass];
    for (int c : classes) {
      order[c] = index.members[c].clone();
      Shuffle.shuffle(order[c], random);
    }
    int numBatches = Math.max(1, labels.length / batchSize);
    List<Batch> batches = new ArrayList<>(numBatches);
    int[] classPool = classes.clone();
    for (int b = 0; b < numBatches; b++) {
      // partial Fisher-Yates: the first classesPerBatch entries are a uniform draw
      for (int k = 0; k < classesPerBatch; k++) {
        int j = k + random.nextInt(classPool.length - k);
        int t = classPool[k];
        classPool[k] = classPool[j];
        classPool[j] = t;
      }
      int[] indices = new int[batchSize];
      int pos = 0;
      for (int k = 0; k < classesPerBatch; k++) {
        int c = classPool[k];
        int first = pos;
        for (int r = 0; r < m; r++) {
          if (cursor[c] == order[c].length) {
            Shuffle.shuffle(order[c], random);
            cursor[c] = 0;
            deferTaken(order[c], indices, first, pos);
          }
          indices[pos++] = order[c][cursor[c]++];
        }
      }
      batches.add(Batch.of(indices));
    }
    return batches;
  }

  /**
   * Moves the samples already taken into this batch ({@code taken[from, to)}) to the end of a
   * freshly shuffled class order, keeping the relative order of the rest, so that a class with at
   * least {@code m} samples never repeats one inside a batch.
   */
  private static void deferTaken(int[] order, int[] taken, int from, int to) {
    if (to == from) {
      return;
    }
    int[] out = new int[order.length];
    int head = 0;
    int tail = order.length - (to - from);
    for (int v : order) {
      boolean isTaken = false;
      for (int t = from; t < to; t++) {
        isTaken |= taken[t] == v;
      }
      if (isTaken && tail < order.length) {
        out[tail++] = v;
      } else {
        out[head++] = v;
      }
    }
    System.arraycopy(out, 0, order, 0, order.length);
  }

  @Override
  public int batchSize() {
    return batchSize;
  }

  @Override
  public String describe() {
    return "m-per-class(m=" + m + ", batch=" + batchSize + ", seed=" + seed + ")";
  }

  @Override
  public String toString() {
    return describe();
  }
}
