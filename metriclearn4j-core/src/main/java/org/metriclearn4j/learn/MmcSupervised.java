package org.metriclearn4j.learn;

import org.metriclearn4j.constraints.ConstraintSampler;
import org.metriclearn4j.constraints.Pairs;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.metric.MahalanobisMetric;

/**
 * MMC from class labels (metric-learn's {@code MMC_Supervised}, which fails with its defaults on
 * every bundled dataset; this one does not): draws similar and dissimilar pairs with {@link
 * ConstraintSampler#pairs} and fits {@link Mmc} on them.
 *
 * <p>Defaults: {@code numConstraints = 20 c^2} similar and as many dissimilar pairs for {@code c}
 * classes (metric-learn's default; fewer when fewer distinct pairs exist), the default {@link Mmc}
 * settings, seed 0. The seed drives the sampling ({@link Mmc} itself is deterministic).
 */
public final class MmcSupervised implements SupervisedMetricLearner {
  private final Mmc mmc;
  private final int numConstraints;
  private final long seed;

  private MmcSupervised(Builder b) {
    this.mmc = b.mmc;
    this.numConstraints = b.numConstraints;
    this.seed = b.seed;
  }

  /** Returns a builder with the defaults stated in the class documentation. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the weak learner's settings. */
  public Mmc mmc() {
    return mmc;
  }

  @Override
  public String name() {
    return mmc.form() == Mmc.Form.FULL ? "mmc_supervised" : "mmc_diagonal_supervised";
  }

  @Override
  public MahalanobisMetric fit(LabeledDataset data) {
    SupervisedSupport.requireTwoClasses(data, name());
    int count =
        numConstraints > 0
            ? numConstraints
            : ConstraintSampler.defaultConstraintCount(data.numPresentClasses());
    Pairs pairs = ConstraintSampler.withSeed(seed).pairs(data, count, count);
    MahalanobisMetric weak = mmc.fit(pairs);
    return SupervisedSupport.relabel(
        weak,
        name(),
        WeakMetricSupport.hyperparameters(
            "numConstraints", numConstraints > 0 ? count : "20c^2=" + count),
        data,
        seed);
  }

  /** Builds an {@link MmcSupervised}; {@link #build()} validates. */
  public static final class Builder {
    private Mmc mmc = Mmc.builder().build();
    private int numConstraints;
    private long seed;

    private Builder() {}

    /**
     * Sets the MMC settings (default {@code Mmc.builder().build()}).
     *
     * @param mmc the weak learner
     * @return this builder
     */
    public Builder mmc(Mmc mmc) {
      this.mmc = mmc;
      return this;
    }

    /**
     * Sets the number of similar pairs, and of dissimilar pairs, to draw (default {@code 0}: {@code
     * 20 c^2}).
     *
     * @param numConstraints {@code >= 1}, or {@code 0} for the default
     * @return this builder
     */
    public Builder numConstraints(int numConstraints) {
      this.numConstraints = numConstraints;
      return this;
    }

    /**
     * Sets the seed of the sampling (default 0).
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
     * @throws IllegalArgumentException if {@code numConstraints < 0}
     */
    public MmcSupervised build() {
      WeakMetricSupport.checkAtLeast("numConstraints", numConstraints, 0);
      return new MmcSupervised(this);
    }
  }
}
