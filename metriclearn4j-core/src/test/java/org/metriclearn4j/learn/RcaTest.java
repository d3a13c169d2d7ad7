package org.metriclearn4j.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.metriclearn4j.constraints.Chunks;
import org.metriclearn4j.constraints.ConstraintSampler;
import org.metriclearn4j.data.BundledDatasets;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.linalg.Kernels;
import org.metriclearn4j.metric.MahalanobisMetric;

class RcaTest extends WeakLearnerContract<Chunks> {

  @Override
  protected Chunks constraints(LabeledDataset data, long seed) {
    return ConstraintSampler.withSeed(seed).chunks(data, 20, 2);
  }

  @Override
  protected MahalanobisMetric fit(Chunks chunks, long seed) {
    return Rca.builder().build().fit(chunks);
  }

  @Override
  protected String learnerName() {
    return "rca";
  }

  @Override
  protected Chunks withPoints(Chunks chunks, double[][] points) {
    return Chunks.of(points, chunks.chunkOf());
  }

  @Override
  protected double[][] pointsOf(Chunks chunks) {
    return chunks.points();
  }

  @Override
  protected List<Executable> invalidConstructions(double[][] points) {
    return List.of(
        () -> Chunks.of(points, new int[] {-1, -1, -1, -1}),
        () -> Chunks.of(points, new int[] {0, 0, -2, 1}),
        () -> Chunks.of(points, new int[] {0, 0, 1}));
  }

  /** Points in 3-D whose chunks of 3 share a class centre; within-chunk noise is anisotropic. */
  private static Chunks anisotropicChunks(long seed) {
    Random random = new Random(seed);
    int chunks = 30;
    double[][] x = new double[chunks * 3][3];
    int[] chunkOf = new int[chunks * 3];
    for (int c = 0; c < chunks; c++) {
      double[] centre = {
        5 * random.nextGaussian(), 5 * random.nextGaussian(), random.nextGaussian()
      };
      for (int m = 0; m < 3; m++) {
        int i = 3 * c + m;
        chunkOf[i] = c;
        double a = random.nextGaussian();
        x[i][0] = centre[0] + 2 * a;
        x[i][1] = centre[1] + a + 0.5 * random.nextGaussian();
        x[i][2] = centre[2] + 0.2 * random.nextGaussian();
      }
    }
    return Chunks.of(x, chunkOf);
  }

  @Test
  void metricIsTheInverseOfTheRegularisedWithinChunkCovariance() {
    Chunks chunks = anisotropicChunks(1);
    double ridge = 1e-3;
    MahalanobisMetric m = Rca.builder().ridge(ridge).build().fit(chunks);
    // brute force: C = mean over chunked points of (x - chunk mean)(x - chunk mean)^T, T = total
    double[][] x = chunks.points();
    int n = x.length;
    DMatrixRMaj c = new DMatrixRMaj(3, 3);
    for (int k = 0; k < n / 3; k++) {
      double[] mean = new double[3];
      for (int i = 3 * k; i < 3 * k + 3; i++) {
        for (int t = 0; t < 3; t++) {
          mean[t] += x[i][t] / 3;
        }
      }
      for (int i = 3 * k; i < 3 * k + 3; i++) {
        for (int a = 0; a < 3; a++) {
          for (int b = 0; b < 3; b++) {
            c.add(a, b, (x[i][a] - mean[a]) * (x[i][b] - mean[b]) / n);
          }
        }
      }
    }
    DMatrixRMaj total =
        WeakMetricSupport.covariance(Kernels.toMatrix(x), WeakMetricSupport.allRows(n));
    DMatrixRMaj reg = c.copy();
    CommonOps_DDRM.addEquals(reg, ridge, total);
    DMatrixRMaj expected = new DMatrixRMaj(3, 3);
    CommonOps_DDRM.invert(reg, expected);
    double[][] got = m.matrix();
    for (int a = 0; a < 3; a++) {
      for (int b = 0; b < 3; b++) {
        assertEquals(expected.get(a, b), got[a][b], 1e-8 * expected.get(a, a), a + "," + b);
      }
    }
    assertTrue(m.fitSummary().converged());
    assertEquals(0, m.fitSummary().iterations());
  }

  @Test
  void digitsWithConstantPixelsGiveAFiniteMetricOfReducedRank() {
    // metric-learn's RCA returns NaN here: pixel_0_0, pixel_4_0 and pixel_4_7 are constant
    LabeledDataset digits = BundledDatasets.load("digits");
    LabeledDataset sample = MetricLearnerContract.firstOfEachClass(digits, 30);
    Chunks chunks = ConstraintSampler.withSeed(1).chunks(sample, 100, 2);
    MahalanobisMetric m = Rca.builder().build().fit(chunks);
    assertPsdAndFinite(m);
    assertEquals(64, m.inputDimension());
    assertTrue(m.outputDimension() <= 61, "constant pixels dropped: " + m.outputDimension());
    int[] constant = {0, 32, 39};
    for (double[] row : m.components()) {
      for (int j : constant) {
        assertEquals(0.0, row[j], 0.0, "no weight on constant pixel " + j);
      }
    }
  }

  @Test
  void resultDoesNotDependOnFeatureUnits() {
    Chunks chunks = anisotropicChunks(2);
    double[][] x = chunks.points();
    double[][] scaled = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      scaled[i] = new double[] {x[i][0] * 1e4, x[i][1], x[i][2] * 1e-4};
    }
    Rca rca = Rca.builder().build();
    MahalanobisMetric a = rca.fit(chunks);
    MahalanobisMetric b = rca.fit(Chunks.of(scaled, chunks.chunkOf()));
    for (int i = 0; i < 20; i++) {
      double da = a.distance(x[i], x[i + 30]);
      assertEquals(da, b.distance(scaled[i], scaled[i + 30]), 1e-8 * da);
    }
  }

  @Test
  void chunksWithoutTwoDistinctPointsAreRejected() {
    double[][] x = {{0, 1}, {1, 1}, {1, 1}, {3, 0}};
    IllegalArgumentException singletons =
        assertThrows(
            IllegalArgumentException.class,
            () -> Rca.builder().build().fit(Chunks.of(x, new int[] {0, 1, 2, -1})));
    assertTrue(String.valueOf(singletons.getMessage()).contains("two"), singletons.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> Rca.builder().build().fit(Chunks.of(x, new int[] {-1, 0, 0, -1})));
    double[][] same = {{1, 1}, {1, 1}, {1, 1}};
    assertThrows(
        IllegalArgumentException.class,
        () -> Rca.builder().build().fit(Chunks.of(same, new int[] {0, 0, 1})));
    assertThrows(IllegalArgumentException.class, () -> Rca.builder().ridge(0).build());
    assertEquals(0.5, Rca.builder().ridge(0.5).build().toBuilder().build().ridge());
  }
}
