package org.metriclearn4j.deep.miner;

import ai.djl.ndarray.NDArray;
import java.util.Objects;
import org.metriclearn4j.deep.distance.BatchDistance;
import org.metriclearn4j.deep.distance.LpDistance;

/**
 * Batch-hard mining (Hermans, Beyer &amp; Leibe, "In Defense of the Triplet Loss for Person
 * Re-Identification", arXiv:1703.07737, 2017; pytorch-metric-learning's {@code BatchHardMiner}):
 * one triplet per anchor, made of its hardest positive (the farthest sample with its label) and its
 * hardest negative (the closest sample with another label). Anchors without a positive or without a
 * negative give no triplet. Ties go to the lowest index.
 *
 * <p>Default (pytorch-metric-learning 2.8.1): distance {@link LpDistance#create()}.
 */
public final class BatchHardMiner implements Miner {
  private final BatchDistance distance;

  private BatchHardMiner(BatchDistance distance) {
    this.distance = distance;
  }

  /**
   * Returns the miner with the default distance.
   *
   * @return the miner
   */
  public static BatchHardMiner create() {
    return new BatchHardMiner(LpDistance.create());
  }

  /**
   * Returns the miner with the given distance.
   *
   * @param distance the distance
   * @return the miner
   */
  public static BatchHardMiner create(BatchDistance distance) {
    return new BatchHardMiner(Objects.requireNonNull(distance, "distance"));
  }

  @Override
  public MinerResult mine(NDArray embeddings, NDArray labels) {
    int[] y = BatchInput.labels(embeddings, labels);
    double[] m = MinerSupport.distanceMatrix(distance, embeddings);
    int b = y.length;
    TripletList hardest = new TripletList();
    for (int a = 0; a < b; a++) {
      int hardestPositive = -1;
      int hardestNegative = -1;
      for (int j = 0; j < b; j++) {
        if (j == a) {
          continue;
        }
        double v = m[a * b + j];
        if (y[j] == y[a]) {
          if (hardestPositive < 0 || distance.isCloser(m[a * b + hardestPositive], v)) {
            hardestPositive = j;
          }
        } else if (hardestNegative < 0 || distance.isCloser(v, m[a * b + hardestNegative])) {
          hardestNegative = j;
        }
      }
      if (hardestPositive >= 0 && hardestNegative >= 0) {
        hardest.add(a, hardestPositive, hardestNegative);
      }
    }
    return hardest.toResult();
  }

  /**
   * Returns the distance.
   *
   * @return the distance
   */
  public BatchDistance distance() {
    return distance;
  }

  @Override
  public String name() {
    return "batch-hard";
  }

  @Override
  public String toString() {
    return "BatchHardMiner[distance=" + distance + "]";
  }
}
