package org.metriclearn4j.deep.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import org.jspecify.annotations.Nullable;
import org.metriclearn4j.deep.distance.BatchDistance;
import org.metriclearn4j.deep.distance.LpDistance;
import org.metriclearn4j.deep.miner.MinerResult;
import org.metriclearn4j.deep.reduce.MeanReducer;
import org.metriclearn4j.deep.reduce.Reducer;

/**
 * The lifted structured loss in its generalised per-anchor form (Song, Xiang, Jegelka &amp;
 * Savarese, "Deep Metric Learning via Lifted Structured Feature Embedding", CVPR 2016; the
 * generalisation of Hermans, Beyer &amp; Leibe, "In Defense of the Triplet Loss for Person
 * Re-Identification", 2017, eq. 4; pytorch-metric-learning's {@code
 * GeneralizedLiftedStructureLoss}).
 *
 * <p>Each anchor {@code i} costs
 *
 * <pre>
 *   [ log sum_{p in P_i} exp(d(i, p) - posMargin) + log sum_{n in N_i} exp(negMargin - d(i, n)) ]_+
 * </pre>
 *
 * <p>a smooth version of "hardest positive distance minus hardest negative distance plus margin"; a
 * sum over an empty set of partners contributes 0 instead of its logarithm. For a similarity the
 * differences are mirrored through {@link BatchDistance#margin}. The loss reduces the per-anchor
 * costs over the whole batch.
 *
 * <p>Tuples: pairs, used as masks (a repeated pair counts once); without tuples every pair of the
 * batch. Defaults (pytorch-metric-learning 2.8.1): {@code negMargin = 1}, {@code posMargin = 0},
 * distance {@link LpDistance#create()}, reducer {@link MeanReducer}.
 */
public final class LiftedStructureLoss extends TwoMarginLoss {
  private LiftedStructureLoss(Builder builder) {
    super(builder);
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
    NDArray positive =
        LossSupport.logSumExp(distance.margin(matrix, posMargin), pairs.positiveMask(), false, 1);
    NDArray negative =
        LossSupport.logSumExp(distance.margin(negMargin, matrix), pairs.negativeMask(), false, 1);
    return reducer.reduce(Activation.relu(positive.add(negative)));
  }

  /**
   * Returns the positive margin.
   *
   * @return the positive margin
   */
  public double posMargin() {
    return posMargin;
  }

  /**
   * Returns the negative margin.
   *
   * @return the negative margin
   */
  public double negMargin() {
    return negMargin;
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
    return "lifted-structure";
  }

  /** Builder of {@link LiftedStructureLoss}; {@link #build()} validates. */
  public static final class Builder extends TwoMarginLossBuilder<Builder> {
    private Builder() {
      super(LpDistance.create(), new MeanReducer());
    }

    /**
     * Validates the settings and builds the loss.
     *
     * @return the loss
     * @throws IllegalArgumentException if a margin is not finite
     */
    public LiftedStructureLoss build() {
      checkMargins();
      return new LiftedStructureLoss(this);
    }
  }
}
