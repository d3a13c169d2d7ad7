package org.metriclearn4j.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.metriclearn4j.data.BundledDatasets;
import org.metriclearn4j.data.LabeledDataset;

class PcaTest {
  private static final double C = Math.cos(Math.PI / 6);
  private static final double S = Math.sin(Math.PI / 6);
  private static final double[] MEAN = {5, -2};

  /**
   * Four points (+-1, +-1), stretched by (3, 1), rotated by 30 degrees and moved to (5, -2). The
   * sample covariance (divisor n - 1 = 3) has eigenvalue 12 along (cos 30, sin 30) and 4/3 along
   * (-sin 30, cos 30).
   */
  private static LabeledDataset rotatedRectangle() {
    double[][] x = new double[4][];
    int i = 0;
    for (int a : new int[] {-1, 1}) {
      for (int b : new int[] {-1, 1}) {
        double u = 3 * a;
        double v = b;
        x[i++] = new double[] {MEAN[0] + C * u - S * v, MEAN[1] + S * u + C * v};
      }
    }
    return LabeledDataset.of("rect", x, new int[4]);
  }

  @Test
  void findsTheKnownAxesAndVariances() {
    PcaDecomposition pca = Pca.create().decompose(rotatedRectangle());
    double[][] w = pca.transform().weights();
    assertEquals(C, w[0][0], 1e-12);
    assertEquals(S, w[0][1], 1e-12);
    assertEquals(-S, w[1][0], 1e-12);
    assertEquals(C, w[1][1], 1e-12);
    assertEquals(12, pca.explainedVariance()[0], 1e-12);
    assertEquals(4.0 / 3, pca.explainedVariance()[1], 1e-12);
    assertEquals(40.0 / 3, pca.totalVariance(), 1e-12);
    assertEquals(0.9, pca.explainedVarianceRatio()[0], 1e-12);
    assertEquals(0.1, pca.explainedVarianceRatio()[1], 1e-12);
    assertEquals(MEAN[0], pca.transform().offset()[0], 1e-12);
  }

  @Test
  void projectsNewDataWithTheTrainingMean() {
    AffineTransform t = Pca.create().fit(rotatedRectangle());
    double[] x = {MEAN[0] + 2 * C + S, MEAN[1] + 2 * S - C}; // mean + 2 u1 - 1 u2
    double[] z = t.transform(x);
    assertEquals(2, z[0], 1e-12);
    assertEquals(-1, z[1], 1e-12);
  }

  @Test
  void householderRotatedOctahedronGivesTheRotatedAxesInVarianceOrder() {
    // Q = I - 2 v v^T with v = (1, 2, 2) / 3 is orthogonal; rows: points +-3 q1, +-2 q2, +-1 q3.
    double[] v = {1 / 3.0, 2 / 3.0, 2 / 3.0};
    double[][] q = new double[3][3];
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 3; c++) {
        q[c][r] = (r == c ? 1 : 0) - 2 * v[r] * v[c]; // q[c] = column c of Q
      }
    }
    double[] scale = {3, 2, 1};
    double[][] x = new double[6][3];
    for (int k = 0; k < 3; k++) {
      for (int j = 0; j < 3; j++) {
        x[2 * k][j] = scale[k] * q[k][j];
        x[2 * k + 1][j] = -scale[k] * q[k][j];
      }
    }
    PcaDecomposition pca = Pca.create().decompose(LabeledDataset.of("oct", x, new int[6]));
    double[][] w = pca.transform().weights();
    for (int k = 0; k < 3; k++) {
      double dot = 0;
      for (int j = 0; j < 3; j++) {
        dot += w[k][j] * q[k][j];
      }
      assertEquals(1, Math.abs(dot), 1e-12, "axis " + k);
      assertEquals(2 * scale[k] * scale[k] / 5, pca.explainedVariance()[k], 1e-12);
    }
  }

  @Test
  void signConventionMakesTheLargestEntryOfEachAxisPositive() {
    double[][] w = Pca.create().fit(BundledDatasets.load("wine")).weights();
    for (double[] row : w) {
      int best = 0;
      for (int j = 1; j < row.length; j++) {
        if (Math.abs(row[j]) > Math.abs(row[best])) {
          best = j;
        }
      }
      assertTrue(row[best] > 0);
    }
  }

  @Test
  void projectedTrainingDataHasDiagonalCovarianceEqualToTheExplainedVariance() {
    LabeledDataset digits = BundledDatasets.load("digits");
    PcaDecomposition pca = Pca.builder().components(10).build().decompose(digits);
    double[][] z = pca.transform().transform(digits.features());
    int n = z.length;
    for (int a = 0; a < 10; a++) {
      for (int b = 0; b <= a; b++) {
        double s = 0;
        for (double[] row : z) {
          s += row[a] * row[b];
        }
        double expected = a == b ? pca.explainedVariance()[a] : 0;
        assertEquals(expected, s / (n - 1), 1e-8 * pca.explainedVariance()[0], a + "," + b);
      }
    }
    // total variance = sum of per-feature sample variances, computed directly
    double total = 0;
    double[][] x = digits.features();
    for (int j = 0; j < digits.dimension(); j++) {
      double m = 0;
      for (double[] row : x) {
        m += row[j];
      }
      m /= n;
      for (double[] row : x) {
        total += (row[j] - m) * (row[j] - m) / (n - 1);
      }
    }
    assertEquals(total, pca.totalVariance(), 1e-9 * total);
  }

  @Test
  void varianceFractionKeepsTheFewestComponentsThatExceedIt() {
    LabeledDataset rect = rotatedRectangle();
    assertEquals(1, Pca.builder().varianceFraction(0.85).build().decompose(rect).components());
    assertEquals(2, Pca.builder().varianceFraction(0.95).build().decompose(rect).components());
    assertEquals(2, Pca.builder().varianceFraction(1).build().decompose(rect).components());
  }

  @Test
  void whiteningGivesUnitVarianceComponents() {
    LabeledDataset rect = rotatedRectangle();
    AffineTransform t = Pca.builder().whiten(true).build().fit(rect);
    double[][] z = t.transform(rect.features());
    for (int k = 0; k < 2; k++) {
      double s = 0;
      for (double[] row : z) {
        s += row[k] * row[k];
      }
      assertEquals(1, s / 3, 1e-12);
    }
    assertEquals(1 / Math.sqrt(12), Math.hypot(t.weights()[0][0], t.weights()[0][1]), 1e-12);
  }

  @Test
  void tooManyComponentsNamesTheLimit() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Pca.builder().components(3).build().fit(rotatedRectangle()));
    assertTrue(String.valueOf(e.getMessage()).contains("at most min(n, d) = 2"), e.getMessage());
    assertTrue(String.valueOf(e.getMessage()).contains("found 3"));
  }

  @Test
  void whiteningAZeroVarianceComponentIsAnError() {
    LabeledDataset line =
        LabeledDataset.of("line", new double[][] {{0, 0}, {1, 1}, {2, 2}}, new int[3]);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Pca.builder().whiten(true).build().fit(line));
    assertTrue(String.valueOf(e.getMessage()).contains("at most 1 components"), e.getMessage());
    assertEquals(1, Pca.builder().whiten(true).components(1).build().fit(line).outputDimension());
  }

  @Test
  void builderRejectsInvalidSettings() {
    assertThrows(IllegalArgumentException.class, () -> Pca.builder().components(0).build());
    assertThrows(IllegalArgumentException.class, () -> Pca.builder().varianceFraction(0).build());
    assertThrows(IllegalArgumentException.class, () -> Pca.builder().varianceFraction(1.5).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> Pca.builder().components(2).varianceFraction(0.5).build());
    LabeledDataset one = LabeledDataset.of("one", new double[][] {{1, 2}}, new int[1]);
    assertThrows(IllegalArgumentException.class, () -> Pca.create().fit(one));
  }
}
