package org.metriclearn4j.learn;

import org.metriclearn4j.constraints.ConstraintSampler;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.metric.MahalanobisMetric;

/**
 * How the supervised forms of the pair and quadruplet learners ({@link ItmlSupervised}, {@link
 * SdmlSupervised}, {@link MmcSupervised}, {@link LsmlSupervised}) turn class labels into
 * constraints: the requested number of constraints ({@code 0} for a default that depends on the
 * data) and the seed, validated once, and the fit around the weak learner: check the labels,
 * resolve the number, draw with a seeded {@link ConstraintSampler}, fit, and give the metric the
 * supervised learner's provenance. Immutable.
 */
final class ConstraintDraw {
  private final int numConstraints;
  private final long seed;
  private final DefaultCount defaultCount;

  /**
   * Creates the settings.
   *
   * @param numConstraints the number of constraints of each kind, or {@code 0} for the default
   * @param seed the seed of the draw
   * @param defaultCount the number drawn when {@code numConstraints} is 0
   * @throws IllegalArgumentException if {@code numConstraints < 0}
   */
  ConstraintDraw(int numConstraints, long seed, DefaultCount defaultCount) {
    WeakMetricSupport.checkAtLeast("numConstraints", numConstraints, 0);
    this.numConstraints = numConstraints;
    this.seed = seed;
    this.defaultCount = defaultCount;
  }

  /** Returns the seed of the draw. */
  long seed() {
    return seed;
  }

  /**
   * Draws the constraints and fits the weak learner on them.
   *
   * @param data the labelled training data
   * @param learner the supervised learner's name (for messages and the provenance)
   * @param weak draws the constraints with the sampler and fits the weak learner
   * @return the metric, with the supervised learner's provenance (its {@code numConstraints} the
   *     number drawn, prefixed by the default's rule when it is the default)
   * @throws IllegalArgumentException if the labels cannot give similar and dissimilar constraints
   */
  MahalanobisMetric fit(LabeledDataset data, String learner, WeakFit weak) {
    SupervisedSupport.requireTwoClasses(data, learner);
    int count = numConstraints > 0 ? numConstraints : defaultCount.of(data);
    MahalanobisMetric metric = weak.fit(ConstraintSampler.withSeed(seed), count);
    return SupervisedSupport.relabel(
        metric,
        learner,
        WeakMetricSupport.hyperparameters(
            "numConstraints", numConstraints > 0 ? count : defaultCount.rule + "=" + count),
        data,
        seed);
  }

  /** The number of constraints of each kind drawn when none is requested. */
  enum DefaultCount {
    /** metric-learn's {@code 20 c^2} for {@code c} classes with samples. */
    CLASSES("20c^2"),
    /**
     * {@code max(20 c^2, 10 d)} for {@code d} features: enough pairs to estimate a {@code d x d}
     * matrix.
     */
    CLASSES_OR_FEATURES("max(20c^2,10d)");

    private final String rule;

    DefaultCount(String rule) {
      this.rule = rule;
    }

    /** Returns the number for the data. */
    int of(LabeledDataset data) {
      int classes = ConstraintSampler.defaultConstraintCount(data.numPresentClasses());
      return this == CLASSES ? classes : Math.max(classes, 10 * data.dimension());
    }
  }

  /** Draws a number of constraints with a sampler and fits a weak learner on them. */
  @FunctionalInterface
  interface WeakFit {
    /**
     * Draws and fits.
     *
     * @param sampler the seeded sampler
     * @param count the number of constraints of each kind
     * @return the metric of the weak learner
     */
    MahalanobisMetric fit(ConstraintSampler sampler, int count);
  }
}
