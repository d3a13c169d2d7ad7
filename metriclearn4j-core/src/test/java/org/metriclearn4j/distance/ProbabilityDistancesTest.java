package org.metriclearn4j.distance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProbabilityDistancesTest {
  private static final double[] P = {0.5, 0.5, 0};
  private static final double[] Q = {0.25, 0.25, 0.5};

  @Test
  void handComputedValues() {
    // BC = 2 sqrt(1/8) = 1/sqrt 2
    assertEquals(1 / Math.sqrt(2), Bhattacharyya.coefficient(P, Q), 1e-15);
    assertEquals(0.5 * Math.log(2), new Bhattacharyya().distance(P, Q), 1e-15);
    assertEquals(Math.sqrt(2 - Math.sqrt(2)), new Matusita().distance(P, Q), 1e-15);
    assertEquals(Math.sqrt(1 - 1 / Math.sqrt(2)), new Hellinger().distance(P, Q), 1e-15);
    assertEquals(Math.log(2), new KullbackLeibler().distance(P, Q), 1e-15);
    // m = (3/8, 3/8, 1/4): KL(p||m) = ln(4/3), KL(q||m) = ln(4/3) / 2
    assertEquals(0.75 * Math.log(4.0 / 3), new JensenShannonDivergence().distance(P, Q), 1e-15);
    assertEquals(
        Math.sqrt(0.75 * Math.log(4.0 / 3)), new JensenShannonDistance().distance(P, Q), 1e-15);
    double[] a = {0.9, 0.1};
    double[] b = {0.1, 0.9};
    assertEquals(1.6 * Math.log(9), new SymmetricKullbackLeibler().distance(a, b), 1e-14);
  }

  @Test
  void klIsInfiniteWhereTheReferenceHasNoMass() {
    assertEquals(Double.POSITIVE_INFINITY, new KullbackLeibler().distance(Q, P));
    assertEquals(Double.POSITIVE_INFINITY, new SymmetricKullbackLeibler().distance(P, Q));
  }

  @Test
  void disjointSupportsGiveTheExtremeValues() {
    double[] a = {1, 0};
    double[] b = {0, 1};
    assertEquals(Double.POSITIVE_INFINITY, new Bhattacharyya().distance(a, b));
    assertEquals(Math.sqrt(2), new Matusita().distance(a, b), 1e-15);
    assertEquals(1, new Hellinger().distance(a, b), 1e-15);
    assertEquals(Math.log(2), new JensenShannonDivergence().distance(a, b), 1e-15);
    assertEquals(Math.sqrt(Math.log(2)), new JensenShannonDistance().distance(a, b), 1e-15);
  }

  @Test
  void hellingerIsMatusitaOverRootTwo() {
    double[] a = {0.1, 0.2, 0.3, 0.4};
    double[] b = {0.4, 0.3, 0.2, 0.1};
    assertEquals(
        new Matusita().distance(a, b) / Math.sqrt(2), new Hellinger().distance(a, b), 1e-15);
    assertEquals(
        Math.sqrt(2 - 2 * Bhattacharyya.coefficient(a, b)), new Matusita().distance(a, b), 1e-15);
  }

  @Test
  void notAProbabilityVectorIsRejectedNamingArgumentAndProblem() {
    for (Distance d :
        new Distance[] {
          new Bhattacharyya(),
          new Matusita(),
          new Hellinger(),
          new KullbackLeibler(),
          new SymmetricKullbackLeibler(),
          new JensenShannonDivergence(),
          new JensenShannonDistance()
        }) {
      IllegalArgumentException sum =
          assertThrows(
              IllegalArgumentException.class,
              () -> d.distance(new double[] {0.5, 0.4}, new double[] {0.5, 0.5}),
              d.name());
      assertTrue(String.valueOf(sum.getMessage()).startsWith("x: expected a probability vector"));
      assertTrue(String.valueOf(sum.getMessage()).contains("found sum 0.9"), sum.getMessage());
      IllegalArgumentException negative =
          assertThrows(
              IllegalArgumentException.class,
              () -> d.distance(new double[] {0.5, 0.5}, new double[] {1.2, -0.2}),
              d.name());
      assertTrue(String.valueOf(negative.getMessage()).startsWith("y:"));
      assertTrue(String.valueOf(negative.getMessage()).contains("found -0.2 at index 1"));
      IllegalArgumentException nan =
          assertThrows(
              IllegalArgumentException.class,
              () -> d.distance(new double[] {Double.NaN, 1}, new double[] {0.5, 0.5}),
              d.name());
      assertTrue(String.valueOf(nan.getMessage()).contains("found NaN at index 0"));
      assertThrows(
          IllegalArgumentException.class,
          () -> d.distance(new double[] {1}, new double[] {0.5, 0.5}),
          d.name());
    }
  }

  @Test
  void sumsWithinTheToleranceAreAccepted() {
    double[] almost = {0.5, 0.5 + 5e-10};
    assertEquals(0, new Hellinger().distance(almost, almost), 1e-15);
  }
}
