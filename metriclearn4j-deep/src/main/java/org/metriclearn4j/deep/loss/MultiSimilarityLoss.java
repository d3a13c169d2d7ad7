package org.metriclearn4j.deep.loss;

import ai.djl.ndarray.NDArray;
import org.jspecify.annotations.Nullable;
import org.metriclearn4j.deep.distance.BatchDistance;
import org.metriclearn4j.deep.distance.CosineSimilarity;
import org.metriclearn4j.deep.miner.MinerResult;
import org.metriclearn4j.deep.reduce.MeanReducer;
import org.metriclearn4j.deep.reduce.Reducer;

/**
 * The multi-similarity loss (Wang, Han, Huang, Dong &amp; Scott, "Multi-Similarity Loss with
 * General Pair Weighting for Deep Metric Learning", CVPR 2019; pytorch-metric-learning's {@code
 * MultiSimilarityLoss}).
 *
 * <p>With similarities {@code S}, each anchor {@code i} costs
 *
 * <pre>
 *   (1/alpha) log(1 + sum_{p in P_i} exp(-alpha (S_ip - base)))
 * + (1/beta)  log(1 + sum_{n in N_i} exp( beta (S_in - base)))
 * </pre>
 *
 * <p>where {@code P_i} and {@code N_i} are the anchor's positive and negative partners (an anchor
 * without any costs 0); the loss reduces the per-anchor costs over the whole batch. With a distance
 * the differences are mirrored through {@link BatchDistance#margin}.
 *
 * <p>Tuples: pairs, used as masks (a repeated pair counts once); without tuples every pair of the
 * batch. Pair it with {@link org.metriclearn4j.deep.miner.MultiSimilarityMiner} for the paper's
 * method. Defaults (pytorch-metric-learning 2.8.1): {@code alpha = 2}, {@code beta = 50}, {@code
 * base = 0.5}, distance {@link CosineSimilarity}, reducer {@link MeanReducer}.
 */
public final class MultiSimilarityLoss extends TupleLoss {
  private final double alpha;
  private final double beta;
  private final double base;

  private MultiSimilarityLoss(Builder builder) {
    super(builder);
    this.alpha = builder.alpha;
    this.beta = builder.beta;
    this.base = builder.base;
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
  public NDArray compute(NDArray embeddings, NDArray labels, @Nullable MinerResult tuples) {
    MaskedDistances pairs = MaskedDistances.of(distance, embeddings, labels, tuples);
    NDArray matrix = pairs.matrix();
    NDArray positiveExponent = distance.margin(matrix, base).mul(alpha);
    NDArray negativeExponent = distance.margin(base, matrix).mul(beta);
    NDArray positiveLoss =
        LossSupport.logSumExp(positiveExponent, pairs.positiveMask(), true, 1).div(alpha);
    NDArray negativeLoss =
        LossSupport.logSumExp(negativeExponent, pairs.negativeMask(), true, 1).div(beta);
    return reducer.reduce(positiveLoss.add(negativeLoss));
  }

  /**
   * Returns alpha, the scale of the positive term.
   *
   * @return alpha, the scale of the positive term
   */
  public double alpha() {
    return alpha;
  }

  /**
   * Returns beta, the scale of the negative term.
   *
   * @return beta, the scale of the negative term
   */
  public double beta() {
    return beta;
  }

  /**
   * Returns the base similarity {@code lambda}.
   *
   * @return the base similarity {@code lambda}
   */
  public double base() {
    return base;
  }

  /**
   * Returns the reducer of the per-anchor losses.
   *
   * @return the reducer of the per-anchor losses
   */
  public Reducer reducer() {
    return reducer;
  }

  @Override
  public String name() {
    return "multi-similarity";
  }

  @Override
  String settings() {
    return "alpha=" + alpha + ", beta=" + beta + ", base=" + base;
  }

  /** Builder of {@link MultiSimilarityLoss}; {@link #build()} validates. */
  public static final class Builder extends LossBuilder<Builder> {
    private double alpha = 2;
    private double beta = 50;
    private double base = 0.5;

    private Builder() {
      super(CosineSimilarity.create(), new MeanReducer());
    }

    /**
     * Sets alpha, the scale of the positive term (default 2).
     *
     * @param alpha a positive scale
     * @return this builder
     */
    public Builder optAlpha(double alpha) {
      this.alpha = alpha;
      return this;
    }

    /**
     * Sets beta, the scale of the negative term (default 50).
     *
     * @param beta a positive scale
     * @return this builder
     */
    public Builder optBeta(double beta) {
      this.beta = beta;
      return this;
    }

    /**
     * Sets the base similarity {@code lambda} (default 0.5).
     *
     * @param base a finite value of the distance
     * @return this builder
     */
    public Builder optBase(double base) {
      this.base = base;
      return this;
    }

    /**
     * Validates the settings and builds the loss.
     *
     * @return the loss
     * @throws IllegalArgumentException if alpha or beta is not positive or base is not finite
     */
    public MultiSimilarityLoss build() {
      LossSupport.checkPositive("alpha", alpha);
      LossSupport.checkPositive("beta", beta);
      LossSupport.checkFinite("base", base);
      return new MultiSimilarityLoss(this);
    }
  }
}
