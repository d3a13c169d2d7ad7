package org.metriclearn4j.deep.sampler;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.metriclearn4j.deep.miner.MinerResult;
import org.metriclearn4j.deep.miner.Pairs;

/**
 * Random balanced pairs for the Siamese set-up (Hadsell, Chopra and LeCun, "Dimensionality
 * reduction by learning an invariant mapping", CVPR 2006): each epoch visits every sample once as
 * the first member of a pair, in random order; half of the pairs of each batch (rounded down) are
 * positive (second member drawn uniformly from the other samples of the same class) and the rest
 * negative (second member drawn uniformly from the samples of the other classes). A batch of {@code
 * pairsPerBatch} pairs holds {@code 2 * pairsPerBatch} samples at positions {@code 2k} and {@code
 * 2k + 1}; its tuples (a {@link MinerResult} of {@link Pairs}) name exactly these pairs, so a pair
 * loss trains on the sampled pairs only. Samples of a class with a single member are only used in
 * negative pairs.
 */
public final class PairSampler implements BatchSampler {
  private final int pairsPerBatch;
  private final long seed;

  private PairSampler(int pairsPerBatch, long seed) {
    this.pairsPerBatch = pairsPerBatch;
    this.seed = seed;
  }

  /**
   * Creates the sampler.
   *
   * @param pairsPerBatch pairs per batch, at least 2 (one positive, one negative)
   * @param seed random seed
   * @return the sampler
   * @throws IllegalArgumentException if {@code pairsPerBatch < 2}
   */
  public static PairSampler of(int pairsPerBatch, long seed) {
    if (pairsPerBatch < 2) {
      throw new IllegalArgumentException("pairsPerBatch: expected >= 2, found " + pairsPerBatch);
    }
    return new PairSampler(pairsPerBatch, seed);
  }

  @Override
  public List<Batch> epoch(int[] labels, int epoch) {
    ClassIndex index = ClassIndex.of(labels);
    if (index.presentClasses.length < 2) {
      throw new IllegalArgumentException(
          "labels: pairs need at least two classes, found " + index.presentClasses.length);
    }
    if (index.classesWithAtLeast(2).length == 0) {
      throw new IllegalArgumentException(
          "labels: positive pairs need a class with at least two samples, found none");
    }
    SplittableRandom random = new SplittableRandom(BatchSampler.epochSeed(seed, epoch));
    int[] anchors = Shuffle.permutation(labels.length, random);
    List<Batch> batches = new ArrayList<>();
    for (int start = 0; start < anchors.length; start += pairsPerBatch) {
      int count = Math.min(pairsPerBatch, anchors.length - start);
      if (count < 2) {
        break;
      }
      int[] indices = new int[2 * count];
      boolean[] positive = new boolean[count];
      // exactly floor(count / 2) positive pairs, at random places
      int[] slots = Shuffle.permutation(count, random);
      for (int k = 0; k < count / 2; k++) {
        positive[slots[k]] = true;
      }
      List<int[]> pos = new ArrayList<>();
      List<int[]> neg = new ArrayList<>();
      for (int k = 0; k < count; k++) {
        int a = anchors[start + k];
        boolean wantPositive = positive[k] && index.members[labels[a]].length >= 2;
        int b =
            wantPositive
                ? drawSameClass(index, labels, a, random)
                : drawOtherClass(labels, a, random);
        indices[2 * k] = a;
        indices[2 * k + 1] = b;
        (wantPositive ? pos : neg).add(new int[] {2 * k, 2 * k + 1});
      }
      batches.add(
          Batch.withTuples(
              indices,
              MinerResult.of(
                  Pairs.of(column(pos, 0), column(pos, 1), column(neg, 0), column(neg, 1)))));
    }
    return batches;
  }

  static int drawSameClass(ClassIndex index, int[] labels, int anchor, SplittableRandom random) {
    int[] members = index.members[labels[anchor]];
    int b;
    do {
      b = members[random.nextInt(members.length)];
    } while (b == anchor);
    return b;
  }

  static int drawOtherClass(int[] labels, int anchor, SplittableRandom random) {
    int b;
    do {
      b = random.nextInt(labels.length);
    } while (labels[b] == labels[anchor]);
    return b;
  }

  static int[] column(List<int[]> rows, int col) {
    int[] out = new int[rows.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = rows.get(i)[col];
    }
    return out;
  }

  @Override
  public boolean providesTuples() {
    return true;
  }

  @Override
  public int batchSize() {
    return 2 * pairsPerBatch;
  }

  @Override
  public String describe() {
    return "pairs(pairsPerBatch=" + pairsPerBatch + ", seed=" + seed + ")";
  }

  @Override
  public String toString() {
    return describe();
  }
}
