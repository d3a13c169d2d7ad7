package org.metriclearn4j.deep.loss;

import ai.djl.ndarray.NDArray;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.metriclearn4j.deep.distance.LpDistance;
import org.metriclearn4j.deep.miner.MinerResult;
import org.metriclearn4j.deep.reduce.MeanReducer;
import org.metriclearn4j.deep.reduce.Reducer;

/**
 * The proxy-NCA loss (Movshovitz-Attias, Toshev, Leung, Ioffe &amp; Singh, "No Fuss Distance Metric
 * Learning using Proxies", ICCV 2017; pytorch-metric-learning's {@code ProxyNCALoss}).
 *
 * <p>One learned proxy {@code q_c} per class. Each embedding {@code x} of class {@code y} costs
 * {@code -log softmax_c(-scale d(x, q_c))[y]}: the neighbourhood component analysis probability
 * that its nearest proxy is its own class's. As in pytorch-metric-learning the softmax denominator
 * includes the own proxy (the paper's leaves it out), which keeps the loss non-negative.
 *
 * <p>Labels must be class indices {@code 0..numClasses-1}. Tuples: if given, only the embeddings
 * that occur in at least one tuple take part (pytorch-metric-learning instead down-weights the
 * others); without tuples every embedding. Defaults (pytorch-metric-learning 2.8.1): {@code
 * softmaxScale = 1}, distance squared Euclidean on L2-normalised embeddings and proxies ({@link
 * LpDistance} with power 2), reducer {@link MeanReducer}, proxies initialised from N(0, 1) with
 * seed 0. The proxies are learned: see {@link #parameters()}.
 */
public final class ProxyNcaLoss extends ProxyLoss {
  private final double softmaxScale;
  private final Reducer reducer;

  private ProxyNcaLoss(Builder builder) {
    super(builder, 1.0);
    this.softmaxScale = builder.softmaxScale;
    this.reducer = builder.reducer;
  }

  /**
   * Returns a builder; {@code setNumClasses} and {@code setEmbeddingDim} are required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public NDArray compute(NDArray embeddings, NDArray labels, @Nullable MinerResult tuples) {
    int[] y = checkedLabels(embeddings, labels, tuples);
    NDArray matrix = proxyMatrix(embeddings);
    NDArray logProbability = distance.toScores(matrix).mul(softmaxScale).logSoftmax(1);
    int[] rows = participants(y.length, tuples);
    int[] cols = new int[rows.length];
    for (int k = 0; k < rows.length; k++) {
      cols[k] = y[rows[k]];
    }
    return reducer.reduce(LossSupport.gather(logProbability, rows, cols).neg());
  }

  /**
   * Returns the scale applied to the scores before the softmax.
   *
   * @return the scale applied to the scores before the softmax
   */
  public double softmaxScale() {
    return softmaxScale;
  }

  /**
   * Returns the reducer of the per-embedding losses.
   *
   * @return the reducer of the per-embedding losses
   */
  public Reducer reducer() {
    return reducer;
  }

  @Override
  public String name() {
    return "proxy-nca";
  }

  @Override
  public String toString() {
    return "ProxyNcaLoss[numClasses="
        + proxies.numClasses()
        + ", embeddingDim="
        + proxies.embeddingDim()
        + ", softmaxScale="
        + softmaxScale
        + ", distance="
        + distance
        + ", reducer="
        + reducer
        + "]";
  }

  /** Builder of {@link ProxyNcaLoss}; {@link #build()} validates. */
  public static final class Builder extends ProxyLossBuilder<Builder> {
    private double softmaxScale = 1;
    private Reducer reducer = new MeanReducer();

    private Builder() {
      super(LpDistance.builder().optPower(2).build());
    }

    /**
     * Sets the scale of the scores before the softmax (default 1).
     *
     * @param scale a positive scale
     * @return this builder
     */
    public Builder optSoftmaxScale(double scale) {
      this.softmaxScale = scale;
      return this;
    }

    /**
     * Sets the reducer (default {@link MeanReducer}).
     *
     * @param reducer the reducer
     * @return this builder
     */
    public Builder optReducer(Reducer reducer) {
      this.reducer = Objects.requireNonNull(reducer, "reducer");
      return this;
    }

    /**
     * Validates the settings and builds the loss with fresh, uninitialised proxies.
     *
     * @return the loss
     * @throws IllegalArgumentException if the class count or width is missing or not positive, or
     *     the scale is not positive
     */
    public ProxyNcaLoss build() {
      LossSupport.checkPositive("softmaxScale", softmaxScale);
      return new ProxyNcaLoss(this);
    }
  }
}
