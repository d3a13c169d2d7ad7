package org.metriclearn4j.deep.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import org.jspecify.annotations.Nullable;
import org.metriclearn4j.deep.distance.BatchDistance;
import org.metriclearn4j.deep.distance.LpDistance;
import org.metriclearn4j.deep.miner.MinerResult;
import org.metriclearn4j.deep.miner.Pairs;
import org.metriclearn4j.deep.reduce.MeanOverNonZeroReducer;
import org.metriclearn4j.deep.reduce.Reducer;

/**
 * The contrastive loss (Hadsell, Chopra &amp; LeCun, "Dimensionality Reduction by Learning an
 * Invariant Mapping", CVPR 2006; pytorch-metric-learning's {@code ContrastiveLoss}).
 *
 * <p>Each positive pair costs {@code [d(a, p) - posMargin]_+} and each negative pair {@code
 * [negMargin - d(a, n)]_+}, where {@code [x]_+ = max(x, 0)}; for a similarity the differences are
 * mirrored through {@link BatchDistance#margin} ({@code [posMargin - s(a, p)]_+} and {@code [s(a,
 * n) - negMargin]_+}, so set for example {@code posMargin = 1, negMargin = 0} with cosine). The
 * loss is {@code reduce(positive losses) + reduce(negative losses)}.
 *
 * <p>Tuples: pairs (triplets are split into their two pairs); without tuples every ordered pair of
 * the batch. Defaults (pytorch-metric-learning 2.8.1): {@code posMargin = 0}, {@code negMargin =
 * 1}, distance {@link LpDistance#create()} (Euclidean on L2-normalised embeddings), reducer {@link
 * MeanOverNonZeroReducer}.
 */
public final class ContrastiveLoss extends TwoMarginLoss {
  private ContrastiveLoss(Builder builder) {
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
    int[] y = LossSupport.checkBatch(embeddings, labels, tuples);
    Pairs pairs = LossSupport.pairs(y, tuples);
    NDArray matrix = distance.matrix(embeddings, embeddings);
    NDArray positive = LossSupport.gather(matrix, pairs.positiveAnchors(), pairs.positives());
    NDArray negative = LossSupport.gather(matrix, pairs.negativeAnchors(), pairs.negatives());
    NDArray positiveLoss = Activation.relu(distance.margin(positive, posMargin));
    NDArray negativeLoss = Activation.relu(distance.margin(negMargin, negative));
    return reducer.reduce(positiveLoss).add(reducer.reduce(negativeLoss));
  }

  /**
   * Returns the margin beyond which positive pairs cost.
   *
   * @return the margin beyond which positive pairs cost
   */
  public double posMargin() {
    return posMargin;
  }

  /**
   * Returns the margin within which negative pairs cost.
   *
   * @return the margin within which negative pairs cost
   */
  public double negMargin() {
    return negMargin;
  }

  /**
   * Returns the reducer applied to the positive and to the negative pair losses.
   *
   * @return the reducer applied to the positive and to the negative pair losses
   */
  public Reducer reducer() {
    return reducer;
  }

  @Override
  public String name() {
    return "contrastive";
  }

  /** Builder of {@link ContrastiveLoss}; {@link #build()} validates. */
  public static final class Builder extends TwoMarginLossBuilder<Builder> {
    private Builder() {
      super(LpDistance.create(), new MeanOverNonZeroReducer());
    }

    /**
     * Validates the settings and builds the loss.
     *
     * @return the loss
     * @throws IllegalArgumentException if a margin is not finite
     */
    public ContrastiveLoss build() {
      checkMargins();
      return new ContrastiveLoss(this);
    }
  }
}
