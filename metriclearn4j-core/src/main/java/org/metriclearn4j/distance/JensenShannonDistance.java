package org.metriclearn4j.distance;

/**
 * The Jensen–Shannon distance {@code sqrt(JS(p, q))}, the square root of the {@link
 * JensenShannonDivergence} (natural log, so in {@code [0, sqrt(ln 2)]}), between discrete
 * probability vectors. A metric (D. M. Endres, J. E. Schindelin, "A new metric for probability
 * distributions", IEEE Transactions on Information Theory 49(7), 2003); the same quantity as
 * SciPy's {@code jensenshannon} with its default natural log.
 *
 * <p>Domain: probability vectors (finite, non-negative entries summing to 1 within 1e-9).
 */
public final class JensenShannonDistance implements Distance {

  /** Creates the (stateless) Jensen–Shannon distance. */
  public JensenShannonDistance() {}

  /**
   * {@inheritDoc}
   *
   * @return the distance in {@code [0, sqrt(ln 2)]}
   * @throws IllegalArgumentException if an input is not a probability vector or the lengths differ
   */
  @Override
  public double distance(double[] x, double[] y) {
    Vectors.checkProbabilities(x, y);
    return Math.sqrt(JensenShannonDivergence.divergence(x, y));
  }

  @Override
  public String name() {
    return "jensen-shannon";
  }

  /** {@return true: the square root of the Jensen–Shannon divergence is a metric} */
  @Override
  public boolean isMetric() {
    return true;
  }

  @Override
  public String toString() {
    return name();
  }
}
