package org.metriclearn4j.learn;

import org.metriclearn4j.constraints.ConstraintSampler;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.metric.MahalanobisMetric;

/**
 * MMC from class labels (metric-learn's {@code MMC_Supervised}): draws similar and dissimilar pairs
 * with {@link ConstraintSampler#pairs} and fits {@link Mmc} on them.
 *
 * <p>Defaults: {@code numConstraints = max(20 c^2, 10 d)} similar and as many dissimilar pairs for
 * {@code c} classes and {@code d} features (fewer when fewer distinct pairs exist): metric-learn's
 * {@code 20 c^2}, raised for many features, since MMC learns a {@code d x d} matrix and 80 pairs of
 * a kind (two classes) leave it underdetermined on breast_cancer's 30 features. The default {@link
 * Mmc} settings, seed 0. The seed drives the sampling ({@link Mmc} itself is deterministic).
 */
public final class MmcSupervised implements SupervisedMetricLearner {
  private final Mmc mmc;
  private final ConstraintDraw draw;

  private MmcSupervised(Mmc mmc, ConstraintDraw draw) {
    this.mmc = mmc;
    this.draw = draw;
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
    return draw.fit(data, name(), (sampler, count) -> mmc.fit(sampler.pairs(data, count, count)));
  }

  /** Builds an {@link MmcSupervised}; {@link #build()} validates. */
  public static final class Builder extends ConstraintDrawBuilder<Builder, MmcSupervised> {
    private Mmc mmc = Mmc.builder().build();

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

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
     * Validates the settings and returns the learner.
     *
     * @return the learner
     * @throws IllegalArgumentException if {@code numConstraints < 0}
     */
    @Override
    public MmcSupervised build() {
      return new MmcSupervised(
          mmc,
          new ConstraintDraw(
              numConstraints, seed, ConstraintDraw.DefaultCount.CLASSES_OR_FEATURES));
    }
  }
}
