package org.metriclearn4j.learn;

/**
 * The settings shared by the builders of the learners that fit a projection {@code L} with L-BFGS
 * ({@link Nca}, {@link Mlkr}, {@link Lmnn}, {@link LmnnTriplets}): output dimension, iteration
 * limit, tolerance, initialisation and seed. Each learner's builder extends it with its own
 * settings; the iteration limit's default and the objective the tolerance refers to are stated in
 * the learner's class documentation. {@link #build()} validates every setting.
 *
 * @param <B> the learner's builder type
 * @param <L> the learner type
 */
public abstract class ProjectionLearnerBuilder<B extends ProjectionLearnerBuilder<B, L>, L> {
  final ProjectionOptions.Builder options;

  ProjectionLearnerBuilder(int defaultMaxIterations) {
    this.options = new ProjectionOptions.Builder(defaultMaxIterations);
  }

  /** Returns this builder as its own type. */
  abstract B self();

  /**
   * Sets the output dimension {@code k} (default: the number of features of the data).
   *
   * @param value {@code >= 1}, and at most the number of features at fit time
   * @return this builder
   */
  public final B outputDimension(int value) {
    options.outputDimension(value);
    return self();
  }

  /**
   * Sets the L-BFGS iteration limit (default: NCA 100, MLKR 300, LMNN 1000 summed over the
   * refreshes of its active set, LMNN on triplets 1000).
   *
   * @param value {@code >= 1}
   * @return this builder
   */
  public final B maxIterations(int value) {
    options.maxIterations(value);
    return self();
  }

  /**
   * Sets the tolerance on the largest gradient entry and on the relative decrease per iteration of
   * the learner's objective divided by its number of terms (default 1e-5).
   *
   * @param value finite, {@code >= 0} (0: run to {@code maxIterations} or a failed line search)
   * @return this builder
   */
  public final B tolerance(double value) {
    options.tolerance(value);
    return self();
  }

  /**
   * Sets the initialisation (default {@link Initialization#AUTO}; {@link Initialization#LDA} needs
   * labels, so {@link LmnnTriplets} rejects it).
   *
   * @param value the initialisation
   * @return this builder
   */
  public final B init(Initialization value) {
    options.init(value);
    return self();
  }

  /**
   * Sets the random seed (default 0), used only by {@link Initialization#RANDOM}.
   *
   * @param value any seed
   * @return this builder
   */
  public final B seed(long value) {
    options.seed(value);
    return self();
  }

  /**
   * Validates the settings and returns the learner.
   *
   * @return the learner
   * @throws IllegalArgumentException if a setting is out of range
   */
  public abstract L build();
}
