package org.metriclearn4j.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.metriclearn4j.data.BundledDatasets;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.transform.AffineTransform;
import org.metriclearn4j.transform.Pca;

class KernelPcaTest {

  /** Asserts that columns of {@code actual} equal those of {@code expected} up to their sign. */
  private static void assertColumnsEqualUpToSign(
      double[][] expected, double[][] actual, int columns, double tolerance) {
    for (int c = 0; c < columns; c++) {
      double dot = 0;
      for (int i = 0; i < expected.length; i++) {
        dot += expected[i][c] * actual[i][c];
      }
      double sign = Math.signum(dot);
      for (int i = 0; i < expected.length; i++) {
        assertEquals(expected[i][c], sign * actual[i][c], tolerance, "row " + i + ", column " + c);
      }
    }
  }

  private static LabeledDataset rows(LabeledDataset data, int from, int to) {
    int[] idx = new int[to - from];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = from + i;
    }
    return data.subset(idx);
  }

  @Test
  void linearKernelGivesThePcaProjectionsOfTrainingAndNewPoints() {
    LabeledDataset iris = BundledDatasets.load("iris");
    // every third row for training, the others as new points
    int[] trainIdx = new int[50];
    int[] testIdx = new int[100];
    for (int i = 0, a = 0, b = 0; i < 150; i++) {
      if (i % 3 == 0) {
        trainIdx[a++] = i;
      } else {
        testIdx[b++] = i;
      }
    }
    LabeledDataset train = iris.subset(trainIdx);
    LabeledDataset test = iris.subset(testIdx);
    KernelTransform kpca = KernelPca.builder().kernel(Kernel.linear()).build().fit(train);
    // the centred linear kernel has rank d = 4: the 16 other requested components are dropped
    assertEquals(4, kpca.outputDimension());
    AffineTransform pca = Pca.builder().components(4).build().fit(train);
    assertColumnsEqualUpToSign(
        pca.transform(train.features()), kpca.transform(train.features()), 4, 1e-9);
    assertColumnsEqualUpToSign(
        pca.transform(test.features()), kpca.transform(test.features()), 4, 1e-9);
  }

  @Test
  void linearKernelOnALargeSetUsesTheIterativeSolverAndStillMatchesPca() {
    LabeledDataset digits = rows(BundledDatasets.load("digits"), 0, 600);
    KernelTransform kpca =
        KernelPca.builder().kernel(Kernel.linear()).components(5).build().fit(digits);
    AffineTransform pca = Pca.builder().components(5).build().fit(digits);
    double[][] expected = pca.transform(digits.features());
    double[][] actual = kpca.transform(digits.features());
    double scale = Math.abs(expected[0][0]) + 1;
    assertColumnsEqualUpToSign(expected, actual, 5, 1e-6 * scale);
  }

  @Test
  void rbfTrainingCoordinatesAreTheScaledEigenvectorsOfTheCentredKernelMatrix() {
    SplittableRandom random = new SplittableRandom(3);
    int n = 40;
    double[][] x = new double[n][3];
    for (double[] row : x) {
      for (int j = 0; j < 3; j++) {
        row[j] = random.nextGaussian();
      }
    }
    LabeledDataset data = LabeledDataset.of("gauss", x, new int[n]);
    Kernel rbf = Kernel.rbf(0.7);
    KernelTransform kpca = KernelPca.builder().kernel(rbf).components(3).build().fit(data);

    // brute force: K_ij by pointwise evaluation, double centring, full eigen-decomposition
    double[][] k = new double[n][n];
    double[] mean = new double[n];
    double total = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        k[i][j] = rbf.value(x[i], x[j]);
        mean[j] += k[i][j] / n;
      }
    }
    for (double v : mean) {
      total += v / n;
    }
    DMatrixRMaj kc = new DMatrixRMaj(n, n);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        kc.set(i, j, k[i][j] - mean[i] - mean[j] + total);
      }
    }
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
    assertTrue(eig.decompose(kc.copy()));
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order, (a, b) -> Double.compare(eig.getEigenvalue(b).real, eig.getEigenvalue(a).real));
    double[][] expected = new double[n][3];
    for (int c = 0; c < 3; c++) {
      double lambda = eig.getEigenvalue(order[c]).real;
      DMatrixRMaj v = eig.getEigenVector(order[c]);
      double norm = Math.sqrt(dot(v.data, v.data));
      for (int i = 0; i < n; i++) {
        expected[i][c] = Math.sqrt(lambda) * v.get(i, 0) / norm;
      }
    }
    assertColumnsEqualUpToSign(expected, kpca.transform(x), 3, 1e-9);
    // a new point is centred with the training statistics: the training mean in feature space maps
    // to the mean of the training coordinates, which is 0
    double[][] z = kpca.transform(x);
    for (int c = 0; c < 3; c++) {
      double s = 0;
      for (double[] row : z) {
        s += row[c];
      }
      assertEquals(0, s / n, 1e-12);
    }
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  @Test
  void keepsASeededSubsetOfTrainingPointsAsTheBasisBeyondMaxSamples() {
    LabeledDataset wine = BundledDatasets.load("wine");
    KernelPca learner = KernelPca.builder().maxSamples(50).components(4).seed(7).build();
    KernelTransform t = learner.fit(wine);
    double[][] basis = t.basis();
    assertEquals(50, basis.length);
    double[][] all = wine.features();
    for (double[] b : basis) {
      assertTrue(Arrays.stream(all).anyMatch(r -> Arrays.equals(r, b)), "basis row not in data");
    }
    KernelTransform again = learner.fit(wine);
    assertArrayEquals(t.transform(all[3]), again.transform(all[3]), 0);
    KernelTransform other =
        KernelPca.builder().maxSamples(50).components(4).seed(8).build().fit(wine);
    assertNotEquals(Arrays.deepToString(basis), Arrays.deepToString(other.basis()));
  }

  @Test
  void identicalPointsMapToZeroAndConstantColumnsOrDuplicatesNeverGiveNaN() {
    double[][] same = new double[5][];
    Arrays.fill(same, new double[] {1, 2});
    KernelTransform t =
        KernelPca.builder().build().fit(LabeledDataset.of("same", same, new int[5]));
    assertEquals(1, t.outputDimension());
    assertArrayEquals(new double[] {0}, t.transform(new double[] {3, -1}), 0);

    double[][] x = {{0, 1, 5}, {0, 1, 5}, {0, 2, 7}, {0, 3, 1}, {0, 3, 1}, {0, -1, 2}};
    for (Kernel k :
        new Kernel[] {Kernel.rbf(), Kernel.polynomial(2), Kernel.linear(), Kernel.sigmoid()}) {
      KernelTransform f =
          KernelPca.builder().kernel(k).build().fit(LabeledDataset.of("dup", x, new int[6]));
      for (double[] row : f.transform(x)) {
        for (double v : row) {
          assertTrue(Double.isFinite(v), k.name());
        }
      }
    }
  }

  @Test
  void kernelTransformFactoriesValidateShapesAndValues() {
    double[][] basis = {{0, 1}, {2, 3}};
    double[][] coefficients = {{1}, {-1}};
    KernelTransform t = KernelTransform.uncentred("test", Kernel.linear(), basis, coefficients);
    // x.b1 - x.b2 for x = (1, 1): 1 - 5
    assertArrayEquals(new double[] {-4}, t.transform(new double[] {1, 1}), 1e-12);
    assertTrue(!t.isCentred());
    KernelTransform c =
        KernelTransform.centred(
            "test", Kernel.linear(), basis, coefficients, new double[] {1, 2}, 3);
    // k = (1, 5), row mean 3: c(k) = k - colMeans - 3 + 3 = (0, 3), projected: 0 - 3
    assertArrayEquals(new double[] {-3}, c.transform(new double[] {1, 1}), 1e-12);
    assertThrows(
        IllegalArgumentException.class,
        () -> KernelTransform.uncentred("t", Kernel.linear(), basis, new double[][] {{1}}));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            KernelTransform.uncentred(
                "t", Kernel.linear(), basis, new double[][] {{1}, {Double.NaN}}));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            KernelTransform.centred(
                "t", Kernel.linear(), basis, coefficients, new double[] {1}, 0));
  }

  @Test
  void rejectsTooFewSamplesAndInvalidSettings() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                KernelPca.builder()
                    .build()
                    .fit(LabeledDataset.of("one", new double[][] {{1, 2}}, new int[1])));
    assertTrue(String.valueOf(e.getMessage()).contains("at least 2 samples"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> KernelPca.builder().components(0).build());
    assertThrows(IllegalArgumentException.class, () -> KernelPca.builder().maxSamples(1).build());
    KernelTransform t =
        KernelPca.builder()
            .build()
            .fit(LabeledDataset.of("two", new double[][] {{1}, {2}}, new int[2]));
    assertThrows(IllegalArgumentException.class, () -> t.transform(new double[] {1, 2}));
  }
}
