package org.metriclearn4j.deep.miner;

import ai.djl.ndarray.NDArray;
import org.metriclearn4j.deep.distance.BatchDistance;
import org.metriclearn4j.deep.distance.CosineSimilarity;

/**
 * The pair mining step of the multi-similarity loss (Wang, Han, Huang, Dong &amp; Scott,
 * "Multi-Similarity Loss with General Pair Weighting for Deep Metric Learning", CVPR 2019;
 * pytorch-metric-learning's {@code MultiSimilarityMiner}).
 *
 * <p>For each anchor that has both a positive and a negative, with similarities {@code S}: a
 * negative pair {@code (a, n)} is kept if {@code S_an + epsilon > min_p S_ap} (it is nearly as
 * close as the hardest positive), and a positive pair {@code (a, p)} is kept if {@code S_ap -
 * epsilon < max_n S_an} (it is nearly as far as the hardest negative). With a distance the
 * inequalities are mirrored: {@code d_an - epsilon < max_p d_ap} and {@code d_ap + epsilon > min_n
 * d_an}.
 *
 * <p>Defaults (pytorch-metric-learning 2.8.1): {@code epsilon = 0.1}, distance {@link
 * CosineSimilarity}.
 */
public final class MultiSimilarityMiner implements Miner {
  private final double epsilon;
  private final BatchDistance distance;

  private MultiSimilarityMiner(Builder builder) {
    this.epsilon = builder.epsilon;
    this.distance = builder.distance;
  }

  /**
   * Returns a builder with the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public MinerResult mine(NDArray embeddings, NDArray labels) {
    int[] y = BatchInput.labels(embeddings, labels);
    double[] m = MinerSupport.distanceMatrix(distance, embeddings);
    int b = y.length;
    boolean similarity = distance.largerIsCloser();
    PairList kept = new PairList();
    for (int a = 0; a < b; a++) {
      // The hardest positive is the farthest one, the hardest negative the closest one.
      double hardestPositive = Double.NaN;
      double hardestNegative = Double.NaN;
      for (int j = 0; j < b; j++) {
        if (j == a) {
          continue;
        }
        double v = m[a * b + j];
        if (y[j] == y[a]) {
          if (Double.isNaN(hardestPositive) || distance.isCloser(hardestPositive, v)) {
            hardestPositive = v;
          }
        } else if (Double.isNaN(hardestNegative) || distance.isCloser(v, hardestNegative)) {
          hardestNegative = v;
        }
      }
      if (Double.isNaN(hardestPositive) || Double.isNaN(hardestNegative)) {
        continue;
      }
      for (int j = 0; j < b; j++) {
        if (j == a) {
          continue;
        }
        double v = m[a * b + j];
        if (y[j] == y[a]) {
          boolean keep = similarity ? v - epsilon < hardestNegative : v + epsilon > hardestNegative;
          if (keep) {
            kept.addPositive(a, j);
          }
        } else {
          boolean keep = similarity ? v + epsilon > hardestPositive : v - epsilon < hardestPositive;
          if (keep) {
            kept.addNegative(a, j);
          }
        }
      }
    }
    return kept.toResult();
  }

  /**
   * Returns epsilon, the slack of the mining inequalities.
   *
   * @return epsilon, the slack of the mining inequalities
   */
  public double epsilon() {
    return epsilon;
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
    return "multi-similarity";
  }

  @Override
  public String toString() {
    return "MultiSimilarityMiner[epsilon=" + epsilon + ", distance=" + distance + "]";
  }

  /** Builder of {@link MultiSimilarityMiner}; {@link #build()} validates. */
  public static final class Builder extends MinerBuilder<Builder> {
    private double epsilon = 0.1;

    private Builder() {
      super(CosineSimilarity.create());
    }

    /**
     * Sets epsilon (default 0.1).
     *
     * @param epsilon a finite, non-negative slack
     * @return this builder
     */
    public Builder optEpsilon(double epsilon) {
      this.epsilon = epsilon;
      return this;
    }

    /**
     * Validates the settings and builds the miner.
     *
     * @return the miner
     * @throws IllegalArgumentException if epsilon is negative or not finite
     */
    public MultiSimilarityMiner build() {
      Checks.nonNegative("epsilon", epsilon);
      return new MultiSimilarityMiner(this);
    }
  }
}
