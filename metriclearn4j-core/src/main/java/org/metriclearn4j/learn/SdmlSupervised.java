package org.metriclearn4j.learn;

import org.metriclearn4j.constraints.ConstraintSampler;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.metric.MahalanobisMetric;

/**
 * SDML from class labels (metric-learn's {@code SDML_Supervised}, which fails with its defaults on
 * every bundled dataset; this one does not): draws similar and dissimilar pairs with {@link
 * ConstraintSampler#pairs} and fits {@link Sdml} on them.
 *
 * <p>Defaults: {@code numConstraints = max(20 c^2, 10 d)} similar and as many dissimilar pairs for
 * {@code c} classes and {@code d} features (fewer when fewer distinct pairs exist): metric-learn's
 * {@code 20 c^2}, raised for many features so that the pair term, a {@code d x d} scatter, is
 * estimated from enough pairs. The default {@link Sdml} settings, seed 0. The seed drives the
 * sampling ({@link Sdml} itself is deterministic).
 */
public final class SdmlSupervised implements SupervisedMetricLearner {
  private final Sdml sdml;
  private final ConstraintDraw draw;

  private SdmlSupervised(Sdml sdml, ConstraintDraw draw) {
    this.sdml = sdml;
    this.draw = draw;
  }

  /** Returns a builder with the defaults stated in the class documentation. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the weak learner's settings. */
  public Sdml sdml() {
    return sdml;
  }

  @Override
  public String name() {
    return "sdml_supervised";
  }

  @Override
  public MahalanobisMetric fit(LabeledDataset data) {
    return draw.fit(data, name(), (sampler, count) -> sdml.fit(sampler.pairs(data, count, count)));
  }

  /** Builds an {@link SdmlSupervised}; {@link #build()} validates. */
  public static final class Builder extends ConstraintDrawBuilder<Builder, SdmlSupervised> {
    private Sdml sdml = Sdml.builder().build();

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /**
     * Sets the SDML settings (default {@code Sdml.builder().build()}).
     *
     * @param sdml the weak learner
     * @return this builder
     */
    public Builder sdml(Sdml sdml) {
      this.sdml = sdml;
      return this;
    }

    /**
     * Validates the settings and returns the learner.
     *
     * @return the learner
     * @throws IllegalArgumentException if {@code numConstraints < 0}
     */
    @Override
    public SdmlSupervised build() {
      return new SdmlSupervised(
          sdml,
          new ConstraintDraw(
              numConstraints, seed, ConstraintDraw.DefaultCount.CLASSES_OR_FEATURES));
    }
  }
}
