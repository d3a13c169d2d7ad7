package org.metriclearn4j.deep.sampler;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.metriclearn4j.deep.miner.MinerResult;
import org.metriclearn4j.deep.miner.Triplets;

/**
 * Random triplets for the triplet set-up (Weinberger and Saul, "Distance metric learning for large
 * margin nearest neighbor classification", JMLR 2009; Schroff, Kalenichenko and Philbin, "FaceNet",
 * CVPR 2015): each epoch visits every sample of a class with at least two members once as an
 * anchor, in random order, with a positive drawn uniformly from the other samples of its class and
 * a negative drawn uniformly from the samples of other classes. A batch of {@code tripletsPerBatch}
 * triplets holds {@code 3 * tripletsPerBatch} samples at positions {@code 3k, 3k + 1, 3k + 2}; its
 * tuples ({@link MinerResult} of {@link Triplets}) name exactly these triplets.
 */
public final class TripletSampler implements BatchSampler {
  private final int tripletsPerBatch;
  private final long seed;

  private TripletSampler(int tripletsPerBatch, long seed) {
    this.tripletsPerBatch = tripletsPerBatch;
    this.seed = seed;
  }

  /**
   * Creates the sampler.
   *
   * @param tripletsPerBatch triplets per batch, at least 1
   * @param seed random seed
   * @return the sampler
   * @throws IllegalArgumentException if {@code tripletsPerBatch < 1}
   */
  public static TripletSampler of(int tripletsPerBatch, long seed) {
    if (tripletsPerBatch < 1) {
      throw new IllegalArgumentException(
          "tripletsPerBatch: expected >= 1, found " + tripletsPerBatch);
    }
    return new TripletSampler(tripletsPerBatch, seed);
  }

  @Override
  public List<Batch> epoch(int[] labels, int epoch) {
    ClassIndex index = ClassIndex.of(labels);
    if (index.presentClasses.length < 2) {
      throw new IllegalArgumentException(
          "labels: triplets need at least two classes, found " + index.presentClasses.length);
    }
    SplittableRandom random = new SplittableRandom(BatchSampler.epochSeed(seed, epoch));
    int[] order = Shuffle.permutation(labels.length, random);
    int[] anchors =
        java.util.Arrays.stream(order).filter(i -> index.members[labels[i]].length >= 2).toArray();
    if (anchors.length == 0) {
      throw new IllegalArgumentException(
          "labels: triplets need a class with at least two samples, found none");
    }
    List<Batch> batches = new ArrayList<>();
    for (int start = 0; start < anchors.length; start += tripletsPerBatch) {
      int count = Math.min(tripletsPerBatch, anchors.length - start);
      int[] indices = new int[3 * count];
      int[] a = new int[count];
      int[] p = new int[count];
      int[] n = new int[count];
      for (int k = 0; k < count; k++) {
        int anchor = anchors[start + k];
        indices[3 * k] = anchor;
        indices[3 * k + 1] = PairSampler.drawSameClass(index, labels, anchor, random);
        indices[3 * k + 2] = PairSampler.drawOtherClass(labels, anchor, random);
        a[k] = 3 * k;
        p[k] = 3 * k + 1;
        n[k] = 3 * k + 2;
      }
      batches.add(Batch.withTuples(indices, MinerResult.of(Triplets.of(a, p, n))));
    }
    return batches;
  }

  @Override
  public boolean providesTuples() {
    return true;
  }

  @Override
  public int batchSize() {
    return 3 * tripletsPerBatch;
  }

  @Override
  public String describe() {
    return "triplets(tripletsPerBatch=" + tripletsPerBatch + ", seed=" + seed + ")";
  }

  @Override
  public String toString() {
    return describe();
  }
}
