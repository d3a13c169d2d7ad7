package org.metriclearn4j.deep.distance;

import ai.djl.ndarray.NDArray;

/**
 * Euclidean distance between embeddings, or its square (pytorch-metric-learning's {@code
 * LpDistance} with {@code p = 2}). Smaller is closer.
 *
 * <p>The matrix is computed as {@code ||q||^2 + ||r||^2 - 2 q.r}, clamped at zero, which costs one
 * matrix product. With {@code power = 1} the square root is taken safely: squared distances at or
 * below {@value #EPSILON} count as exactly zero and have a zero gradient there, so the gradient at
 * coincident points is finite (the plain square root has an infinite slope at zero).
 *
 * <p>Defaults (as in pytorch-metric-learning 2.8.1): embeddings are L2-normalised first, power 1
 * (plain Euclidean distance).
 */
public final class LpDistance implements BatchDistance {
  /** Squared distances at or below this count as zero when the square root is taken: {@value}. */
  public static final double EPSILON = 1e-12;

  private final boolean normalizeEmbeddings;
  private final int power;

  private LpDistance(Builder builder) {
    this.normalizeEmbeddings = builder.normalizeEmbeddings;
    this.power = builder.power;
  }

  /**
   * Returns a builder with the defaults: L2-normalised embeddings, power 1.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the default distance: Euclidean distance between L2-normalised embeddings.
   *
   * @return the distance with the defaults
   */
  public static LpDistance create() {
    return builder().build();
  }

  /**
   * Returns the power the Euclidean distance is raised to: 1 (distance) or 2 (squared distance).
   *
   * @return 1 or 2
   */
  public int power() {
    return power;
  }

  @Override
  public NDArray matrix(NDArray queries, NDArray references) {
    DistanceChecks.checkBatches(queries, references);
    NDArray q = normalize(queries);
    NDArray r = normalize(references);
    NDArray qq = q.square().sum(new int[] {1}, true);
    NDArray rr = r.square().sum(new int[] {1}, true).transpose();
    NDArray squared = qq.add(rr).sub(q.matMul(r.transpose()).mul(2)).maximum(0);
    if (power == 2) {
      return squared;
    }
    NDArray nonZero = squared.gt(EPSILON).toType(squared.getDataType(), false);
    return squared.maximum(EPSILON).sqrt().mul(nonZero);
  }

  @Override
  public boolean largerIsCloser() {
    return false;
  }

  @Override
  public boolean normalizeEmbeddings() {
    return normalizeEmbeddings;
  }

  @Override
  public String name() {
    return power == 2 ? "squared-euclidean" : "euclidean";
  }

  @Override
  public String toString() {
    return "LpDistance[power=" + power + ", normalizeEmbeddings=" + normalizeEmbeddings + "]";
  }

  /** Builder of {@link LpDistance}; {@link #build()} validates. */
  public static final class Builder {
    private boolean normalizeEmbeddings = true;
    private int power = 1;

    private Builder() {}

    /**
     * Sets whether embeddings are L2-normalised before the distance is taken (default {@code
     * true}).
     *
     * @param normalize whether to normalise
     * @return this builder
     */
    public Builder optNormalizeEmbeddings(boolean normalize) {
      this.normalizeEmbeddings = normalize;
      return this;
    }

    /**
     * Sets the power of the Euclidean distance: 1 for the distance, 2 for its square (default 1).
     *
     * @param power 1 or 2
     * @return this builder
     */
    public Builder optPower(int power) {
      this.power = power;
      return this;
    }

    /**
     * Validates the settings and builds the distance.
     *
     * @return the distance
     * @throws IllegalArgumentException if the power is neither 1 nor 2
     */
    public LpDistance build() {
      if (power != 1 && power != 2) {
        throw new IllegalArgumentException("power must be 1 or 2, found " + power);
      }
      return new LpDistance(this);
    }
  }
}
