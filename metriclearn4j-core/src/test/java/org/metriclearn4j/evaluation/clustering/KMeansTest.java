package org.metriclearn4j.evaluation.clustering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.metriclearn4j.evaluation.retrieval.EmbeddingDistance;

class KMeansTest {

  private static double[][] blobs(int perBlob, long seed, int[] labels) {
    double[][] centres = {{0, 0}, {10, 0}, {0, 10}};
    SplittableRandom random = new SplittableRandom(seed);
    double[][] x = new double[3 * perBlob][];
    for (int i = 0; i < x.length; i++) {
      int c = i % 3;
      labels[i] = c;
      x[i] =
          new double[] {
            centres[c][0] + random.nextGaussian(), centres[c][1] + random.nextGaussian()
          };
    }
    return x;
  }

  @Test
  void twoPairsOnALineGiveTheirMidpointsAndInertiaOne() {
    double[][] x = {{0}, {1}, {10}, {11}};
    KMeansResult r = KMeans.builder(2).build().fit(x);
    int[] a = r.assignments();
    assertEquals(a[0], a[1]);
    assertEquals(a[2], a[3]);
    assertTrue(a[0] != a[2]);
    assertEquals(0.5, r.centroids()[a[0]][0], 1e-12);
    assertEquals(10.5, r.centroids()[a[2]][0], 1e-12);
    assertEquals(1.0, r.inertia(), 1e-12);
    assertTrue(r.converged());
  }

  @Test
  void separatedBlobsAreRecoveredExactly() {
    int[] labels = new int[150];
    double[][] x = blobs(50, 4, labels);
    KMeansResult r = KMeans.builder(3).seed(9).build().fit(x);
    assertEquals(1, ClusteringMetrics.adjustedMutualInformation(labels, r.assignments()), 1e-12);
    assertArrayEquals(r.assignments(), r.predict(x));
  }

  @Test
  void resultIsALloydFixpointWithConsistentInertia() {
    SplittableRandom random = new SplittableRandom(2);
    double[][] x = new double[200][3];
    for (double[] row : x) {
      for (int j = 0; j < 3; j++) {
        row[j] = random.nextDouble();
      }
    }
    KMeansResult r = KMeans.builder(6).tolerance(0).build().fit(x);
    double[][] c = r.centroids();
    int[] a = r.assignments();
    double inertia = 0;
    double[][] sums = new double[6][3];
    int[] counts = new int[6];
    for (int i = 0; i < x.length; i++) {
      double best = Double.POSITIVE_INFINITY;
      for (int k = 0; k < 6; k++) {
        best = Math.min(best, squared(x[i], c[k]));
      }
      assertEquals(best, squared(x[i], c[a[i]]), 1e-12, "sample " + i + " is at its nearest");
      inertia += best;
      counts[a[i]]++;
      for (int j = 0; j < 3; j++) {
        sums[a[i]][j] += x[i][j];
      }
    }
    assertEquals(inertia, r.inertia(), 1e-9);
    for (int k = 0; k < 6; k++) {
      for (int j = 0; j < 3; j++) {
        assertEquals(sums[k][j] / counts[k], c[k][j], 1e-12, "centroid " + k + " is its mean");
      }
    }
    assertTrue(r.converged());
  }

  @Test
  void sameSeedSameResultAndMoreRestartsNeverWorse() {
    SplittableRandom random = new SplittableRandom(8);
    double[][] x = new double[300][2];
    for (double[] row : x) {
      row[0] = random.nextDouble();
      row[1] = random.nextDouble();
    }
    for (long seed = 0; seed < 4; seed++) {
      KMeansResult once = KMeans.builder(8).restarts(1).seed(seed).build().fit(x);
      KMeansResult many = KMeans.builder(8).restarts(10).seed(seed).build().fit(x);
      KMeansResult again = KMeans.builder(8).restarts(10).seed(seed).build().fit(x);
      assertTrue(many.inertia() <= once.inertia(), "seed " + seed);
      assertArrayEquals(many.assignments(), again.assignments());
      assertArrayEquals(many.centroids(), again.centroids());
    }
  }

  @Test
  void fewerDistinctPointsThanClustersStillWorks() {
    double[][] x = {{1, 1}, {1, 1}, {1, 1}, {2, 2}};
    KMeansResult r = KMeans.builder(3).build().fit(x);
    assertEquals(0, r.inertia(), 1e-12);
    assertEquals(3, r.clusters());
  }

  @Test
  void invalidSettingsAndDataAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> KMeans.builder(0).build());
    assertThrows(IllegalArgumentException.class, () -> KMeans.builder(2).restarts(0).build());
    assertThrows(IllegalArgumentException.class, () -> KMeans.builder(2).maxIterations(0).build());
    assertThrows(IllegalArgumentException.class, () -> KMeans.builder(2).tolerance(-1).build());
    IllegalArgumentException few =
        assertThrows(
            IllegalArgumentException.class,
            () -> KMeans.builder(3).build().fit(new double[][] {{1}, {2}}));
    assertEquals("x: expected at least 3 rows (one per cluster), found 2", few.getMessage());
    IllegalArgumentException nan =
        assertThrows(
            IllegalArgumentException.class,
            () -> KMeans.builder(1).build().fit(new double[][] {{1, 2}, {Double.NaN, 0}}));
    assertTrue(String.valueOf(nan.getMessage()).contains("row 1, column 0"));
  }

  @Test
  void kMeansScoresOfLabelledEmbeddings() {
    int[] labels = new int[90];
    double[][] x = blobs(30, 6, labels);
    ClusteringReport report =
        ClusteringMetrics.evaluateKMeans(x, labels, EmbeddingDistance.EUCLIDEAN, 0);
    assertEquals(3, report.clusters());
    assertEquals(1, report.nmi(), 1e-12);
    assertEquals(1, report.ami(), 1e-12);
    // directions: blobs at angles 0 and 90 degrees are separable by cosine too, the origin blob is
    // not, so cosine scores are lower but still defined
    ClusteringReport cosine =
        ClusteringMetrics.evaluateKMeans(x, labels, EmbeddingDistance.COSINE, 0);
    assertTrue(cosine.nmi() < 1 && cosine.nmi() > 0.3, "cosine NMI " + cosine.nmi());
  }

  private static double squared(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      s += (a[j] - b[j]) * (a[j] - b[j]);
    }
    return s;
  }
}
