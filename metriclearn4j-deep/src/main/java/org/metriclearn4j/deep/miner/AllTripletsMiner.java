package org.metriclearn4j.deep.miner;

import ai.djl.ndarray.NDArray;

/**
 * Every triplet of the batch: each anchor {@code a}, each positive {@code p != a} with the anchor's
 * label and each negative {@code n} with another label, in {@code (a, p, n)} lexicographic order
 * (pytorch-metric-learning's {@code get_all_triplets_indices}). This is what the triplet losses use
 * when they are given no tuples.
 *
 * <p>Memory is bounded by the output: the triplets are enumerated anchor by anchor from the label
 * groups, never through a {@code B x B x B} mask. A batch of 256 with 10 balanced classes has about
 * 1.5 million triplets (18 MB of indices); a batch whose triplets would not fit in one Java array
 * is rejected with an error that suggests a mining miner instead.
 */
public final class AllTripletsMiner implements Miner {

  /** Creates the miner (it has no settings). */
  public AllTripletsMiner() {}

  @Override
  public MinerResult mine(NDArray embeddings, NDArray labels) {
    return MinerResult.of(allTriplets(BatchInput.labels(embeddings, labels)));
  }

  /**
   * Counts the triplets of a labelled batch without enumerating them: the sum over anchors of
   * (positives other than the anchor) times (negatives).
   *
   * @param labels the labels of the batch
   * @return the number of triplets
   */
  public static long countTriplets(int[] labels) {
    int[][] same = MinerSupport.sameLabel(labels);
    long count = 0;
    for (int[] group : same) {
      count += (long) (group.length - 1) * (labels.length - group.length);
    }
    return count;
  }

  /**
   * Enumerates every triplet of a labelled batch.
   *
   * @param labels the labels of the batch
   * @return the triplets in {@code (a, p, n)} lexicographic order
   * @throws IllegalArgumentException if there are more triplets than one Java array can hold
   */
  public static Triplets allTriplets(int[] labels) {
    long count = countTriplets(labels);
    if (count > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "a batch of "
              + labels.length
              + " has "
              + count
              + " triplets, more than one array can hold; mine triplets (for example with"
              + " TripletMarginMiner or BatchHardMiner) instead of using all of them");
    }
    int[][] same = MinerSupport.sameLabel(labels);
    int[][] other = MinerSupport.otherLabel(labels);
    int total = (int) count;
    int[] ta = new int[total];
    int[] tp = new int[total];
    int[] tn = new int[total];
    int k = 0;
    for (int a = 0; a < labels.length; a++) {
      int[] negatives = other[a];
      for (int p : same[a]) {
        if (p == a) {
          continue;
        }
        for (int n : negatives) {
          ta[k] = a;
          tp[k] = p;
          tn[k] = n;
          k++;
        }
      }
    }
    return Triplets.wrap(ta, tp, tn);
  }

  @Override
  public String name() {
    return "all-triplets";
  }

  @Override
  public String toString() {
    return "AllTripletsMiner";
  }
}
