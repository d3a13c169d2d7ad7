package org.metriclearn4j.learn;

import org.metriclearn4j.constraints.ConstraintSampler;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.metric.MahalanobisMetric;

/**
 * LSML from class labels (metric-learn's {@code LSML_Supervised}): draws quadruplets with {@link
 * ConstraintSampler#quadruplets}, each a similar pair that should be closer than a dissimilar pair,
 * and fits {@link Lsml} on them.
 *
 * <p>Defaults: {@code numConstraints = 20 c^2} quadruplets for {@code c} classes (metric-learn's
 * default; fewer when fewer distinct pairs exist), the default {@link Lsml} settings, seed 0. The
 * seed drives the sampling ({@link Lsml} itself is deterministic).
 */
public final class LsmlSupervised implements SupervisedMetricLearner {
  private final Lsml lsml;
  private final ConstraintDraw draw;

  private LsmlSupervised(Lsml lsml, ConstraintDraw draw) {
    this.lsml = lsml;
    this.draw = draw;
  }

  /** Returns a builder with the defaults stated in the class documentation. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the weak learner's settings. */
  public Lsml lsml() {
    return lsml;
  }

  @Override
  public String name() {
    return "lsml_supervised";
  }

  @Override
  public MahalanobisMetric fit(LabeledDataset data) {
    return draw.fit(data, name(), (sampler, count) -> lsml.fit(sampler.quadruplets(data, count)));
  }

  /** Builds an {@link LsmlSupervised}; {@link #build()} validates. */
  public static final class Builder extends ConstraintDrawBuilder<Builder, LsmlSupervised> {
    private Lsml lsml = Lsml.builder().build();

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /**
     * Sets the LSML settings (default {@code Lsml.builder().build()}).
     *
     * @param lsml the weak learner
     * @return this builder
     */
    public Builder lsml(Lsml lsml) {
      this.lsml = lsml;
      return this;
    }

    /**
     * Validates the settings and returns the learner.
     *
     * @return the learner
     * @throws IllegalArgumentException if {@code numConstraints < 0}
     */
    @Override
    public LsmlSupervised build() {
      return new LsmlSupervised(
          lsml, new ConstraintDraw(numConstraints, seed, ConstraintDraw.DefaultCount.CLASSES));
    }
  }
}
