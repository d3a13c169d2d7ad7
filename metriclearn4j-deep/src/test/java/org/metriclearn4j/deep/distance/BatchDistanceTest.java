package org.metriclearn4j.deep.distance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.metriclearn4j.deep.testing.Batches;
import org.metriclearn4j.deep.testing.Expect;
import org.metriclearn4j.deep.testing.PlainDistance;

class BatchDistanceTest {
  private static final double TOL = 1e-9;

  private static void assertMatrix(BatchDistance distance, PlainDistance reference, double[][] x) {
    try (NDManager manager = NDManager.newBaseManager()) {
      double[][] y = Batches.randomPoints(5, x[0].length, 99);
      double[] actual = distance.matrix(manager.create(x), manager.create(y)).toDoubleArray();
      double[][] expected = reference.matrix(x, y);
      for (int i = 0; i < x.length; i++) {
        for (int j = 0; j < y.length; j++) {
          assertEquals(expected[i][j], actual[i * y.length + j], TOL, "entry " + i + "," + j);
        }
      }
    }
  }

  @Test
  void euclideanMatrixMatchesPlainJavaWithAndWithoutNormalisation() {
    double[][] x = Batches.randomPoints(7, 3, 1);
    assertMatrix(LpDistance.create(), PlainDistance.euclidean(true), x);
    assertMatrix(
        LpDistance.builder().optNormalizeEmbeddings(false).build(),
        PlainDistance.euclidean(false),
        x);
    assertMatrix(
        LpDistance.builder().optPower(2).optNormalizeEmbeddings(false).build(),
        PlainDistance.squaredEuclidean(false),
        x);
    assertMatrix(LpDistance.builder().optPower(2).build(), PlainDistance.squaredEuclidean(true), x);
  }

  @Test
  void similarityMatricesMatchPlainJava() {
    double[][] x = Batches.randomPoints(6, 4, 2);
    assertMatrix(CosineSimilarity.create(), PlainDistance.cosine(), x);
    assertMatrix(DotProductSimilarity.create(), PlainDistance.dot(false), x);
    assertMatrix(DotProductSimilarity.create(true), PlainDistance.dot(true), x);
  }

  @Test
  void euclideanDistanceOfIdenticalPointsIsZeroWithAFiniteGradient() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray x = manager.create(new double[][] {{0.3, 0.4}, {0.3, 0.4}, {1.0, -2.0}});
      x.setRequiresGradient(true);
      NDArray matrix;
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        matrix = LpDistance.builder().optNormalizeEmbeddings(false).build().matrix(x, x);
        collector.backward(matrix.sum());
      }
      assertEquals(0.0, matrix.getDouble(0, 1), 0.0);
      assertEquals(0.0, matrix.getDouble(1, 1), 0.0);
      for (double g : x.getGradient().toDoubleArray()) {
        assertTrue(Double.isFinite(g), "gradient must be finite, found " + g);
      }
      // Only the pairs with the third point move the first point: 2 (x0 - x2) / |x0 - x2|.
      double dx = 0.3 - 1.0;
      double dy = 0.4 + 2.0;
      double norm = Math.hypot(dx, dy);
      assertEquals(2 * dx / norm, x.getGradient().getDouble(0, 0), 1e-9);
      assertEquals(2 * dy / norm, x.getGradient().getDouble(0, 1), 1e-9);
    }
  }

  @Test
  void matrixKeepsFloat32() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray x = manager.create(new float[][] {{1f, 2f}, {3f, 4f}});
      assertEquals(DataType.FLOAT32, LpDistance.create().matrix(x, x).getDataType());
      assertEquals(DataType.FLOAT32, CosineSimilarity.create().matrix(x, x).getDataType());
    }
  }

  @Test
  void marginPointsTowardsFartherForDistancesAndSimilarities() {
    BatchDistance euclidean = LpDistance.create();
    BatchDistance cosine = CosineSimilarity.create();
    // A positive at 0.2 and a negative at 0.9 (distances): the positive is closer, margin < 0.
    assertEquals(0.2 - 0.9, euclidean.margin(0.2, 0.9), 1e-15);
    // The same situation with similarities 0.9 (positive) and 0.2 (negative): also negative.
    assertEquals(0.2 - 0.9, cosine.margin(0.9, 0.2), 1e-15);
    assertTrue(euclidean.isCloser(0.2, 0.9));
    assertFalse(cosine.isCloser(0.2, 0.9));
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray a = manager.create(new double[] {0.9, 0.1});
      NDArray b = manager.create(new double[] {0.2, 0.5});
      assertArrayEquals(new double[] {0.7, -0.4}, euclidean.margin(a, b).toDoubleArray(), 1e-12);
      assertArrayEquals(new double[] {-0.7, 0.4}, cosine.margin(a, b).toDoubleArray(), 1e-12);
      assertArrayEquals(new double[] {0.6, -0.2}, euclidean.margin(a, 0.3).toDoubleArray(), 1e-12);
      assertArrayEquals(new double[] {-0.6, 0.2}, cosine.margin(a, 0.3).toDoubleArray(), 1e-12);
      assertArrayEquals(new double[] {-0.6, 0.2}, euclidean.margin(0.3, a).toDoubleArray(), 1e-12);
      assertArrayEquals(new double[] {0.6, -0.2}, cosine.margin(0.3, a).toDoubleArray(), 1e-12);
      assertArrayEquals(new double[] {0.2, 0.1}, euclidean.closest(a, b).toDoubleArray(), 1e-12);
      assertArrayEquals(new double[] {0.9, 0.5}, cosine.closest(a, b).toDoubleArray(), 1e-12);
      assertArrayEquals(new double[] {-0.9, -0.1}, euclidean.toScores(a).toDoubleArray(), 1e-12);
      assertArrayEquals(new double[] {0.9, 0.1}, cosine.toScores(a).toDoubleArray(), 1e-12);
    }
  }

  @Test
  void badShapesAndSettingsAreRejectedWithTheirName() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray vector = manager.create(new double[] {1, 2});
      NDArray matrix = manager.create(new double[][] {{1, 2}});
      NDArray wide = manager.create(new double[][] {{1, 2, 3}});
      Expect.illegalArgument(() -> LpDistance.create().matrix(vector, matrix), "queries", "(2)");
      Expect.illegalArgument(
          () -> CosineSimilarity.create().matrix(matrix, wide), "width", "2", "3");
    }
    Expect.illegalArgument(() -> LpDistance.builder().optPower(3).build(), "power", "3");
  }
}
