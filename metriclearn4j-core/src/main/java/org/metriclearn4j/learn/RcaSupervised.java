package org.metriclearn4j.learn;

import org.metriclearn4j.constraints.Chunks;
import org.metriclearn4j.constraints.ConstraintSampler;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.metric.MahalanobisMetric;

/**
 * RCA from class labels (metric-learn's {@code RCA_Supervised}): draws disjoint same-class chunks
 * with {@link ConstraintSampler#chunks} and fits {@link Rca} on them.
 *
 * <p>Defaults: {@code chunkSize = 2}; {@code numChunks = 0} meaning {@code maxChunks = sum over
 * classes of floor(count / chunkSize)}, the most the data can hold, so that (almost) every sample
 * is in a chunk and the within-chunklet covariance is estimated from all of them. metric-learn's
 * fixed default of 100 chunks fails on iris and wine folds (120 and 142 samples hold at most 60 and
 * 71 pairs) and wastes samples on larger data; this default never asks for more than exists and
 * scales with the number of samples and classes. Seed 0.
 */
public final class RcaSupervised implements SupervisedMetricLearner {
  private final Rca rca;
  private final int numChunks;
  private final int chunkSize;
  private final long seed;

  private RcaSupervised(Builder b) {
    this.rca = b.rca;
    this.numChunks = b.numChunks;
    this.chunkSize = b.chunkSize;
    this.seed = b.seed;
  }

  /** Returns a builder with the defaults stated in the class documentation. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "rca_supervised";
  }

  /**
   * Draws chunks from the labels and fits RCA.
   *
   * @param data the training data
   * @return the metric
   * @throws IllegalArgumentException if fewer than two classes have samples, no class has {@code
   *     chunkSize} samples, or an explicit {@code numChunks} exceeds what the data hold (the
   *     message gives the maximum)
   */
  @Override
  public MahalanobisMetric fit(LabeledDataset data) {
    // RCA could whiten a single class, but that metric says nothing about what separates classes
    SupervisedSupport.requireTwoClasses(data, name());
    int max = ConstraintSampler.maxChunks(data, chunkSize);
    if (max == 0) {
      throw new IllegalArgumentException(
          "data: "
              + name()
              + " needs a class with at least "
              + chunkSize
              + " samples to form a chunk, found class counts "
              + java.util.Arrays.toString(data.classCounts())
              + "; lower chunkSize or add samples");
    }
    int count = numChunks > 0 ? numChunks : max;
    Chunks chunks = ConstraintSampler.withSeed(seed).chunks(data, count, chunkSize);
    MahalanobisMetric weak = rca.fit(chunks);
    return SupervisedSupport.relabel(
        weak,
        name(),
        WeakMetricSupport.hyperparameters("numChunks", count, "chunkSize", chunkSize),
        data,
        seed);
  }

  /** Builds an {@link RcaSupervised}; {@link #build()} validates. */
  public static final class Builder {
    private Rca rca = Rca.builder().build();
    private int numChunks;
    private int chunkSize = 2;
    private long seed;

    private Builder() {}

    /**
     * Sets the RCA settings (default {@code Rca.builder().build()}).
     *
     * @param rca the weak learner
     * @return this builder
     */
    public Builder rca(Rca rca) {
      this.rca = rca;
      return this;
    }

    /**
     * Sets the number of chunks (default 0: as many as the data hold).
     *
     * @param numChunks {@code >= 0}
     * @return this builder
     */
    public Builder numChunks(int numChunks) {
      this.numChunks = numChunks;
      return this;
    }

    /**
     * Sets the number of samples per chunk (default 2).
     *
     * @param chunkSize {@code >= 2}
     * @return this builder
     */
    public Builder chunkSize(int chunkSize) {
      this.chunkSize = chunkSize;
      return this;
    }

    /**
     * Sets the seed of the chunk draw (default 0).
     *
     * @param seed the seed
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Validates the settings and returns the learner.
     *
     * @return the learner
     * @throws IllegalArgumentException if a setting is out of range
     */
    public RcaSupervised build() {
      WeakMetricSupport.checkAtLeast("numChunks", numChunks, 0);
      WeakMetricSupport.checkAtLeast("chunkSize", chunkSize, 2);
      return new RcaSupervised(this);
    }
  }
}
