package org.metriclearn4j.deep.miner;

import ai.djl.ndarray.NDArray;
import org.metriclearn4j.deep.distance.BatchDistance;
import org.metriclearn4j.deep.distance.LpDistance;

/**
 * Keeps the pairs that violate a margin (pytorch-metric-learning's {@code PairMarginMiner}):
 * positive pairs that are farther than {@code posMargin} and negative pairs that are closer than
 * {@code negMargin}. For a distance that is {@code d(a, p) > posMargin} and {@code d(a, n) <
 * negMargin}; for a similarity {@code s(a, p) < posMargin} and {@code s(a, n) > negMargin}.
 *
 * <p>Defaults (pytorch-metric-learning 2.8.1): {@code posMargin = 0.2}, {@code negMargin = 0.8},
 * distance {@link LpDistance#create()} (Euclidean on L2-normalised embeddings).
 */
public final class PairMarginMiner implements Miner {
  private final double posMargin;
  private final double negMargin;
  private final BatchDistance distance;

  private PairMarginMiner(Builder builder) {
    this.posMargin = builder.posMargin;
    this.negMargin = builder.negMargin;
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
    PairList kept = new PairList();
    for (int i = 0; i < b; i++) {
      for (int j = 0; j < b; j++) {
        if (i == j) {
          continue;
        }
        double v = m[i * b + j];
        if (y[i] == y[j]) {
          if (distance.isCloser(posMargin, v)) {
            kept.addPositive(i, j);
          }
        } else if (distance.isCloser(v, negMargin)) {
          kept.addNegative(i, j);
        }
      }
    }
    return kept.toResult();
  }

  /**
   * Returns the margin beyond which positive pairs are kept.
   *
   * @return the margin beyond which positive pairs are kept
   */
  public double posMargin() {
    return posMargin;
  }

  /**
   * Returns the margin within which negative pairs are kept.
   *
   * @return the margin within which negative pairs are kept
   */
  public double negMargin() {
    return negMargin;
  }

  /**
   * Returns the distance the margins apply to.
   *
   * @return the distance the margins apply to
   */
  public BatchDistance distance() {
    return distance;
  }

  @Override
  public String name() {
    return "pair-margin";
  }

  @Override
  public String toString() {
    return "PairMarginMiner[posMargin="
        + posMargin
        + ", negMargin="
        + negMargin
        + ", distance="
        + distance
        + "]";
  }

  /** Builder of {@link PairMarginMiner}; {@link #build()} validates. */
  public static final class Builder extends MinerBuilder<Builder> {
    private double posMargin = 0.2;
    private double negMargin = 0.8;

    private Builder() {
      super(LpDistance.create());
    }

    /**
     * Sets the positive margin (default 0.2).
     *
     * @param margin a finite value of the distance
     * @return this builder
     */
    public Builder optPosMargin(double margin) {
      this.posMargin = margin;
      return this;
    }

    /**
     * Sets the negative margin (default 0.8).
     *
     * @param margin a finite value of the distance
     * @return this builder
     */
    public Builder optNegMargin(double margin) {
      this.negMargin = margin;
      return this;
    }

    /**
     * Validates the settings and builds the miner.
     *
     * @return the miner
     * @throws IllegalArgumentException if a margin is not finite
     */
    public PairMarginMiner build() {
      Checks.finite("posMargin", posMargin);
      Checks.finite("negMargin", negMargin);
      return new PairMarginMiner(this);
    }
  }
}
