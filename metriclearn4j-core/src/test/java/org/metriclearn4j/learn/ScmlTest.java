package org.metriclearn4j.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.metriclearn4j.constraints.ConstraintSampler;
import org.metriclearn4j.constraints.Triplets;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.linalg.Kernels;
import org.metriclearn4j.metric.MahalanobisMetric;

class ScmlTest extends WeakLearnerContract<Triplets> {

  @Override
  protected Triplets constraints(LabeledDataset data, long seed) {
    return ConstraintSampler.withSeed(seed).triplets(data, 300);
  }

  @Override
  protected MahalanobisMetric fit(Triplets t, long seed) {
    return Scml.builder().seed(seed).maxIterations(3000).build().fit(t);
  }

  @Override
  protected String learnerName() {
    return "scml";
  }

  @Override
  protected Triplets withPoints(Triplets t, double[][] points) {
    return Triplets.of(points, t.anchors(), t.positives(), t.negatives());
  }

  @Override
  protected double[][] pointsOf(Triplets t) {
    return t.points();
  }

  @Override
  protected List<Executable> invalidConstructions(double[][] points) {
    return List.of(
        () -> Triplets.of(points, new int[0], new int[0], new int[0]),
        () -> Triplets.of(points, new int[] {0}, new int[] {1}, new int[] {4}),
        () -> Triplets.of(points, new int[] {0, 1}, new int[] {1}, new int[] {2, 3}));
  }

  /** Two classes that differ in feature 0 only; feature 1 is noise ten times larger. */
  private static LabeledDataset oneInformativeFeature(long seed) {
    Random random = new Random(seed);
    int n = 100;
    double[][] x = new double[n][2];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % 2;
      x[i][0] = 2 * y[i] + 0.5 * random.nextGaussian();
      x[i][1] = 5 * random.nextGaussian();
    }
    return LabeledDataset.of("axis", x, y);
  }

  @Test
  void weightsTheInformativeFeature() {
    Triplets t = ConstraintSampler.withSeed(1).triplets(oneInformativeFeature(1), 500);
    double[][] m = Scml.builder().seed(1).build().fit(t).matrix();
    // share of each feature in squared distances: weight times the feature's variance
    assertTrue(m[0][0] * 1.25 > 10 * m[1][1] * 25, m[0][0] + " vs " + m[1][1]);
  }

  @Test
  void unitAxisBasesGiveADiagonalMetric() {
    Triplets t = ConstraintSampler.withSeed(2).triplets(oneInformativeFeature(2), 300);
    MahalanobisMetric m =
        Scml.builder().bases(new double[][] {{1, 0}, {0, 1}}).seed(2).build().fit(t);
    double[][] a = m.matrix();
    assertEquals(0.0, a[0][1], 0.0);
    assertTrue(a[0][0] > 0);
    assertEquals("given", m.provenance().hyperparameters().get("basis"));
    assertTrue(m.outputDimension() <= 2);
  }

  @Test
  void basesOfTheWrongDimensionAreRejected() {
    Triplets t = ConstraintSampler.withSeed(3).triplets(oneInformativeFeature(3), 50);
    Scml scml = Scml.builder().bases(new double[][] {{1, 0, 0}}).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> scml.fit(t));
    assertTrue(String.valueOf(e.getMessage()).startsWith("bases"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> Scml.builder().bases(new double[0][]).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> Scml.builder().bases(new double[][] {{1, Double.NaN}}).build());
  }

  @Test
  void contradictoryTripletsThatNoMetricImprovesAreRejected() {
    // every triplet comes with its reverse, so any positive weights cost at least the zero metric
    double[][] x = {{0, 0}, {1, 0}, {0, 2}, {3, 1}};
    Triplets t =
        Triplets.of(x, new int[] {0, 0, 3, 3}, new int[] {1, 2, 1, 2}, new int[] {2, 1, 2, 1});
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Scml.builder().maxIterations(2000).build().fit(t));
    assertTrue(String.valueOf(e.getMessage()).contains("zero metric"), e.getMessage());
  }

  @Test
  void tripletsOverIdenticalPointsOnlyGiveNoBasis() {
    double[][] x = {{1, 1}, {1, 1}, {1, 1}};
    Triplets t = Triplets.of(x, new int[] {0}, new int[] {1}, new int[] {2});
    assertThrows(IllegalArgumentException.class, () -> Scml.builder().build().fit(t));
  }

  @Test
  void builderValidatesAndCopies() {
    assertThrows(IllegalArgumentException.class, () -> Scml.builder().beta(-1).build());
    assertThrows(IllegalArgumentException.class, () -> Scml.builder().gamma(0).build());
    assertThrows(IllegalArgumentException.class, () -> Scml.builder().maxIterations(0).build());
    assertThrows(IllegalArgumentException.class, () -> Scml.builder().batchSize(0).build());
    assertThrows(IllegalArgumentException.class, () -> Scml.builder().outputIterations(0).build());
    assertThrows(IllegalArgumentException.class, () -> Scml.builder().numBases(-1).build());
    double[][] bases = {{1, 0}};
    Scml.Builder builder = Scml.builder().bases(bases);
    bases[0][0] = Double.NaN;
    Triplets t = ConstraintSampler.withSeed(4).triplets(oneInformativeFeature(4), 100);
    WeakLearnerContract.assertPsdAndFinite(builder.build().toBuilder().build().fit(t));
  }

  @Test
  void fisherDirectionOfTwoClassesIsTheRegularisedWithinScatterTimesTheMeanDifference() {
    Random random = new Random(5);
    int n = 40;
    double[][] rows = new double[n][3];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i < n / 2 ? 0 : 1;
      rows[i][0] = random.nextGaussian() + y[i];
      rows[i][1] = 0.5 * random.nextGaussian() + 0.5 * rows[i][0];
      rows[i][2] = 2 * random.nextGaussian() - y[i];
    }
    DMatrixRMaj x = Kernels.toMatrix(rows);
    double[][] dirs = ScmlBases.fisherDirections(x, y, WeakMetricSupport.allRows(n), 2, 1);
    // brute force: w = (Sw + 1e-3 mean(diag Sw) I)^-1 (mu1 - mu0)
    double[][] mu = new double[2][3];
    for (int i = 0; i < n; i++) {
      for (int t = 0; t < 3; t++) {
        mu[y[i]][t] += rows[i][t] / (n / 2.0);
      }
    }
    DMatrixRMaj sw = new DMatrixRMaj(3, 3);
    for (int i = 0; i < n; i++) {
      for (int a = 0; a < 3; a++) {
        for (int b = 0; b < 3; b++) {
          sw.add(a, b, (rows[i][a] - mu[y[i]][a]) * (rows[i][b] - mu[y[i]][b]));
        }
      }
    }
    double ridge = 1e-3 * (sw.get(0, 0) + sw.get(1, 1) + sw.get(2, 2)) / 3;
    for (int a = 0; a < 3; a++) {
      sw.add(a, a, ridge);
    }
    DMatrixRMaj inv = new DMatrixRMaj(3, 3);
    org.ejml.dense.row.CommonOps_DDRM.invert(sw, inv);
    double[] w = new double[3];
    double norm = 0;
    for (int a = 0; a < 3; a++) {
      for (int b = 0; b < 3; b++) {
        w[a] += inv.get(a, b) * (mu[1][b] - mu[0][b]);
      }
      norm += w[a] * w[a];
    }
    double cos = 0;
    for (int a = 0; a < 3; a++) {
      cos += dirs[0][a] * w[a] / Math.sqrt(norm);
    }
    assertEquals(1.0, Math.abs(cos), 1e-9);
  }

  @Test
  void kMeansFindsWellSeparatedClusters() {
    Random random = new Random(6);
    double[][] centres = {{0, 0}, {10, 0}, {0, 10}};
    double[][] rows = new double[90][];
    for (int i = 0; i < 90; i++) {
      double[] c = centres[i % 3];
      rows[i] = new double[] {c[0] + random.nextGaussian(), c[1] + random.nextGaussian()};
    }
    DMatrixRMaj found = ScmlBases.kMeans(Kernels.toMatrix(rows), 3, 6);
    for (double[] c : centres) {
      double best = Double.POSITIVE_INFINITY;
      for (int k = 0; k < 3; k++) {
        double dx = found.get(k, 0) - c[0];
        double dy = found.get(k, 1) - c[1];
        best = Math.min(best, Math.sqrt(dx * dx + dy * dy));
      }
      assertTrue(best < 0.6, "a centre near " + c[0] + "," + c[1] + ": " + best);
    }
  }
}
