package org.metriclearn4j.deep.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.metriclearn4j.deep.distance.BatchDistance;
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
public final class ProxyNcaLoss implements MetricLoss {
  private final double softmaxScale;
  private final BatchDistance distance;
  private final Reducer reducer;
  private final ProxyBlock proxies;

  private ProxyNcaLoss(Builder builder) {
    this.softmaxScale = builder.softmaxScale;
    this.distance = builder.distance;
    this.reducer = builder.reducer;
    this.proxies = new ProxyBlock(builder.numClasses, builder.embeddingDim, 1.0, builder.seed);
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
    int[] y = LossSupport.checkBatch(embeddings, labels, tuples);
    LossSupport.checkProxyInputs(y, embeddings, proxies);
    NDArray proxyArray = proxies.proxies().toType(embeddings.getDataType(), false);
    NDArray matrix = distance.matrix(embeddings, proxyArray);
    NDArray logProbability = distance.toScores(matrix).mul(softmaxScale).logSoftmax(1);
    int[] rows = LossSupport.participants(y.length, tuples);
    int[] cols = new int[rows.length];
    for (int k = 0; k < rows.length; k++) {
      cols[k] = y[rows[k]];
    }
    return reducer.reduce(LossSupport.gather(logProbability, rows, cols).neg());
  }

  /**
   * Returns the block holding the learned proxies, which the training loop must initialise and
   * optimise (see {@link MetricLoss#parameters()}).
   *
   * @return the {@link ProxyBlock}
   */
  @Override
  public Optional<Block> parameters() {
    return Optional.of(proxies);
  }

  /**
   * Returns the proxy block (the same object as {@link #parameters()}).
   *
   * @return the proxy block (the same object as {@link #parameters()})
   */
  public ProxyBlock proxyBlock() {
    return proxies;
  }

  /**
   * Returns the scale applied to the scores before the softmax.
   *
   * @return the scale applied to the scores before the softmax
   */
  public double softmaxScale() {
    return softmaxScale;
  }

  @Override
  public BatchDistance distance() {
    return distance;
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
  public static final class Builder {
    private int numClasses;
    private int embeddingDim;
    private double softmaxScale = 1;
    private BatchDistance distance = LpDistance.builder().optPower(2).build();
    private Reducer reducer = new MeanReducer();
    private long seed;

    private Builder() {}

    /**
     * Sets the number of classes, one proxy each (required).
     *
     * @param numClasses a positive count
     * @return this builder
     */
    public Builder setNumClasses(int numClasses) {
      this.numClasses = numClasses;
      return this;
    }

    /**
     * Sets the embedding width (required).
     *
     * @param embeddingDim a positive width
     * @return this builder
     */
    public Builder setEmbeddingDim(int embeddingDim) {
      this.embeddingDim = embeddingDim;
      return this;
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
     * Sets the distance (default squared Euclidean on L2-normalised vectors).
     *
     * @param distance the distance
     * @return this builder
     */
    public Builder optDistance(BatchDistance distance) {
      this.distance = Objects.requireNonNull(distance, "distance");
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
     * Sets the seed of the initial proxies (default 0).
     *
     * @param seed the seed
     * @return this builder
     */
    public Builder optSeed(long seed) {
      this.seed = seed;
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
