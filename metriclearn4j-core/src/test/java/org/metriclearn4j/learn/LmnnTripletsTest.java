package org.metriclearn4j.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.metriclearn4j.constraints.ConstraintSampler;
import org.metriclearn4j.constraints.Triplets;
import org.metriclearn4j.data.BundledDatasets;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.metric.MahalanobisMetric;

class LmnnTripletsTest {

  /**
   * Points 0, 1, 5 in 1-D and the single triplet (0, 1, 2), M = L^2: e = 0.5 M + 0.5 [1 + M - 25
   * M]_+. Below M = 1/24 the hinge is active and e = 0.5 - 11.5 M decreases; above it e = 0.5 M
   * increases. So the minimiser is M = 1/24, with e = 1/48.
   */
  @Test
  void findsTheHandComputedMinimumOfAOneDimensionalProblem() {
    Triplets t =
        Triplets.of(new double[][] {{0}, {1}, {5}}, new int[] {0}, new int[] {1}, new int[] {2});
    MahalanobisMetric m = LmnnTriplets.builder().build().fit(t);
    assertEquals(1.0 / 24, m.matrix()[0][0], 1e-4 / 24);
    assertEquals(1.0 / 48, m.fitSummary().objective(), 1e-4 / 48);
    assertEquals("lmnn-triplets", m.provenance().learner());
    assertEquals(3, m.provenance().samples());
  }

  @Test
  void learnsFromNeighbourTripletsOfUnscaledWine() {
    LabeledDataset wine = BundledDatasets.load("wine");
    Triplets triplets = ConstraintSampler.neighbourTriplets(wine, 3, 5);
    MahalanobisMetric m = LmnnTriplets.builder().build().fit(triplets);
    assertTrue(m.fitSummary().converged(), m.fitSummary().toString());
    double euclidean = MlkrTest.leaveOneOutOneNn(wine.features(), wine.labels());
    double learned = MlkrTest.leaveOneOutOneNn(m.transform(wine.features()), wine.labels());
    assertTrue(learned > euclidean + 0.15, "learned " + learned + ", euclidean " + euclidean);
    // most comparisons hold with a margin in the learned metric
    double[][] x = wine.features();
    int satisfied = 0;
    for (int q = 0; q < triplets.size(); q++) {
      double ap = m.squaredDistance(x[triplets.anchors()[q]], x[triplets.positives()[q]]);
      double an = m.squaredDistance(x[triplets.anchors()[q]], x[triplets.negatives()[q]]);
      if (ap + 1 <= an + 1e-9) {
        satisfied++;
      }
    }
    assertTrue(satisfied > 0.9 * triplets.size(), satisfied + " of " + triplets.size());
  }

  @Test
  void sameSeedSameComponentsAndAChosenOutputDimension() {
    Triplets triplets = ConstraintSampler.withSeed(4).triplets(BundledDatasets.load("iris"), 300);
    LmnnTriplets learner = LmnnTriplets.builder().outputDimension(2).build();
    MahalanobisMetric a = learner.fit(triplets);
    MahalanobisMetric b = learner.fit(triplets);
    assertEquals(2, a.outputDimension());
    for (int r = 0; r < 2; r++) {
      assertArrayEquals(a.components()[r], b.components()[r], 0);
    }
  }

  @Test
  void rejectsLdaAnOversizedOutputAndBadSettings() {
    assertThrows(
        IllegalArgumentException.class,
        () -> LmnnTriplets.builder().init(Initialization.LDA).build());
    Triplets t =
        Triplets.of(new double[][] {{0}, {1}, {5}}, new int[] {0}, new int[] {1}, new int[] {2});
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> LmnnTriplets.builder().outputDimension(2).build().fit(t));
    assertTrue(String.valueOf(e.getMessage()).contains("outputDimension"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> LmnnTriplets.builder().pushWeight(0).build());
    assertThrows(
        IllegalArgumentException.class, () -> LmnnTriplets.builder().maxIterations(0).build());
  }
}
