package org.metriclearn4j.distance;

/**
 * The cosine distance {@code 1 - x.y / (||x|| ||y||)} between non-zero finite real vectors, in
 * {@code [0, 2]}: 0 for vectors pointing the same way, 1 for orthogonal ones, 2 for opposite ones.
 *
 * <p>Not a metric: it is zero for any two vectors with the same direction ({@code d(x, 2x) = 0}),
 * and violates the triangle inequality ({@code x = (1, 0)}, {@code y = (1, 1)}, {@code z = (0, 1)}:
 * {@code d(x, z) = 1 > d(x, y) + d(y, z) = 2 - sqrt 2}). Each vector is scaled by its largest
 * magnitude before the products, so neither tiny nor huge entries underflow or overflow.
 */
public final class Cosine implements Distance {

  /** Creates the (stateless) cosine distance. */
  public Cosine() {}

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if the lengths differ, an entry is NaN or infinite, or a
   *     vector is all zeros (its direction is undefined)
   */
  @Override
  public double distance(double[] x, double[] y) {
    Vectors.checkSameLength(x, y);
    Vectors.checkFinite(x, "x");
    Vectors.checkFinite(y, "y");
    double sx = maxAbs(x, "x");
    double sy = maxAbs(y, "y");
    double dot = 0;
    double nx = 0;
    double ny = 0;
    for (int i = 0; i < x.length; i++) {
      double a = x[i] / sx;
      double b = y[i] / sy;
      dot += a * b;
      nx += a * a;
      ny += b * b;
    }
    double d = 1 - dot / (Math.sqrt(nx) * Math.sqrt(ny));
    return Math.min(2, Math.max(0, d));
  }

  private static double maxAbs(double[] v, String name) {
    double m = 0;
    for (double value : v) {
      m = Math.max(m, Math.abs(value));
    }
    if (m == 0) {
      throw new IllegalArgumentException(
          name
              + ": expected a non-zero vector (the cosine distance needs a direction), found all "
              + v.length
              + " entries zero");
    }
    return m;
  }

  @Override
  public String name() {
    return "cosine";
  }

  @Override
  public String toString() {
    return name();
  }
}
