package org.metriclearn4j.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.metriclearn4j.data.BundledDatasets;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.linalg.Kernels;
import org.metriclearn4j.metric.MahalanobisMetric;

class CovarianceTest extends MetricLearnerContract {

  @Override
  protected SupervisedMetricLearner learner(long seed) {
    return Covariance.builder().build();
  }

  @Override
  protected boolean deterministicRegardlessOfSeed() {
    return true;
  }

  /** Covariance ignores labels, so a single class is fine (this replaces the contract's check). */
  @Test
  @Override
  void singleClassIsRejectedWithAMessageAboutClasses() {
    double[][] x = {{0, 0}, {2, 0}, {0, 1}, {2, 3}};
    MahalanobisMetric one =
        Covariance.builder().build().fit(LabeledDataset.of("one", x, new int[4]));
    MahalanobisMetric two =
        Covariance.builder().build().fit(LabeledDataset.of("two", x, new int[] {0, 1, 0, 1}));
    assertEquals(one.matrix()[0][1], two.matrix()[0][1], 0, "labels do not matter");
  }

  @Test
  void matrixIsTheInverseOfAHandComputedSampleCovariance() {
    // x = (0,0), (2,0), (0,1), (2,3): mean (1,1), centred (-1,-1), (1,-1), (-1,0), (1,2)
    // sum of outer products [[4, 2], [2, 6]], divided by n - 1 = 3: S = [[4/3, 2/3], [2/3, 2]]
    // det S = 8/3 - 4/9 = 20/9, S^-1 = 9/20 [[2, -2/3], [-2/3, 4/3]] = [[0.9, -0.3], [-0.3, 0.6]]
    double[][] x = {{0, 0}, {2, 0}, {0, 1}, {2, 3}};
    MahalanobisMetric m =
        Covariance.builder().build().fit(LabeledDataset.of("four", x, new int[4]));
    double[][] expected = {{0.9, -0.3}, {-0.3, 0.6}};
    double[][] actual = m.matrix();
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        assertEquals(expected[i][j], actual[i][j], 1e-12);
      }
    }
    assertTrue(m.fitSummary().converged());
    assertEquals(0, m.fitSummary().iterations());
    assertEquals("covariance", m.provenance().learner());
    assertEquals(4, m.provenance().samples());
  }

  @Test
  void matrixTimesCovarianceIsTheIdentityOnWine() {
    LabeledDataset wine = BundledDatasets.load("wine");
    MahalanobisMetric m = Covariance.builder().build().fit(wine);
    DMatrixRMaj s = sampleCovariance(wine.features());
    DMatrixRMaj product = new DMatrixRMaj(13, 13);
    CommonOps_DDRM.mult(Kernels.toMatrix(m.matrix()), s, product);
    for (int i = 0; i < 13; i++) {
      for (int j = 0; j < 13; j++) {
        assertEquals(i == j ? 1 : 0, product.get(i, j), 1e-6, i + "," + j);
      }
    }
  }

  @Test
  void singularCovarianceGivesThePseudoInverseAndIgnoresConstantColumns() {
    // column 0 constant, row 3 duplicates row 0
    double[][] x = {{5, 1, 2}, {5, 3, 1}, {5, 0, 4}, {5, 1, 2}, {5, 2, 2}};
    MahalanobisMetric m =
        Covariance.builder().build().fit(LabeledDataset.of("sing", x, new int[5]));
    DMatrixRMaj pinv = Kernels.toMatrix(m.matrix());
    DMatrixRMaj s = sampleCovariance(x);
    // Moore-Penrose: M S M = M and S M S = S
    DMatrixRMaj msm = new DMatrixRMaj(3, 3);
    DMatrixRMaj tmp = new DMatrixRMaj(3, 3);
    CommonOps_DDRM.mult(pinv, s, tmp);
    CommonOps_DDRM.mult(tmp, pinv, msm);
    DMatrixRMaj sms = new DMatrixRMaj(3, 3);
    CommonOps_DDRM.mult(s, pinv, tmp);
    CommonOps_DDRM.mult(tmp, s, sms);
    for (int i = 0; i < 3; i++) {
      assertEquals(0, pinv.get(0, i), 1e-12, "constant column has no weight");
      for (int j = 0; j < 3; j++) {
        assertEquals(pinv.get(i, j), msm.get(i, j), 1e-9);
        assertEquals(s.get(i, j), sms.get(i, j), 1e-9);
      }
    }
    assertEquals(2, m.outputDimension(), "components span the rank-2 covariance");
  }

  @Test
  void ridgeInvertsTheShrunkCovariance() {
    double[][] x = {{5, 1, 2}, {5, 3, 1}, {5, 0, 4}, {5, 1, 2}, {5, 2, 2}};
    MahalanobisMetric m =
        Covariance.builder().ridge(0.1).build().fit(LabeledDataset.of("sing", x, new int[5]));
    DMatrixRMaj s = sampleCovariance(x);
    double shift = 0.1 * CommonOps_DDRM.trace(s) / 3;
    for (int i = 0; i < 3; i++) {
      s.add(i, i, shift);
    }
    DMatrixRMaj product = new DMatrixRMaj(3, 3);
    CommonOps_DDRM.mult(Kernels.toMatrix(m.matrix()), s, product);
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        assertEquals(i == j ? 1 : 0, product.get(i, j), 1e-9);
      }
    }
  }

  @Test
  void digitsWithConstantPixelsGiveFiniteComponents() {
    MahalanobisMetric m = Covariance.builder().build().fit(BundledDatasets.load("digits"));
    for (double[] row : m.components()) {
      for (double v : row) {
        assertTrue(Double.isFinite(v));
      }
    }
    assertTrue(m.outputDimension() <= 61, "3 constant pixels cannot be inverted");
  }

  @Test
  void rejectsOneSampleAndANegativeRidge() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Covariance.builder()
                    .build()
                    .fit(LabeledDataset.of("one", new double[][] {{1, 2}}, new int[1])));
    assertTrue(String.valueOf(e.getMessage()).contains("at least 2 samples"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Covariance.builder().ridge(-1).build());
  }

  static DMatrixRMaj sampleCovariance(double[][] x) {
    int n = x.length;
    int d = x[0].length;
    double[] mean = new double[d];
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        mean[j] += row[j] / n;
      }
    }
    DMatrixRMaj s = new DMatrixRMaj(d, d);
    for (double[] row : x) {
      for (int a = 0; a < d; a++) {
        for (int b = 0; b < d; b++) {
          s.add(a, b, (row[a] - mean[a]) * (row[b] - mean[b]) / (n - 1));
        }
      }
    }
    return s;
  }
}
