package org.metriclearn4j.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.metriclearn4j.data.BundledDatasets;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.metric.MahalanobisMetric;

class LfdaTest extends MetricLearnerContract {

  @Override
  protected SupervisedMetricLearner learner(long seed) {
    return Lfda.builder().build();
  }

  @Override
  protected boolean deterministicRegardlessOfSeed() {
    return true;
  }

  @Override
  protected SupervisedMetricLearner learnerWithOutputDimension(long seed, int outputDimension) {
    return Lfda.builder().outputDimension(outputDimension).build();
  }

  /** Two Gaussian classes in 3-D with a shared, correlated covariance and different means. */
  private static LabeledDataset twoGaussians() {
    SplittableRandom r = new SplittableRandom(5);
    int n = 400;
    double[][] x = new double[n][3];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % 2;
      double u = r.nextGaussian();
      double v = r.nextGaussian();
      double w = r.nextGaussian();
      x[i][0] = 2 * u + 0.5 * v + (y[i] == 1 ? 1.5 : 0);
      x[i][1] = 0.5 * u + v - (y[i] == 1 ? 1 : 0);
      x[i][2] = 0.3 * w + 0.2 * u + (y[i] == 1 ? 0.4 : 0);
    }
    return LabeledDataset.of("gauss", x, y);
  }

  /** Fisher's direction {@code S_w^{-1} (mu_1 - mu_0)}, computed directly. */
  private static double[] fisherDirection(LabeledDataset data) {
    double[][] x = data.features();
    int[] y = data.labels();
    int d = data.dimension();
    double[][] mu = new double[2][d];
    int[] count = new int[2];
    for (int i = 0; i < x.length; i++) {
      count[y[i]]++;
      for (int j = 0; j < d; j++) {
        mu[y[i]][j] += x[i][j];
      }
    }
    for (int c = 0; c < 2; c++) {
      for (int j = 0; j < d; j++) {
        mu[c][j] /= count[c];
      }
    }
    DMatrixRMaj sw = new DMatrixRMaj(d, d);
    for (int i = 0; i < x.length; i++) {
      for (int p = 0; p < d; p++) {
        for (int q = 0; q < d; q++) {
          sw.add(p, q, (x[i][p] - mu[y[i]][p]) * (x[i][q] - mu[y[i]][q]));
        }
      }
    }
    assertTrue(CommonOps_DDRM.invert(sw));
    double[] f = new double[d];
    for (int p = 0; p < d; p++) {
      for (int q = 0; q < d; q++) {
        f[p] += sw.get(p, q) * (mu[1][q] - mu[0][q]);
      }
    }
    return f;
  }

  private static double norm(double[] a) {
    double s = 0;
    for (double v : a) {
      s += v * v;
    }
    return Math.sqrt(s);
  }

  private static double absCosine(double[] a, double[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int j = 0; j < a.length; j++) {
      dot += a[j] * b[j];
      na += a[j] * a[j];
      nb += b[j] * b[j];
    }
    return Math.abs(dot) / Math.sqrt(na * nb);
  }

  @Test
  void withAWideNeighbourhoodTheDirectionIsFishers() {
    // with k at least the class size every same-class affinity is close to 1, and LFDA becomes LDA
    LabeledDataset data = twoGaussians();
    double[] fisher = fisherDirection(data);
    MahalanobisMetric wide = Lfda.builder().neighbors(1000).outputDimension(1).build().fit(data);
    assertTrue(absCosine(fisher, wide.components()[0]) > 0.99);
    MahalanobisMetric local = Lfda.builder().neighbors(7).outputDimension(1).build().fit(data);
    assertTrue(
        absCosine(fisher, local.components()[0]) < absCosine(fisher, wide.components()[0]),
        "a local neighbourhood departs from the global Fisher direction");
  }

  @Test
  void distancesDoNotDependOnTheUnitsOfAFeature() {
    LabeledDataset wine = BundledDatasets.load("wine");
    double[][] x = wine.features();
    double[][] rescaled = wine.features();
    for (double[] row : rescaled) {
      row[0] *= 1000;
      row[5] /= 50;
    }
    MahalanobisMetric a = Lfda.builder().build().fit(wine);
    MahalanobisMetric b = Lfda.builder().build().fit(wine.withFeatures(rescaled));
    for (int i = 0; i < 20; i++) {
      int j = (7 * i + 3) % x.length;
      double da = a.distance(x[i], x[j]);
      double db = b.distance(rescaled[i], rescaled[j]);
      assertEquals(da, db, 1e-6 * da, "pair " + i + "," + j);
    }
  }

  @Test
  void constantPixelsAndDuplicateRowsGiveFiniteComponentsThatIgnoreThoseColumns() {
    LabeledDataset digits = BundledDatasets.load("digits");
    int[] rows = new int[400];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = i % 300; // rows 0..99 appear twice
    }
    MahalanobisMetric m = Lfda.builder().build().fit(digits.subset(rows));
    double[][] l = m.components();
    int[] constantPixels = {0, 32, 39}; // pixel_0_0, pixel_4_0, pixel_4_7
    for (double[] row : l) {
      for (double v : row) {
        assertTrue(Double.isFinite(v));
      }
      for (int c : constantPixels) {
        assertEquals(0, row[c], 1e-9);
      }
    }
    assertTrue(m.outputDimension() <= 61);
    assertTrue(m.fitSummary().converged());
    assertTrue(m.fitSummary().objective() > 0);
  }

  @Test
  void embeddingsAreScaledOrOrthonormalisedEigenvectors() {
    LabeledDataset iris = BundledDatasets.load("iris");
    double[][] plain =
        Lfda.builder().embedding(Lfda.Embedding.PLAIN).build().fit(iris).components();
    double[][] weighted = Lfda.builder().build().fit(iris).components();
    double previous = Double.POSITIVE_INFINITY;
    for (int r = 0; r < plain.length; r++) {
      double factor = norm(weighted[r]) / norm(plain[r]);
      assertTrue(factor >= 0 && factor <= previous, "sqrt(eigenvalue), descending");
      for (int c = 0; c < 4; c++) {
        assertEquals(factor * plain[r][c], weighted[r][c], 1e-9 * (1 + Math.abs(weighted[r][c])));
      }
      previous = factor;
    }
    double[][] ortho =
        Lfda.builder()
            .embedding(Lfda.Embedding.ORTHONORMALIZED)
            .outputDimension(2)
            .build()
            .fit(iris)
            .components();
    assertEquals(2, ortho.length);
    for (int a = 0; a < 2; a++) {
      for (int b = 0; b < 2; b++) {
        double dot = 0;
        for (int c = 0; c < 4; c++) {
          dot += ortho[a][c] * ortho[b][c];
        }
        assertEquals(a == b ? 1 : 0, dot, 1e-10);
      }
    }
    // the first orthonormalised direction is the first eigenvector, normalised
    assertTrue(absCosine(ortho[0], plain[0]) > 1 - 1e-10);
  }

  @Test
  void separatesIrisWithProvenanceAndDefaults() {
    LabeledDataset iris = BundledDatasets.load("iris");
    MahalanobisMetric m = Lfda.builder().build().fit(iris);
    assertEquals(4, m.outputDimension());
    assertEquals("lfda", m.provenance().learner());
    assertEquals("7", m.provenance().hyperparameters().get("k"));
    assertEquals("weighted", m.provenance().hyperparameters().get("embedding"));
    // leave-one-out 1-NN in the learned space errs on few points
    double[][] z = m.transform(iris.features());
    int errors = 0;
    for (int i = 0; i < z.length; i++) {
      int best = -1;
      double bestD = Double.POSITIVE_INFINITY;
      for (int j = 0; j < z.length; j++) {
        double s = 0;
        for (int c = 0; c < z[i].length; c++) {
          s += (z[i][c] - z[j][c]) * (z[i][c] - z[j][c]);
        }
        if (j != i && s < bestD) {
          bestD = s;
          best = j;
        }
      }
      if (iris.label(best) != iris.label(i)) {
        errors++;
      }
    }
    assertTrue(errors <= 8, "errors: " + errors);
  }

  @Test
  void rejectsOneClassATooLargeOutputAndBadSettings() {
    LabeledDataset one =
        LabeledDataset.of("one", new double[][] {{1, 2}, {2, 3}, {3, 1}}, new int[3]);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Lfda.builder().build().fit(one));
    assertTrue(String.valueOf(e.getMessage()).contains("at least 2 classes"), e.getMessage());
    LabeledDataset iris = BundledDatasets.load("iris");
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Lfda.builder().outputDimension(5).build().fit(iris));
    assertTrue(String.valueOf(e.getMessage()).contains("outputDimension"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Lfda.builder().neighbors(0).build());
    assertThrows(IllegalArgumentException.class, () -> Lfda.builder().outputDimension(0).build());
    assertThrows(IllegalArgumentException.class, () -> Lfda.builder().regularization(0).build());
  }

  @Test
  void denseAndBlockedClassScattersAgree() {
    LabeledDataset wine = BundledDatasets.load("wine");
    DMatrixRMaj x =
        Standardization.of(org.metriclearn4j.linalg.Kernels.toMatrix(wine.features()))
            .standardized();
    // every class dense (the default at this size) against every class block by block
    LocalFisher.Scatter dense = LocalFisher.scatter(x, x, wine.labels(), 7);
    LocalFisher.Scatter blocked = LocalFisher.scatter(x, x, wine.labels(), 7, 0);
    DMatrixRMaj[][] pairs = {
      {dense.between(), blocked.between()}, {dense.within(), blocked.within()}
    };
    for (DMatrixRMaj[] pair : pairs) {
      double scale = org.ejml.dense.row.NormOps_DDRM.normF(pair[1]);
      assertTrue(scale > 0);
      for (int i = 0; i < pair[0].data.length; i++) {
        assertEquals(pair[1].data[i], pair[0].data[i], 1e-12 * scale);
      }
    }
  }
}
