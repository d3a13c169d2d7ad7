package org.metriclearn4j.optim;

/**
 * A real function of a vector whose gradient is computed together with its value, as minimised by
 * {@link Lbfgs}.
 *
 * <p>Implementations must be deterministic (the same {@code x} gives the same value and gradient)
 * and must not keep a reference to {@code x} or {@code gradientOut}. A value or gradient that is
 * not finite (NaN or infinite) is reported by the optimiser, never silently used.
 */
@FunctionalInterface
public interface DifferentiableFunction {

  /**
   * Evaluates the function and its gradient.
   *
   * @param x the point, read only, length {@code n}
   * @param gradientOut written: the gradient at {@code x}, length {@code n}
   * @return the value at {@code x}
   */
  double valueAndGradient(double[] x, double[] gradientOut);
}
