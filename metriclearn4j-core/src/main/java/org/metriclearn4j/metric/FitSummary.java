package org.metriclearn4j.metric;

/**
 * What a fit did: how many iterations it ran, whether it met its convergence criterion and the
 * final value of its objective ({@code NaN} when the learner has no objective, such as a closed
 * form).
 *
 * @param iterations iterations (or passes) performed, {@code >= 0}
 * @param converged whether the convergence criterion was met before the iteration limit
 * @param objective the final objective value, in the learner's own convention
 */
public record FitSummary(int iterations, boolean converged, double objective) {

  /** Validates the fields. */
  public FitSummary {
    if (iterations < 0) {
      throw new IllegalArgumentException("iterations: expected >= 0, found " + iterations);
    }
  }

  /**
   * Returns the summary of a closed-form fit: zero iterations, converged, no objective.
   *
   * @return the summary
   */
  public static FitSummary closedForm() {
    return new FitSummary(0, true, Double.NaN);
  }
}
