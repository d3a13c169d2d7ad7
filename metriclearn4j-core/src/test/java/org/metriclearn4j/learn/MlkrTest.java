package org.metriclearn4j.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.metriclearn4j.data.BundledDatasets;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.linalg.Kernels;
import org.metriclearn4j.metric.MahalanobisMetric;

class MlkrTest extends MetricLearnerContract {

  @Override
  protected SupervisedMetricLearner learner(long seed) {
    return Mlkr.builder().seed(seed).build();
  }

  @Override
  protected boolean deterministicRegardlessOfSeed() {
    return true;
  }

  @Override
  protected SupervisedMetricLearner learnerWithOutputDimension(long seed, int outputDimension) {
    return Mlkr.builder().seed(seed).outputDimension(outputDimension).build();
  }

  @Test
  void lossMatchesAHandComputedLeaveOneOutError() {
    // x = 0, 1, 3 in 1-D, y = 0, 1, 1, A = [1]: d01 = 1, d02 = 9, d12 = 4
    // yhat0 = (e^-1 + e^-9) / (e^-1 + e^-9) = 1                  -> error 1
    // yhat1 = e^-4 / (e^-1 + e^-4) = 1 / (e^3 + 1)               -> error (e^3 / (e^3 + 1))^2
    // yhat2 = e^-4 / (e^-9 + e^-4) = 1 / (1 + e^-5)              -> error (e^-5 / (1 + e^-5))^2
    DMatrixRMaj x = Kernels.toMatrix(new double[][] {{0}, {1}, {3}});
    MlkrObjective objective = new MlkrObjective(x, new double[] {0, 1, 1});
    double e3 = Math.exp(3);
    double em5 = Math.exp(-5);
    double expected = 1 + Math.pow(e3 / (e3 + 1), 2) + Math.pow(em5 / (1 + em5), 2);
    assertEquals(expected, objective.value(Kernels.toMatrix(new double[][] {{1}})), 1e-14);
    // A = [0.5] quarters every squared distance
    double a1 = Math.exp(-0.25);
    double a4 = Math.exp(-1);
    double a9 = Math.exp(-2.25);
    double y1 = a4 / (a1 + a4);
    double y2 = a4 / (a9 + a4);
    double half = 1 + Math.pow(1 - y1, 2) + Math.pow(1 - y2, 2);
    assertEquals(half, objective.value(Kernels.toMatrix(new double[][] {{0.5}})), 1e-14);
  }

  @Test
  void gradientMatchesCentralFiniteDifferences() {
    Random random = new Random(13);
    int n = 15;
    int d = 4;
    int k = 3;
    double[][] rows = new double[n][d];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        rows[i][j] = random.nextGaussian();
      }
      y[i] = random.nextGaussian();
    }
    MlkrObjective objective = new MlkrObjective(Kernels.toMatrix(rows), y);
    DMatrixRMaj a = new DMatrixRMaj(k, d);
    for (int i = 0; i < a.data.length; i++) {
      a.data[i] = 0.6 * random.nextGaussian();
    }
    DMatrixRMaj gradient = new DMatrixRMaj(k, d);
    objective.valueAndGradient(a, gradient);
    double h = 1e-6;
    for (int i = 0; i < a.data.length; i++) {
      DMatrixRMaj plus = a.copy();
      DMatrixRMaj minus = a.copy();
      plus.data[i] += h;
      minus.data[i] -= h;
      double numeric = (objective.value(plus) - objective.value(minus)) / (2 * h);
      assertEquals(numeric, gradient.data[i], 1e-6 * Math.max(1, Math.abs(numeric)), "entry " + i);
    }
  }

  @Test
  void convergesAndBeatsEuclideanOnUnscaledWine() {
    // metric-learn's MLKR barely moves from the identity on raw wine (kNN 0.74)
    LabeledDataset wine = BundledDatasets.load("wine");
    MahalanobisMetric m = Mlkr.builder().build().fit(wine);
    assertTrue(m.fitSummary().converged(), m.fitSummary().toString());
    assertTrue(m.fitSummary().iterations() > 0);
    assertTrue(m.fitSummary().objective() < 0.1 * wine.size(), "mean squared error below 0.1");
    double euclidean = leaveOneOutOneNn(wine.features(), wine.labels());
    double learned = leaveOneOutOneNn(m.transform(wine.features()), wine.labels());
    assertTrue(euclidean < 0.8, "euclidean " + euclidean);
    assertTrue(learned > 0.93, "mlkr " + learned);
  }

  @Test
  void constantColumnsAndDuplicateRowsGiveFiniteComponents() {
    LabeledDataset digits = BundledDatasets.load("digits");
    int[] rows = new int[240];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = i % 200; // 40 duplicated rows
    }
    MahalanobisMetric m = Mlkr.builder().maxIterations(30).build().fit(digits.subset(rows));
    for (double[] row : m.components()) {
      for (double v : row) {
        assertTrue(Double.isFinite(v));
      }
      assertEquals(0, row[0], 0, "the constant pixel 0 keeps weight 0");
    }
    assertTrue(Double.isFinite(m.fitSummary().objective()));
  }

  @Test
  void regressionOnRealTargetsWeighsTheInformativeFeature() {
    Random random = new Random(2);
    int n = 120;
    double[][] x = new double[n][2];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i][0] = random.nextDouble();
      x[i][1] = random.nextDouble();
      y[i] = Math.sin(4 * x[i][0]);
    }
    MahalanobisMetric m = Mlkr.builder().build().fit(x, y);
    double[][] matrix = m.matrix();
    assertTrue(matrix[0][0] > 10 * matrix[1][1], "M = " + java.util.Arrays.deepToString(matrix));
    assertEquals("mlkr", m.provenance().learner());
  }

  @Test
  void rejectsMismatchedTargetsLdaForRegressionAndOneSample() {
    Mlkr mlkr = Mlkr.builder().build();
    assertThrows(
        IllegalArgumentException.class,
        () -> mlkr.fit(new double[][] {{1}, {2}}, new double[] {1}));
    assertThrows(
        IllegalArgumentException.class,
        () -> mlkr.fit(new double[][] {{1}, {2}}, new double[] {1, Double.NaN}));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Mlkr.builder()
                .init(Initialization.LDA)
                .build()
                .fit(new double[][] {{1}, {2}}, new double[] {1, 2}));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> mlkr.fit(new double[][] {{1}}, new double[] {1}));
    assertTrue(String.valueOf(e.getMessage()).contains("at least 2 samples"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Mlkr.builder().maxIterations(0).build());
    assertThrows(IllegalArgumentException.class, () -> Mlkr.builder().tolerance(-1).build());
  }

  /** Leave-one-out 1-NN accuracy (Euclidean) of the rows. */
  static double leaveOneOutOneNn(double[][] z, int[] y) {
    int correct = 0;
    for (int i = 0; i < z.length; i++) {
      int best = -1;
      double bestD = Double.POSITIVE_INFINITY;
      for (int j = 0; j < z.length; j++) {
        if (j == i) {
          continue;
        }
        double s = 0;
        for (int c = 0; c < z[i].length; c++) {
          s += (z[i][c] - z[j][c]) * (z[i][c] - z[j][c]);
        }
        if (s < bestD) {
          bestD = s;
          best = j;
        }
      }
      if (y[best] == y[i]) {
        correct++;
      }
    }
    return correct / (double) z.length;
  }
}
