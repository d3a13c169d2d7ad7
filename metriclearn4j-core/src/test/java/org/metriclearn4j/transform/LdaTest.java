package org.metriclearn4j.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.metriclearn4j.data.BundledDatasets;
import org.metriclearn4j.data.LabeledDataset;

class LdaTest {
  /** Offsets with zero mean and a correlated covariance, shared by both classes. */
  private static final double[][] OFFSETS = {
    {2, 1}, {-2, -1}, {1, -1}, {-1, 1}, {0.5, 1.5}, {-0.5, -1.5}
  };

  private static final double[] M0 = {0, 0};
  private static final double[] M1 = {3, 1};

  private static LabeledDataset twoClasses() {
    double[][] x = new double[12][];
    int[] y = new int[12];
    for (int i = 0; i < 6; i++) {
      x[i] = new double[] {M0[0] + OFFSETS[i][0], M0[1] + OFFSETS[i][1]};
      x[6 + i] = new double[] {M1[0] + OFFSETS[i][0], M1[1] + OFFSETS[i][1]};
      y[6 + i] = 1;
    }
    return LabeledDataset.of("two", x, y);
  }

  /** Returns S_w^-1 (m1 - m0) by the explicit 2x2 inverse, S_w pooled over n - c = 10. */
  private static double[] fisherDirection() {
    double a = 0;
    double b = 0;
    double c = 0;
    for (double[] o : OFFSETS) {
      a += 2 * o[0] * o[0];
      b += 2 * o[0] * o[1];
      c += 2 * o[1] * o[1];
    }
    a /= 10;
    b /= 10;
    c /= 10;
    double det = a * c - b * b;
    double dx = M1[0] - M0[0];
    double dy = M1[1] - M0[1];
    return new double[] {(c * dx - b * dy) / det, (-b * dx + a * dy) / det};
  }

  private static double cosine(double[] u, double[] v) {
    double dot = u[0] * v[0] + u[1] * v[1];
    return dot / (Math.hypot(u[0], u[1]) * Math.hypot(v[0], v[1]));
  }

  @Test
  void twoClassDirectionIsParallelToInverseWithinScatterTimesMeanDifference() {
    double[] expected = fisherDirection();
    double[] exact = Lda.builder().shrinkage(0).build().fit(twoClasses()).weights()[0];
    assertEquals(1, Math.abs(cosine(exact, expected)), 1e-12);
    double[] shrunk = Lda.create().fit(twoClasses()).weights()[0];
    assertEquals(1, Math.abs(cosine(shrunk, expected)), 1e-6);
  }

  @Test
  void directionHasUnitWithinClassVariance() {
    double[] a = Lda.builder().shrinkage(0).build().fit(twoClasses()).weights()[0];
    double s = 0;
    for (double[] o : OFFSETS) {
      double p = a[0] * o[0] + a[1] * o[1];
      s += 2 * p * p;
    }
    assertEquals(1, s / 10, 1e-12);
  }

  @Test
  void projectsNewDataWithTheTrainingMean() {
    AffineTransform t = Lda.builder().shrinkage(0).build().fit(twoClasses());
    double[] mean = {1.5, 0.5};
    assertEquals(1.5, t.offset()[0], 1e-12);
    assertEquals(0.5, t.offset()[1], 1e-12);
    double[] a = t.weights()[0];
    double[] x = {10, -4};
    assertEquals(a[0] * (x[0] - mean[0]) + a[1] * (x[1] - mean[1]), t.transform(x)[0], 1e-12);
    assertEquals(0, t.transform(mean)[0], 1e-12);
  }

  @Test
  void irisProjectionWhitensWithinClassAndDiagonalisesBetweenClass() {
    LabeledDataset iris = BundledDatasets.load("iris");
    AffineTransform t = Lda.builder().shrinkage(0).build().fit(iris);
    assertEquals(2, t.outputDimension());
    double[][] z = t.transform(iris.features());
    double[][] classMean = new double[3][2];
    int[] y = iris.labels();
    for (int i = 0; i < z.length; i++) {
      classMean[y[i]][0] += z[i][0] / 50;
      classMean[y[i]][1] += z[i][1] / 50;
    }
    double[][] within = new double[2][2];
    double[][] between = new double[2][2];
    for (int i = 0; i < z.length; i++) {
      for (int a = 0; a < 2; a++) {
        for (int b = 0; b < 2; b++) {
          within[a][b] += (z[i][a] - classMean[y[i]][a]) * (z[i][b] - classMean[y[i]][b]) / 147;
          between[a][b] += classMean[y[i]][a] * classMean[y[i]][b] / 150;
        }
      }
    }
    assertEquals(1, within[0][0], 1e-10);
    assertEquals(1, within[1][1], 1e-10);
    assertEquals(0, within[0][1], 1e-10);
    assertEquals(0, between[0][1], 1e-10 * between[0][0]);
    assertTrue(between[0][0] > between[1][1], "first direction is the most discriminative");
  }

  @Test
  void digitsWithConstantPixelsGivesAFiniteSeparatingProjection() {
    LabeledDataset digits = BundledDatasets.load("digits");
    AffineTransform t = Lda.create().fit(digits);
    assertEquals(9, t.outputDimension());
    double[][] z = t.transform(digits.features());
    double[][] means = new double[10][9];
    int[] counts = digits.classCounts();
    for (int i = 0; i < z.length; i++) {
      for (int k = 0; k < 9; k++) {
        assertTrue(Double.isFinite(z[i][k]));
        means[digits.label(i)][k] += z[i][k] / counts[digits.label(i)];
      }
    }
    int correct = 0;
    for (int i = 0; i < z.length; i++) {
      int best = -1;
      double bestDistance = Double.POSITIVE_INFINITY;
      for (int c = 0; c < 10; c++) {
        double s = 0;
        for (int k = 0; k < 9; k++) {
          s += (z[i][k] - means[c][k]) * (z[i][k] - means[c][k]);
        }
        if (s < bestDistance) {
          bestDistance = s;
          best = c;
        }
      }
      correct += best == digits.label(i) ? 1 : 0;
    }
    assertTrue(correct > 0.9 * z.length, "nearest class mean accuracy " + correct);
  }

  @Test
  void singularWithinScatterWithoutShrinkageIsAClearError() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Lda.builder().shrinkage(0).build().fit(BundledDatasets.load("digits")));
    assertTrue(String.valueOf(e.getMessage()).contains("singular"), e.getMessage());
  }

  @Test
  void tooManyComponentsNamesTheLimit() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Lda.builder().components(2).build().fit(twoClasses()));
    assertTrue(
        String.valueOf(e.getMessage()).contains("at most min(c - 1, d) = 1"), e.getMessage());
    IllegalArgumentException iris =
        assertThrows(
            IllegalArgumentException.class,
            () -> Lda.builder().components(3).build().fit(BundledDatasets.load("iris")));
    assertTrue(String.valueOf(iris.getMessage()).contains("= 2"), iris.getMessage());
  }

  @Test
  void degenerateDataIsRejected() {
    LabeledDataset oneClass =
        LabeledDataset.of("one", new double[][] {{1, 2}, {3, 4}}, new int[] {0, 0});
    assertThrows(IllegalArgumentException.class, () -> Lda.create().fit(oneClass));
    LabeledDataset noSpread =
        LabeledDataset.of(
            "flat", new double[][] {{1, 2}, {1, 2}, {3, 4}, {3, 4}}, new int[] {0, 0, 1, 1});
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Lda.create().fit(noSpread));
    assertTrue(String.valueOf(e.getMessage()).contains("within-class"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Lda.builder().shrinkage(-0.1).build());
    assertThrows(IllegalArgumentException.class, () -> Lda.builder().components(0).build());
  }
}
