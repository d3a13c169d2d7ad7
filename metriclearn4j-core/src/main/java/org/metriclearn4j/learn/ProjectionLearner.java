package org.metriclearn4j.learn;

import java.util.OptionalInt;

/**
 * The settings shared by the learners that fit a projection {@code L} with L-BFGS ({@link Nca},
 * {@link Mlkr}, {@link Lmnn}, {@link LmnnTriplets}), as set by their {@link
 * ProjectionLearnerBuilder}.
 */
public abstract class ProjectionLearner {
  final ProjectionOptions options;

  ProjectionLearner(ProjectionOptions options) {
    this.options = options;
  }

  /**
   * Returns the configured output dimension {@code k}, or empty for "all {@code d} features".
   *
   * @return the output dimension
   */
  public final OptionalInt outputDimension() {
    return options.outputDimension();
  }

  /**
   * Returns the L-BFGS iteration limit.
   *
   * @return the limit
   */
  public final int maxIterations() {
    return options.maxIterations();
  }

  /**
   * Returns the convergence tolerance.
   *
   * @return the tolerance
   */
  public final double tolerance() {
    return options.tolerance();
  }

  /**
   * Returns the initialisation.
   *
   * @return the initialisation
   */
  public final Initialization init() {
    return options.init();
  }

  /**
   * Returns the random seed.
   *
   * @return the seed
   */
  public final long seed() {
    return options.seed();
  }
}
