package org.metriclearn4j.distance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VectorDistancesTest {
  private static final double[] X = {1, 2, 3};
  private static final double[] Y = {4, 6, 3};

  @Test
  void handComputedValues() {
    assertEquals(5, new Euclidean().distance(X, Y), 1e-15);
    assertEquals(25, new SquaredEuclidean().distance(X, Y), 1e-15);
    assertEquals(7, new Manhattan().distance(X, Y), 1e-15);
    assertEquals(4, new Chebyshev().distance(X, Y), 1e-15);
  }

  @Test
  void cosineDistanceOfKnownAngles() {
    Cosine cosine = new Cosine();
    assertEquals(
        1 - 1 / Math.sqrt(2), cosine.distance(new double[] {1, 0}, new double[] {1, 1}), 1e-15);
    assertEquals(1, cosine.distance(new double[] {1, 0}, new double[] {0, 3}), 1e-15);
    assertEquals(2, cosine.distance(new double[] {1, 2}, new double[] {-2, -4}), 1e-15);
    assertEquals(0, cosine.distance(new double[] {1, 2}, new double[] {2, 4}), 1e-15);
    assertEquals(1, cosine.distance(new double[] {1e-200, 0}, new double[] {0, 1e-200}), 1e-15);
    assertEquals(
        1 - 1 / Math.sqrt(2),
        cosine.distance(new double[] {1e300, 0}, new double[] {1e300, 1e300}),
        1e-15);
  }

  @Test
  void cosineRejectsZeroVectorsNamingTheArgument() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Cosine().distance(new double[] {1, 2}, new double[] {0, 0}));
    assertTrue(String.valueOf(e.getMessage()).startsWith("y: expected a non-zero vector"));
  }

  @Test
  void euclideanDoesNotOverflowForLargeButRepresentableDistances() {
    assertEquals(
        2e200, new Euclidean().distance(new double[] {1e200, 0}, new double[] {-1e200, 0}), 1e186);
    assertEquals(
        5e300, new Euclidean().distance(new double[] {3e300, 4e300}, new double[] {0, 0}), 1e286);
  }

  @Test
  void nonFiniteInputsAreRejectedWithTheirIndex() {
    for (Distance d :
        new Distance[] {
          new Euclidean(), new SquaredEuclidean(), new Manhattan(), new Chebyshev(), new Cosine()
        }) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> d.distance(new double[] {1, Double.NaN}, new double[] {1, 2}),
              d.name());
      assertTrue(
          String.valueOf(e.getMessage())
              .contains("x: expected finite values, found NaN at index 1"),
          d.name() + ": " + e.getMessage());
      IllegalArgumentException inf =
          assertThrows(
              IllegalArgumentException.class,
              () -> d.distance(new double[] {1, 2}, new double[] {Double.NEGATIVE_INFINITY, 2}),
              d.name());
      assertTrue(String.valueOf(inf.getMessage()).startsWith("y:"), d.name());
    }
  }

  @Test
  void lengthMismatchIsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Manhattan().distance(new double[] {1, 2}, new double[] {1, 2, 3}));
    assertEquals("y: expected length 2 like x, found 3", e.getMessage());
  }

  @Test
  void mahalanobisWithAHandComputedMatrix() {
    Mahalanobis m = Mahalanobis.of(new double[][] {{2, 1}, {1, 2}});
    assertEquals(Math.sqrt(2), m.distance(new double[] {1, 0}, new double[] {0, 1}), 1e-15);
    assertEquals(Math.sqrt(6), m.distance(new double[] {1, 1}, new double[] {0, 0}), 1e-15);
    double[][] back = m.matrix();
    assertEquals(2, back[0][0], 1e-15);
    assertEquals(1, back[0][1], 1e-15);
    assertEquals(2, m.dimension());
  }

  @Test
  void mahalanobisFromCovarianceUsesTheInverse() {
    Mahalanobis m = Mahalanobis.fromCovariance(new double[][] {{2, 1}, {1, 2}});
    // S^-1 = [[2, -1], [-1, 2]] / 3
    assertEquals(Math.sqrt(2.0 / 3), m.distance(new double[] {1, 1}, new double[] {0, 0}), 1e-15);
    assertEquals(Math.sqrt(6.0 / 3), m.distance(new double[] {1, -1}, new double[] {0, 0}), 1e-15);
    assertEquals(-1.0 / 3, m.matrix()[0][1], 1e-15);
    // identity matrix gives the Euclidean distance
    Mahalanobis identity = Mahalanobis.of(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
    assertEquals(new Euclidean().distance(X, Y), identity.distance(X, Y), 1e-15);
  }

  @Test
  void mahalanobisChecksItsMatrix() {
    IllegalArgumentException indefinite =
        assertThrows(
            IllegalArgumentException.class, () -> Mahalanobis.of(new double[][] {{1, 2}, {2, 1}}));
    assertTrue(String.valueOf(indefinite.getMessage()).contains("positive definite"));
    IllegalArgumentException singular =
        assertThrows(
            IllegalArgumentException.class, () -> Mahalanobis.of(new double[][] {{1, 1}, {1, 1}}));
    assertTrue(String.valueOf(singular.getMessage()).contains("row 1"), singular.getMessage());
    IllegalArgumentException asymmetric =
        assertThrows(
            IllegalArgumentException.class,
            () -> Mahalanobis.of(new double[][] {{2, 1}, {0.5, 2}}));
    assertTrue(String.valueOf(asymmetric.getMessage()).contains("symmetric"));
    assertThrows(
        IllegalArgumentException.class, () -> Mahalanobis.of(new double[][] {{1, 0}, {0}}));
    assertThrows(IllegalArgumentException.class, () -> Mahalanobis.of(new double[0][]));
    Mahalanobis m = Mahalanobis.of(new double[][] {{1, 0}, {0, 1}});
    IllegalArgumentException length =
        assertThrows(
            IllegalArgumentException.class,
            () -> m.distance(new double[] {1, 2, 3}, new double[] {1, 2, 3}));
    assertEquals("x: expected length 2, found 3", length.getMessage());
  }

  @Test
  void mahalanobisCopiesItsMatrix() {
    double[][] matrix = {{1, 0}, {0, 1}};
    Mahalanobis m = Mahalanobis.of(matrix);
    matrix[0][0] = 100;
    assertEquals(1, m.distance(new double[] {1, 0}, new double[] {0, 0}), 1e-15);
  }
}
