package org.metriclearn4j.distance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GaussianDistancesTest {
  private static final Gaussian A = Gaussian.univariate(1, 4);
  private static final Gaussian B = Gaussian.univariate(-1, 1);

  @Test
  void oneDimensionalKlMatchesTheTextbookFormula() {
    // ln(s2 / s1) + (s1^2 + (m1 - m2)^2) / (2 s2^2) - 1/2 with s1 = 2, s2 = 1, m1 - m2 = 2
    double expected = Math.log(0.5) + (4 + 4) / 2.0 - 0.5;
    assertEquals(expected, GaussianKullbackLeibler.divergence(A, B), 1e-14);
    double reverse = Math.log(2) + (1 + 4) / 8.0 - 0.5;
    assertEquals(reverse, GaussianKullbackLeibler.divergence(B, A), 1e-14);
    assertEquals(expected + reverse, GaussianKullbackLeibler.symmetric(A, B), 1e-14);
  }

  @Test
  void oneDimensionalBhattacharyyaMatchesTheTextbookFormula() {
    // (m1 - m2)^2 / (4 (v1 + v2)) + ln((v1 + v2) / (2 s1 s2)) / 2
    double expected = 4 / (4.0 * 5) + 0.5 * Math.log(5 / (2.0 * 2 * 1));
    assertEquals(expected, GaussianBhattacharyya.distance(A, B), 1e-14);
    assertEquals(expected, GaussianBhattacharyya.distance(B, A), 1e-14);
  }

  /** Discretises both densities on a fine grid and applies the discrete forms. */
  @Test
  void closedFormsAgreeWithTheDiscreteFormsOnAFineGrid() {
    int n = 40001;
    double lo = -25;
    double step = 50.0 / (n - 1);
    double[] p = new double[n];
    double[] q = new double[n];
    double sp = 0;
    double sq = 0;
    for (int i = 0; i < n; i++) {
      double x = lo + i * step;
      p[i] = Math.exp(-(x - 1) * (x - 1) / 8) / Math.sqrt(8 * Math.PI);
      q[i] = Math.exp(-(x + 1) * (x + 1) / 2) / Math.sqrt(2 * Math.PI);
      sp += p[i];
      sq += q[i];
    }
    for (int i = 0; i < n; i++) {
      p[i] /= sp;
      q[i] /= sq;
    }
    assertEquals(GaussianBhattacharyya.distance(A, B), new Bhattacharyya().distance(p, q), 1e-6);
    assertEquals(
        GaussianKullbackLeibler.divergence(A, B), new KullbackLeibler().distance(p, q), 1e-6);
  }

  @Test
  void independentComponentsAddUp() {
    Gaussian p = new Gaussian(new double[] {1, 0.5}, new double[][] {{4, 0}, {0, 0.25}});
    Gaussian q = new Gaussian(new double[] {-1, 0}, new double[][] {{1, 0}, {0, 1}});
    Gaussian p2 = Gaussian.univariate(0.5, 0.25);
    Gaussian q2 = Gaussian.univariate(0, 1);
    assertEquals(
        GaussianKullbackLeibler.divergence(A, B) + GaussianKullbackLeibler.divergence(p2, q2),
        GaussianKullbackLeibler.divergence(p, q),
        1e-14);
    assertEquals(
        GaussianBhattacharyya.distance(A, B) + GaussianBhattacharyya.distance(p2, q2),
        GaussianBhattacharyya.distance(p, q),
        1e-14);
  }

  @Test
  void aCommonRotationChangesNothing() {
    double c = Math.cos(0.7);
    double s = Math.sin(0.7);
    double[][] r = {{c, -s}, {s, c}};
    double[] m1 = {1, 0.5};
    double[][] s1 = {{4, 0}, {0, 0.25}};
    double[] m2 = {-1, 0};
    double[][] s2 = {{1, 0.3}, {0.3, 2}};
    Gaussian p = new Gaussian(m1, s1);
    Gaussian q = new Gaussian(m2, s2);
    Gaussian pr = new Gaussian(mul(r, m1), rotate(r, s1));
    Gaussian qr = new Gaussian(mul(r, m2), rotate(r, s2));
    assertEquals(
        GaussianKullbackLeibler.divergence(p, q),
        GaussianKullbackLeibler.divergence(pr, qr),
        1e-12);
    assertEquals(
        GaussianBhattacharyya.distance(p, q), GaussianBhattacharyya.distance(pr, qr), 1e-12);
    assertEquals(0, GaussianKullbackLeibler.divergence(p, p), 1e-14);
    assertEquals(0, GaussianBhattacharyya.distance(q, q), 1e-14);
  }

  @Test
  void invalidGaussiansAndMismatchedDimensionsAreRejected() {
    IllegalArgumentException notSpd =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Gaussian(new double[] {0, 0}, new double[][] {{1, 2}, {2, 1}}));
    assertTrue(String.valueOf(notSpd.getMessage()).startsWith("covariance:"));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Gaussian(new double[] {0, 0}, new double[][] {{1}}));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Gaussian(new double[] {Double.NaN}, new double[][] {{1}}));
    assertThrows(IllegalArgumentException.class, () -> Gaussian.univariate(0, 0));
    Gaussian two = new Gaussian(new double[] {0, 0}, new double[][] {{1, 0}, {0, 1}});
    assertThrows(IllegalArgumentException.class, () -> GaussianKullbackLeibler.divergence(A, two));
    assertThrows(IllegalArgumentException.class, () -> GaussianBhattacharyya.distance(two, A));
  }

  @Test
  void gaussianIsImmutableAndComparedByValue() {
    double[] mean = {1, 2};
    double[][] cov = {{1, 0}, {0, 1}};
    Gaussian g = new Gaussian(mean, cov);
    mean[0] = 5;
    cov[0][0] = 9;
    g.mean()[1] = 7;
    assertEquals(1, g.mean()[0]);
    assertEquals(2, g.mean()[1]);
    assertEquals(1, g.covariance()[0][0]);
    assertEquals(new Gaussian(new double[] {1, 2}, new double[][] {{1, 0}, {0, 1}}), g);
    assertEquals(
        new Gaussian(new double[] {1, 2}, new double[][] {{1, 0}, {0, 1}}).hashCode(),
        g.hashCode());
  }

  private static double[] mul(double[][] r, double[] v) {
    return new double[] {r[0][0] * v[0] + r[0][1] * v[1], r[1][0] * v[0] + r[1][1] * v[1]};
  }

  private static double[][] rotate(double[][] r, double[][] s) {
    double[][] out = new double[2][2];
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        double t = 0;
        for (int a = 0; a < 2; a++) {
          for (int b = 0; b < 2; b++) {
            t += r[i][a] * s[a][b] * r[j][b];
          }
        }
        out[i][j] = t;
      }
    }
    return out;
  }
}
