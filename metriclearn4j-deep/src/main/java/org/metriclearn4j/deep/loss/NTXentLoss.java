package org.metriclearn4j.deep.loss;

import ai.djl.ndarray.NDArray;
import org.jspecify.annotations.Nullable;
import org.metriclearn4j.deep.distance.CosineSimilarity;
import org.metriclearn4j.deep.miner.MinerResult;
import org.metriclearn4j.deep.miner.Pairs;
import org.metriclearn4j.deep.reduce.MeanReducer;
import org.metriclearn4j.deep.reduce.Reducer;

/**
 * The normalised temperature-scaled cross-entropy loss, NT-Xent (Chen, Kornblith, Norouzi &amp;
 * Hinton, "A Simple Framework for Contrastive Learning of Visual Representations", ICML 2020; also
 * InfoNCE; pytorch-metric-learning's {@code NTXentLoss}).
 *
 * <p>With scores {@code s} (the similarity, or the negated distance) divided by the temperature
 * {@code tau}, each positive pair {@code (a, p)} costs
 *
 * <pre>
 *   -log( exp(s_ap / tau) / (exp(s_ap / tau) + sum_{n in N_a} exp(s_an / tau)) )
 * </pre>
 *
 * <p>where {@code N_a} are the anchor's negative partners (a pair whose anchor has none costs 0).
 * The loss reduces the per-positive-pair costs.
 *
 * <p>Tuples: pairs; every listed positive pair costs once, and the negative pairs form each
 * anchor's set {@code N_a} (a repeated negative pair counts once, where pytorch-metric-learning
 * would count it again). Without tuples every pair of the batch. Defaults (pytorch-metric-learning
 * 2.8.1): {@code temperature = 0.07}, distance {@link CosineSimilarity}, reducer {@link
 * MeanReducer}.
 */
public final class NTXentLoss extends TupleLoss {
  private final double temperature;

  private NTXentLoss(Builder builder) {
    super(builder);
    this.temperature = builder.temperature;
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
    int b = y.length;
    Pairs pairs = LossSupport.pairs(y, tuples);
    NDArray negativeMask =
        LossSupport.mask(
            embeddings.getManager(),
            embeddings.getDataType(),
            b,
            b,
            pairs.negativeAnchors(),
            pairs.negatives());
    NDArray scores = distance.toScores(distance.matrix(embeddings, embeddings)).div(temperature);
    NDArray negativeTerm = LossSupport.logSumExp(scores, negativeMask, false, 1);
    NDArray hasNegative = negativeMask.sum(new int[] {1}).gt(0).toType(scores.getDataType(), false);
    int[] anchors = pairs.positiveAnchors();
    NDArray positive = LossSupport.gather(scores, anchors, pairs.positives());
    NDArray pairNegativeTerm = LossSupport.gather(negativeTerm, anchors);
    NDArray pairHasNegative = LossSupport.gather(hasNegative, anchors);
    // -log(e^s / (e^s + sum e^n)) = logaddexp(s, log sum e^n) - s; zero when there is no negative.
    NDArray losses =
        LossSupport.logAddExp(positive, pairNegativeTerm).sub(positive).mul(pairHasNegative);
    return reducer.reduce(losses);
  }

  /**
   * Returns the temperature.
   *
   * @return the temperature
   */
  public double temperature() {
    return temperature;
  }

  /**
   * Returns the reducer of the per-positive-pair losses.
   *
   * @return the reducer of the per-positive-pair losses
   */
  public Reducer reducer() {
    return reducer;
  }

  @Override
  public String name() {
    return "nt-xent";
  }

  @Override
  String settings() {
    return "temperature=" + temperature;
  }

  /** Builder of {@link NTXentLoss}; {@link #build()} validates. */
  public static final class Builder extends LossBuilder<Builder> {
    private double temperature = 0.07;

    private Builder() {
      super(CosineSimilarity.create(), new MeanReducer());
    }

    /**
     * Sets the temperature (default 0.07).
     *
     * @param temperature a positive temperature
     * @return this builder
     */
    public Builder optTemperature(double temperature) {
      this.temperature = temperature;
      return this;
    }

    /**
     * Validates the settings and builds the loss.
     *
     * @return the loss
     * @throws IllegalArgumentException if the temperature is not positive
     */
    public NTXentLoss build() {
      LossSupport.checkPositive("temperature", temperature);
      return new NTXentLoss(this);
    }
  }
}
