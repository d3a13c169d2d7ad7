package org.metriclearn4j.deep.miner;

import ai.djl.ndarray.NDArray;

/**
 * Every pair of the batch: each ordered pair {@code (i, j)}, {@code i != j}, with equal labels as a
 * positive pair, and each ordered pair with different labels as a negative pair, in row-major order
 * (pytorch-metric-learning's {@code get_all_pairs_indices}). This is what the pair losses use when
 * they are given no tuples.
 */
public final class AllPairsMiner implements Miner {

  /** Creates the miner (it has no settings). */
  public AllPairsMiner() {}

  @Override
  public MinerResult mine(NDArray embeddings, NDArray labels) {
    return MinerResult.of(allPairs(BatchInput.labels(embeddings, labels)));
  }

  /**
   * Enumerates every positive and negative ordered pair of a labelled batch.
   *
   * @param labels the labels of the batch
   * @return the pairs, anchors in increasing order and partners in increasing order per anchor
   */
  public static Pairs allPairs(int[] labels) {
    int[][] same = MinerSupport.sameLabel(labels);
    int[][] other = MinerSupport.otherLabel(labels);
    long numPositive = 0;
    long numNegative = 0;
    for (int i = 0; i < labels.length; i++) {
      numPositive += same[i].length - 1;
      numNegative += other[i].length;
    }
    int[] pa = new int[Math.toIntExact(numPositive)];
    int[] p = new int[pa.length];
    int[] na = new int[Math.toIntExact(numNegative)];
    int[] n = new int[na.length];
    int kp = 0;
    int kn = 0;
    for (int i = 0; i < labels.length; i++) {
      for (int j : same[i]) {
        if (j != i) {
          pa[kp] = i;
          p[kp++] = j;
        }
      }
      for (int j : other[i]) {
        na[kn] = i;
        n[kn++] = j;
      }
    }
    return Pairs.wrap(pa, p, na, n);
  }

  @Override
  public String name() {
    return "all-pairs";
  }

  @Override
  public String toString() {
    return "AllPairsMiner";
  }
}
