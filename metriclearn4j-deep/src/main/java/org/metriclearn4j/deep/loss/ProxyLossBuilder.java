package org.metriclearn4j.deep.loss;

import java.util.Objects;
import org.metriclearn4j.deep.distance.BatchDistance;

/**
 * The settings that the builders of the proxy losses share: the class count and embedding width
 * that shape the proxies (both required), the seed of their initial values and the distance.
 *
 * @param <B> the concrete builder, returned by the setters for chaining
 */
abstract class ProxyLossBuilder<B extends ProxyLossBuilder<B>> {
  int numClasses;
  int embeddingDim;
  long seed;
  BatchDistance distance;

  ProxyLossBuilder(BatchDistance defaultDistance) {
    this.distance = defaultDistance;
  }

  /**
   * Sets the number of classes, one proxy each (required).
   *
   * @param numClasses a positive count
   * @return this builder
   */
  public final B setNumClasses(int numClasses) {
    this.numClasses = numClasses;
    return self();
  }

  /**
   * Sets the embedding width (required).
   *
   * @param embeddingDim a positive width
   * @return this builder
   */
  public final B setEmbeddingDim(int embeddingDim) {
    this.embeddingDim = embeddingDim;
    return self();
  }

  /**
   * Sets the distance (default: the one stated in the loss's class javadoc).
   *
   * @param distance the distance
   * @return this builder
   */
  public final B optDistance(BatchDistance distance) {
    this.distance = Objects.requireNonNull(distance, "distance");
    return self();
  }

  /**
   * Sets the seed of the initial proxies (default 0).
   *
   * @param seed the seed
   * @return this builder
   */
  public final B optSeed(long seed) {
    this.seed = seed;
    return self();
  }

  // Every concrete builder B is declared as B extends ProxyLossBuilder<B>, so this is a B.
  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }
}
