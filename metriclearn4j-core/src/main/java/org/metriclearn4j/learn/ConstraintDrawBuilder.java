package org.metriclearn4j.learn;

/**
 * The settings shared by the builders of the supervised forms that draw constraints from labels and
 * fit a weakly supervised learner on them ({@link ItmlSupervised}, {@link SdmlSupervised}, {@link
 * MmcSupervised}, {@link LsmlSupervised}): how many constraints to draw and the seed of the draw.
 * Each learner's builder adds the weak learner's settings; {@link #build()} validates.
 *
 * @param <B> the learner's builder type
 * @param <L> the learner type
 */
public abstract class ConstraintDrawBuilder<B extends ConstraintDrawBuilder<B, L>, L> {
  int numConstraints;
  long seed;

  ConstraintDrawBuilder() {}

  /** Returns this builder as its own type. */
  abstract B self();

  /**
   * Sets how many constraints to draw: similar pairs and as many dissimilar pairs (ITML, SDML,
   * MMC), or quadruplets (LSML) (default {@code 0}: {@code 20 c^2} for ITML and LSML, {@code max(20
   * c^2, 10 d)} for SDML and MMC, with {@code c} classes and {@code d} features).
   *
   * @param numConstraints {@code >= 1}, or {@code 0} for the default
   * @return this builder
   */
  public final B numConstraints(int numConstraints) {
    this.numConstraints = numConstraints;
    return self();
  }

  /**
   * Sets the seed of the sampling (default 0).
   *
   * @param seed the seed
   * @return this builder
   */
  public final B seed(long seed) {
    this.seed = seed;
    return self();
  }

  /**
   * Validates the settings and returns the learner.
   *
   * @return the learner
   * @throws IllegalArgumentException if {@code numConstraints < 0}
   */
  public abstract L build();
}
