package org.metriclearn4j.learn;

/**
 * How a gradient-based learner such as {@link Nca} chooses its starting components {@code L_0}
 * ({@code k x d}).
 *
 * <p>All choices except {@link #IDENTITY} are computed in standardised coordinates (each feature
 * divided by its standard deviation on the training data) and then multiplied by one global factor
 * chosen so that the softmax of NCA-type objectives, {@code p_ij ~ exp(-||L_0 (x_i - x_j)||^2)},
 * spreads over about {@code min(100, (n - 1) / 2)} neighbours: the median over training points of
 * its perplexity {@code exp(-sum_j p_ij log p_ij)} equals that number. Features that are constant
 * on the training data get weight 0 in those starts: they cannot inform the objective (every
 * difference is 0), and weight 0 keeps test-time distances independent of them.
 */
public enum Initialization {
  /**
   * The default: the per-feature inverse standard deviation when {@code k = d}; otherwise {@link
   * #LDA} when {@code k <= classes - 1} and {@link #PCA} when not (all standardised and scaled as
   * described above). Works on unscaled data.
   */
  AUTO,
  /**
   * The first {@code k} rows of the {@code d x d} identity, exactly, with no standardisation and no
   * scaling: the classic start of metric-learn and scikit-learn. On unscaled data (one feature in
   * the thousands) the softmax is one-hot from the start and the gradient nearly vanishes, so
   * prefer {@link #AUTO} unless the data are already scaled.
   */
  IDENTITY,
  /** The {@code k} leading principal axes of the standardised training data, then scaled. */
  PCA,
  /**
   * The {@code k} leading linear discriminant directions of the standardised training data
   * (generalised eigenvectors of the between- and the ridge-regularised within-class scatter, each
   * of unit length), then scaled. Directions beyond {@code classes - 1} complete the basis.
   */
  LDA,
  /**
   * Independent standard Gaussian entries drawn from the learner's seed, in standardised
   * coordinates, then scaled.
   */
  RANDOM
}
