package org.metriclearn4j.optim;

import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of a minimisation: the best point found, its value and what the optimiser did.
 *
 * <p>Immutable: the point is copied on the way in and on the way out.
 *
 * @param x the final point (the iterate with the lowest value found)
 * @param value the function value at {@code x}, always finite
 * @param iterations completed iterations (accepted steps), {@code >= 0}
 * @param functionEvaluations calls of {@link DifferentiableFunction#valueAndGradient}, {@code >= 1}
 * @param converged whether a convergence criterion was met ({@code stopReason.converged()})
 * @param stopReason why the optimiser stopped
 */
public record OptimizationResult(
    double[] x,
    double value,
    int iterations,
    int functionEvaluations,
    boolean converged,
    StopReason stopReason) {

  /**
   * Validates and copies the fields.
   *
   * @throws IllegalArgumentException if the counts are negative or {@code converged} disagrees with
   *     {@code stopReason}
   */
  public OptimizationResult {
    x = x.clone();
    if (iterations < 0) {
      throw new IllegalArgumentException("iterations: expected >= 0, found " + iterations);
    }
    if (functionEvaluations < 0) {
      throw new IllegalArgumentException(
          "functionEvaluations: expected >= 0, found " + functionEvaluations);
    }
    if (converged != stopReason.converged()) {
      throw new IllegalArgumentException(
          "converged: expected "
              + stopReason.converged()
              + " for "
              + stopReason
              + ", found "
              + converged);
    }
  }

  /** Returns a copy of the final point. */
  @Override
  public double[] x() {
    return x.clone();
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof OptimizationResult r
        && Arrays.equals(x, r.x)
        && Double.compare(value, r.value) == 0
        && iterations == r.iterations
        && functionEvaluations == r.functionEvaluations
        && converged == r.converged
        && stopReason == r.stopReason;
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(x)
        + Objects.hash(value, iterations, functionEvaluations, converged, stopReason);
  }

  @Override
  public String toString() {
    return "OptimizationResult[value="
        + value
        + ", iterations="
        + iterations
        + ", functionEvaluations="
        + functionEvaluations
        + ", converged="
        + converged
        + ", stopReason="
        + stopReason
        + ", dimension="
        + x.length
        + "]";
  }
}
