package org.metriclearn4j.metric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class MahalanobisMetricTest {

  private static final double[][] M = {{4, 1, 0}, {1, 3, -1}, {0, -1, 2}};

  private static double[] randomVector(Random random, int d) {
    double[] v = new double[d];
    for (int i = 0; i < d; i++) {
      v[i] = random.nextGaussian() * 3;
    }
    return v;
  }

  /** {@code (x - y)^T M (x - y)} by the definition. */
  private static double quadraticForm(double[][] m, double[] x, double[] y) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x.length; j++) {
        s += (x[i] - y[i]) * m[i][j] * (x[j] - y[j]);
      }
    }
    return s;
  }

  @Test
  void fromMatrixRoundTripsTheMatrix() {
    double[][] back = MahalanobisMetric.fromMatrix(M).matrix();
    for (int i = 0; i < 3; i++) {
      assertArrayEquals(M[i], back[i], 1e-10);
    }
  }

  @Test
  void fromMatrixDistanceIsTheQuadraticForm() {
    MahalanobisMetric metric = MahalanobisMetric.fromMatrix(M);
    Random random = new Random(1);
    for (int t = 0; t < 20; t++) {
      double[] x = randomVector(random, 3);
      double[] y = randomVector(random, 3);
      double expected = quadraticForm(M, x, y);
      assertEquals(expected, metric.squaredDistance(x, y), 1e-10 * expected);
      assertEquals(Math.sqrt(expected), metric.distance(x, y), 1e-10 * Math.sqrt(expected));
    }
  }

  @Test
  void fromMatrixAcceptsAsymmetryWithinTheToleranceAndRejectsMoreWithTheEntries() {
    // scale = max(1, max|M|) = 4: tolerance 4e-8
    double[][] inside = {{4, 1 + 3e-8, 0}, {1, 3, -1}, {0, -1, 2}};
    MahalanobisMetric.fromMatrix(inside);
    double[][] outside = {{4, 1 + 5e-8, 0}, {1, 3, -1}, {0, -1, 2}};
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MahalanobisMetric.fromMatrix(outside));
    assertTrue(
        String.valueOf(e.getMessage()).startsWith("matrix: expected symmetric"), e.getMessage());
    assertTrue(String.valueOf(e.getMessage()).contains("M[0][1]"), e.getMessage());
  }

  @Test
  void fromMatrixAcceptsTinyNegativeEigenvaluesAndRejectsLargerOnes() {
    // eigenvalues 2 and -eps: diag(2, -eps) in a rotated basis
    double c = Math.cos(0.3);
    double s = Math.sin(0.3);
    for (double eps : new double[] {1e-9, 1e-6}) {
      double[][] m = {
        {2 * c * c - eps * s * s, (2 + eps) * c * s},
        {(2 + eps) * c * s, 2 * s * s - eps * c * c}
      };
      if (eps < MahalanobisMetric.MATRIX_TOLERANCE * 2) {
        MahalanobisMetric metric = MahalanobisMetric.fromMatrix(m);
        // the tiny negative eigenvalue is treated as 0
        double[][] back = metric.matrix();
        assertEquals(m[0][0], back[0][0], 1e-8);
      } else {
        IllegalArgumentException e =
            assertThrows(IllegalArgumentException.class, () -> MahalanobisMetric.fromMatrix(m));
        assertTrue(
            String.valueOf(e.getMessage()).contains("positive semidefinite"), e.getMessage());
      }
    }
  }

  @Test
  void fromMatrixRejectsNonSquareEmptyAndNonFiniteMatrices() {
    assertMatrixRejected(new double[][] {{1, 0, 0}, {0, 1, 0}});
    assertMatrixRejected(new double[0][]);
    assertMatrixRejected(new double[][] {{1, 0}, {0, Double.NaN}});
    assertMatrixRejected(
        new double[][] {{1, Double.POSITIVE_INFINITY}, {Double.POSITIVE_INFINITY, 1}});
  }

  private static void assertMatrixRejected(double[][] m) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MahalanobisMetric.fromMatrix(m));
    assertTrue(String.valueOf(e.getMessage()).startsWith("matrix:"), e.getMessage());
  }

  @Test
  void identityIsTheEuclideanDistance() {
    MahalanobisMetric metric = MahalanobisMetric.identity(4);
    Random random = new Random(2);
    for (int t = 0; t < 20; t++) {
      double[] x = randomVector(random, 4);
      double[] y = randomVector(random, 4);
      double s = 0;
      for (int i = 0; i < 4; i++) {
        s += (x[i] - y[i]) * (x[i] - y[i]);
      }
      assertEquals(Math.sqrt(s), metric.distance(x, y), 1e-12 * Math.sqrt(s));
    }
    assertEquals(4, metric.inputDimension());
    assertEquals(4, metric.outputDimension());
    assertEquals("given", metric.provenance().learner());
  }

  @Test
  void transformThenEuclideanEqualsTheDistanceForARectangularL() {
    double[][] l = {{1, -2, 0.5, 0}, {0.3, 0, 0, 4}};
    MahalanobisMetric metric = MahalanobisMetric.fromComponents(l);
    assertEquals(4, metric.inputDimension());
    assertEquals(2, metric.outputDimension());
    Random random = new Random(3);
    double[][] xs = new double[6][];
    for (int t = 0; t < 6; t++) {
      xs[t] = randomVector(random, 4);
    }
    double[][] z = metric.transform(xs);
    double[][] all = metric.distanceMatrix(xs, xs);
    for (int a = 0; a < 6; a++) {
      assertArrayEquals(metric.transform(xs[a]), z[a], 1e-12);
      for (int b = 0; b < 6; b++) {
        double e = Math.hypot(z[a][0] - z[b][0], z[a][1] - z[b][1]);
        assertEquals(e, metric.distance(xs[a], xs[b]), 1e-9 * Math.max(1, e));
        assertEquals(e, all[a][b], 1e-6 * Math.max(1, e));
      }
    }
  }

  @Test
  void pairDistancesAndScoresArePairwiseAndNegated() {
    MahalanobisMetric metric = MahalanobisMetric.fromMatrix(M);
    double[][] first = {{0, 0, 0}, {1, 2, 3}};
    double[][] second = {{1, 0, 0}, {1, 2, 3}};
    double[] d = metric.pairDistances(first, second);
    assertEquals(2, d[0], 1e-12);
    assertEquals(0, d[1], 1e-12);
    double[] scores = metric.pairScores(first, second);
    assertEquals(-2, scores[0], 1e-12);
    assertEquals(-0.0, scores[1], 1e-12);
    assertThrows(
        IllegalArgumentException.class,
        () -> metric.pairDistances(first, new double[][] {{1, 0, 0}}));
  }

  @Test
  void emptyBatchesTransformToEmptyResults() {
    MahalanobisMetric metric = MahalanobisMetric.fromComponents(new double[][] {{1, 2}});
    assertEquals(0, metric.transform(new double[0][]).length);
    double[][] none = metric.distanceMatrix(new double[0][], new double[][] {{1, 1}});
    assertEquals(0, none.length);
    double[][] empty = metric.distanceMatrix(new double[][] {{1, 1}}, new double[0][]);
    assertEquals(1, empty.length);
    assertEquals(0, empty[0].length);
  }

  @Test
  void wrongLengthsAreRejectedByArgumentName() {
    MahalanobisMetric metric = MahalanobisMetric.identity(3);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> metric.distance(new double[3], new double[2]));
    assertTrue(String.valueOf(e.getMessage()).startsWith("y:"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> metric.transform(new double[][] {{1}}));
    assertTrue(String.valueOf(e.getMessage()).startsWith("x:"), e.getMessage());
  }

  @Test
  void ofRejectsNonFiniteComponentsAndCopiesThem() {
    DMatrixRMaj l = new DMatrixRMaj(new double[][] {{1, 0}, {0, Double.NaN}});
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                MahalanobisMetric.of(
                    l, FitSummary.closedForm(), new Provenance("x", Map.of(), 1, 2, 0)));
    assertTrue(String.valueOf(e.getMessage()).contains("row 1, column 1"), e.getMessage());
    DMatrixRMaj ok = new DMatrixRMaj(new double[][] {{1, 0}, {0, 2}});
    MahalanobisMetric metric =
        MahalanobisMetric.of(ok, FitSummary.closedForm(), Provenance.given(2));
    ok.set(0, 0, 99);
    assertEquals(1, metric.components()[0][0]);
    metric.components()[0][0] = 99;
    metric.componentsMatrix().set(0, 0, 99);
    assertEquals(1, metric.components()[0][0]);
  }
}
