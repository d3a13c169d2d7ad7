package org.metriclearn4j.optim;

/** Why an optimiser stopped. */
public enum StopReason {
  /** The largest absolute gradient entry fell to or below the gradient tolerance (converged). */
  GRADIENT_TOLERANCE(true),
  /**
   * The relative decrease of the value in one iteration fell to or below the relative function
   * tolerance (converged).
   */
  FUNCTION_TOLERANCE(true),
  /** The iteration limit was reached first (not converged). */
  MAX_ITERATIONS(false),
  /**
   * No step along the search direction satisfied the line search's conditions, even after
   * restarting from the steepest-descent direction (not converged). This usually means the value
   * can no longer be decreased at floating-point precision.
   */
  LINE_SEARCH_FAILED(false),
  /**
   * The function returned a non-finite value or gradient along the search direction and either no
   * finite point with a lower value could be found, or the step it forced decreased the value by
   * less than the relative function tolerance (not converged). The result holds the last finite
   * iterate.
   */
  NON_FINITE_VALUE(false);

  private final boolean converged;

  StopReason(boolean converged) {
    this.converged = converged;
  }

  /**
   * Returns whether stopping for this reason means the convergence criterion was met.
   *
   * @return {@code true} for the two tolerance criteria
   */
  public boolean converged() {
    return converged;
  }
}
