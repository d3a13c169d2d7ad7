package org.metriclearn4j.distance;

/**
 * The Hellinger distance {@code sqrt(sum_i (sqrt p_i - sqrt q_i)^2) / sqrt 2} between discrete
 * probability vectors (E. Hellinger, "Neue Begründung der Theorie quadratischer Formen von
 * unendlichvielen Veränderlichen", J. reine angew. Math. 136, 1909), in {@code [0, 1]}: the {@link
 * Matusita} distance divided by {@code sqrt 2}, equal to {@code sqrt(1 - BC)} with {@code BC} the
 * {@link Bhattacharyya#coefficient Bhattacharyya coefficient}. 1 for disjoint supports.
 *
 * <p>Domain: probability vectors (finite, non-negative entries summing to 1 within 1e-9). A metric.
 */
public final class Hellinger implements Distance {
  private static final double INV_SQRT2 = 1 / Math.sqrt(2);

  /** Creates the (stateless) Hellinger distance. */
  public Hellinger() {}

  /**
   * {@inheritDoc}
   *
   * @return the distance in {@code [0, 1]}
   * @throws IllegalArgumentException if an input is not a probability vector or the lengths differ
   */
  @Override
  public double distance(double[] x, double[] y) {
    Vectors.checkProbabilities(x, y);
    return Math.min(1, Matusita.rootDistance(x, y) * INV_SQRT2);
  }

  @Override
  public String name() {
    return "hellinger";
  }

  /** {@return true: the Hellinger distance is a metric on probability vectors} */
  @Override
  public boolean isMetric() {
    return true;
  }

  @Override
  public String toString() {
    return name();
  }
}
