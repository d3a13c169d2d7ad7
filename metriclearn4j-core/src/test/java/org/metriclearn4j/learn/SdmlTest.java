package org.metriclearn4j.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.metriclearn4j.constraints.ConstraintSampler;
import org.metriclearn4j.constraints.Pairs;
import org.metriclearn4j.data.BundledDatasets;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.linalg.Kernels;
import org.metriclearn4j.metric.MahalanobisMetric;

class SdmlTest extends PairsContract {

  @Override
  protected MahalanobisMetric fit(Pairs pairs, long seed) {
    return Sdml.builder().build().fit(pairs);
  }

  @Override
  protected String learnerName() {
    return "sdml";
  }

  private static Pairs winePairs() {
    return ConstraintSampler.withSeed(1).pairs(BundledDatasets.load("wine"), 200, 200);
  }

  @Test
  void worksWithItsDefaultsWhereMetricLearnFailsBecauseTheLassoInputIsNotSpd() {
    // only dissimilar pairs: S = P + eta K is far from positive definite
    Pairs pairs = winePairs();
    int[] keep = new int[pairs.numDissimilar()];
    int k = 0;
    for (int p = 0; p < pairs.size(); p++) {
      if (!pairs.similar()[p]) {
        keep[k++] = p;
      }
    }
    int[] first = new int[k];
    int[] second = new int[k];
    for (int i = 0; i < k; i++) {
      first[i] = pairs.first()[keep[i]];
      second[i] = pairs.second()[keep[i]];
    }
    Pairs dissimilar = Pairs.of(pairs.points(), first, second, new boolean[k]);
    MahalanobisMetric m = Sdml.builder().balanceParam(5).build().fit(dissimilar);
    WeakLearnerContract.assertPsdAndFinite(m);
    assertTrue(Double.parseDouble(m.provenance().hyperparameters().get("shift")) > 0);
  }

  @Test
  void withoutPairTermOrPenaltyItIsTheInverseCovariance() {
    // eta = 0, lambda = 0, covariance prior: M = Cov^-1 (no shift on well-conditioned data)
    Random random = new Random(3);
    double[][] x = new double[200][3];
    for (double[] row : x) {
      double a = random.nextGaussian();
      row[0] = a + 0.3 * random.nextGaussian();
      row[1] = 10 * (0.5 * a + random.nextGaussian());
      row[2] = random.nextGaussian();
    }
    int[] all = new int[100];
    int[] other = new int[100];
    for (int i = 0; i < 100; i++) {
      all[i] = 2 * i;
      other[i] = 2 * i + 1;
    }
    Pairs pairs = Pairs.of(x, all, other, new boolean[100]);
    MahalanobisMetric m =
        Sdml.builder().balanceParam(0).sparsityParam(0).tolerance(1e-10).build().fit(pairs);
    DMatrixRMaj cov =
        WeakMetricSupport.covariance(Kernels.toMatrix(x), WeakMetricSupport.allRows(200));
    DMatrixRMaj inv = new DMatrixRMaj(3, 3);
    CommonOps_DDRM.invert(cov, inv);
    double[][] got = m.matrix();
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        assertEquals(inv.get(i, j), got[i][j], 1e-6 * Math.abs(inv.get(i, i)), i + "," + j);
      }
    }
    assertEquals("0.0", m.provenance().hyperparameters().get("shift"));
  }

  @Test
  void largerSparsityGivesMoreZerosOffTheDiagonal() {
    Pairs pairs = winePairs();
    int previous = -1;
    for (double lambda : new double[] {0.0, 0.05, 0.3}) {
      double[][] m = Sdml.builder().sparsityParam(lambda).build().fit(pairs).matrix();
      int zeros = 0;
      for (int i = 0; i < m.length; i++) {
        for (int j = 0; j < m.length; j++) {
          if (i != j && Math.abs(m[i][j]) < 1e-9 * Math.abs(m[i][i])) {
            zeros++;
          }
        }
      }
      assertTrue(zeros >= previous, "lambda " + lambda + ": " + zeros + " zeros");
      previous = zeros;
    }
    assertTrue(previous > 0, "lambda 0.3 gives a sparse metric");
  }

  @Test
  void covariancePriorMakesTheMetricIndependentOfFeatureUnits() {
    Pairs pairs = winePairs();
    double[][] x = pairs.points();
    double[][] scaled = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      scaled[i] = x[i].clone();
      for (int t = 0; t < scaled[i].length; t++) {
        scaled[i][t] *= Math.pow(10, t % 5 - 2);
      }
    }
    Sdml sdml = Sdml.builder().build();
    MahalanobisMetric a = sdml.fit(pairs);
    MahalanobisMetric b =
        sdml.fit(Pairs.of(scaled, pairs.first(), pairs.second(), pairs.similar()));
    for (int i = 0; i < 20; i++) {
      double da = a.distance(x[i], x[i + 50]);
      assertEquals(da, b.distance(scaled[i], scaled[i + 50]), 1e-6 * da);
    }
  }

  @Test
  void recoversABlockSparsePrecisionThroughItsFit() {
    // eta = 0: SDML is the graphical lasso of the covariance of the points; x0, x1 depend on each
    // other, x2, x3 too, and the two blocks are independent
    Random random = new Random(4);
    int n = 3000;
    double[][] x = new double[n][4];
    for (double[] row : x) {
      row[0] = random.nextGaussian();
      row[1] = 0.8 * row[0] + random.nextGaussian();
      row[2] = 5 * random.nextGaussian();
      row[3] = row[2] + 5 * random.nextGaussian();
    }
    int[] a = new int[n / 2];
    int[] b = new int[n / 2];
    for (int i = 0; i < n / 2; i++) {
      a[i] = 2 * i;
      b[i] = 2 * i + 1;
    }
    Pairs pairs = Pairs.of(x, a, b, new boolean[n / 2]);
    double[][] m = Sdml.builder().balanceParam(0).sparsityParam(0.1).build().fit(pairs).matrix();
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        if (i / 2 != j / 2) {
          assertEquals(0.0, m[i][j], 1e-9 * m[i][i], "zero at " + i + "," + j);
        } else if (i != j) {
          assertTrue(Math.abs(m[i][j]) > 0.1 * m[i][i], "edge " + i + "," + j);
        }
      }
    }
  }

  @Test
  void builderRejectsOutOfRangeSettings() {
    assertThrows(IllegalArgumentException.class, () -> Sdml.builder().balanceParam(-1).build());
    assertThrows(
        IllegalArgumentException.class, () -> Sdml.builder().sparsityParam(Double.NaN).build());
    assertThrows(IllegalArgumentException.class, () -> Sdml.builder().ridge(0).build());
    assertThrows(IllegalArgumentException.class, () -> Sdml.builder().maxIterations(0).build());
    assertThrows(IllegalArgumentException.class, () -> Sdml.builder().tolerance(0).build());
    Sdml sdml = Sdml.builder().prior(Sdml.Prior.IDENTITY).build();
    LabeledDataset iris = BundledDatasets.load("iris");
    MahalanobisMetric m =
        sdml.toBuilder().build().fit(ConstraintSampler.withSeed(2).pairs(iris, 50, 50));
    assertEquals("IDENTITY", m.provenance().hyperparameters().get("prior"));
  }
}
