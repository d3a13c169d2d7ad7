package org.metriclearn4j.deep.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.jspecify.annotations.Nullable;
import org.metriclearn4j.deep.distance.BatchDistance;
import org.metriclearn4j.deep.distance.CosineSimilarity;
import org.metriclearn4j.deep.miner.MinerResult;

/**
 * The proxy-anchor loss (Kim, Kim, Cho &amp; Kwak, "Proxy Anchor Loss for Deep Metric Learning",
 * CVPR 2020; pytorch-metric-learning's {@code ProxyAnchorLoss}).
 *
 * <p>One learned proxy {@code q_c} per class, used as an anchor against the batch. With
 * similarities {@code s(x, q)}, {@code X_c+} the embeddings of class {@code c}, {@code X_c-} the
 * others, {@code P+} the classes present in the batch and {@code C} the number of classes:
 *
 * <pre>
 *   (1/|P+|) sum_{c in P+} log(1 + sum_{x in X_c+} exp(-alpha (s(x, q_c) - margin)))
 * + (1/C)    sum_{c}       log(1 + sum_{x in X_c-} exp( alpha (s(x, q_c) + margin)))
 * </pre>
 *
 * <p>With a distance the exponents are formed through {@link BatchDistance#margin} as in
 * pytorch-metric-learning. This loss reduces itself with the two divisors above (no reducer).
 *
 * <p>Labels must be class indices {@code 0..numClasses-1}. Tuples: if given, only the embeddings
 * that occur in at least one tuple take part; without tuples every embedding. Defaults
 * (pytorch-metric-learning 2.8.1): {@code margin = 0.1}, {@code alpha = 32}, distance {@link
 * CosineSimilarity}, proxies initialised from a normal distribution with standard deviation {@code
 * sqrt(2 / numClasses)} (Kaiming normal, fan-out) with seed 0. The proxies are learned: see {@link
 * #parameters()}.
 */
public final class ProxyAnchorLoss extends ProxyLoss {
  private final double margin;
  private final double alpha;

  private ProxyAnchorLoss(Builder builder) {
    super(builder, Math.sqrt(2.0 / Math.max(builder.numClasses, 1)));
    this.margin = builder.margin;
    this.alpha = builder.alpha;
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
    int numClasses = proxies.numClasses();
    NDArray similarity = proxyMatrix(embeddings);
    int b = y.length;
    float[] positive = new float[b * numClasses];
    float[] negative = new float[b * numClasses];
    boolean[] present = new boolean[numClasses];
    for (int i : participants(b, tuples)) {
      present[y[i]] = true;
      for (int c = 0; c < numClasses; c++) {
        if (c == y[i]) {
          positive[i * numClasses + c] = 1f;
        } else {
          negative[i * numClasses + c] = 1f;
        }
      }
    }
    int numPresent = 0;
    for (boolean p : present) {
      numPresent += p ? 1 : 0;
    }
    Shape shape = new Shape(b, numClasses);
    NDArray positiveMask =
        LossSupport.fromFloats(embeddings.getManager(), embeddings.getDataType(), positive, shape);
    NDArray negativeMask =
        LossSupport.fromFloats(embeddings.getManager(), embeddings.getDataType(), negative, shape);
    NDArray positiveTerm =
        LossSupport.logSumExp(
            distance.margin(similarity, margin).mul(alpha), positiveMask, true, 0);
    NDArray negativeTerm =
        LossSupport.logSumExp(
            distance.margin(-margin, similarity).mul(alpha), negativeMask, true, 0);
    return positiveTerm.sum().div(Math.max(numPresent, 1)).add(negativeTerm.sum().div(numClasses));
  }

  /**
   * Returns the margin.
   *
   * @return the margin
   */
  public double margin() {
    return margin;
  }

  /**
   * Returns alpha, the scale of the exponents.
   *
   * @return alpha, the scale of the exponents
   */
  public double alpha() {
    return alpha;
  }

  @Override
  public String name() {
    return "proxy-anchor";
  }

  @Override
  public String toString() {
    return "ProxyAnchorLoss[numClasses="
        + proxies.numClasses()
        + ", embeddingDim="
        + proxies.embeddingDim()
        + ", margin="
        + margin
        + ", alpha="
        + alpha
        + ", distance="
        + distance
        + "]";
  }

  /** Builder of {@link ProxyAnchorLoss}; {@link #build()} validates. */
  public static final class Builder extends ProxyLossBuilder<Builder> {
    private double margin = 0.1;
    private double alpha = 32;

    private Builder() {
      super(CosineSimilarity.create());
    }

    /**
     * Sets the margin (default 0.1).
     *
     * @param margin a finite margin
     * @return this builder
     */
    public Builder optMargin(double margin) {
      this.margin = margin;
      return this;
    }

    /**
     * Sets alpha, the scale of the exponents (default 32).
     *
     * @param alpha a positive scale
     * @return this builder
     */
    public Builder optAlpha(double alpha) {
      this.alpha = alpha;
      return this;
    }

    /**
     * Validates the settings and builds the loss with fresh, uninitialised proxies.
     *
     * @return the loss
     * @throws IllegalArgumentException if the class count or width is missing or not positive, the
     *     margin is not finite or alpha is not positive
     */
    public ProxyAnchorLoss build() {
      LossSupport.checkFinite("margin", margin);
      LossSupport.checkPositive("alpha", alpha);
      return new ProxyAnchorLoss(this);
    }
  }
}
