package org.metriclearn4j.learn;

import org.metriclearn4j.constraints.ConstraintSampler;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.metric.MahalanobisMetric;

/**
 * ITML from class labels (metric-learn's {@code ITML_Supervised}): draws similar and dissimilar
 * pairs with {@link ConstraintSampler#pairs} and fits {@link Itml} on them.
 *
 * <p>Defaults: {@code numConstraints = 20 c^2} similar and as many dissimilar pairs for {@code c}
 * classes (metric-learn's default; fewer when fewer distinct pairs exist), the default {@link Itml}
 * settings, seed 0. The seed drives both the sampling and {@link Itml}'s own sampling.
 */
public final class ItmlSupervised implements SupervisedMetricLearner {
  private final Itml itml;
  private final ConstraintDraw draw;

  private ItmlSupervised(Itml itml, ConstraintDraw draw) {
    this.itml = itml;
    this.draw = draw;
  }

  /** Returns a builder with the defaults stated in the class documentation. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the weak learner's settings (its seed is replaced by this learner's seed). */
  public Itml itml() {
    return itml;
  }

  @Override
  public String name() {
    return "itml_supervised";
  }

  @Override
  public MahalanobisMetric fit(LabeledDataset data) {
    return draw.fit(
        data,
        name(),
        (sampler, count) ->
            itml.toBuilder().seed(draw.seed()).build().fit(sampler.pairs(data, count, count)));
  }

  /** Builds an {@link ItmlSupervised}; {@link #build()} validates. */
  public static final class Builder extends ConstraintDrawBuilder<Builder, ItmlSupervised> {
    private Itml itml = Itml.builder().build();

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /**
     * Sets the ITML settings (default {@code Itml.builder().build()}).
     *
     * @param itml the weak learner
     * @return this builder
     */
    public Builder itml(Itml itml) {
      this.itml = itml;
      return this;
    }

    /**
     * Validates the settings and returns the learner.
     *
     * @return the learner
     * @throws IllegalArgumentException if {@code numConstraints < 0}
     */
    @Override
    public ItmlSupervised build() {
      return new ItmlSupervised(
          itml, new ConstraintDraw(numConstraints, seed, ConstraintDraw.DefaultCount.CLASSES));
    }
  }
}
