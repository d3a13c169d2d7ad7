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
   * Points 0, 1, 5 in 1-D and the single triplet (0, 1, 2), M = L^2: e = 0.5 M + 0.5 h(1 + M - 25
   * M) with the hinge smoothed over 0.1 (h(m) = m^2 / 0.2 for 0 < m < 0.1). With m = 1 - 24 M,
   * de/dM = 0.5 - 12 h'(m), which is 0 at h'(m) = m / 0.1 = 1/24: m = 1/240, so M = (1 - 1/240) /
   * 24 = 239/5760, and e = 0.5 * 239/5760 + 0.5 * (1/240)^2 / 0.2 = 479/23040. (The exact hinge
   * would put the minimum at its kink, M = 1/24.)
   */
  @Test
  void findsTheHandComputedMinimumOfAOneDimensionalProblem() {
    Triplets t =
        Triplets.of(new double[][] {{0}, {1}, {5}}, new int[] {0}, new int[] {1}, new int[] {2});
    MahalanobisMetric m = LmnnTriplets.builder().build().fit(t);
    assertEquals(239.0 / 5760, m.matrix()[0][0], 1e-7);
    assertEquals(479.0 / 23040, m.fitSummary().objective(), 1e-9);
    assertTrue(m.fitSummary().converged(), m.fitSummary().toString());
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
    // Euclidean on raw wine satisfies about 77% of the comparisons; the learned metric almost all,
    // most of them with the unit margin
    double[][] x = wine.features();
    MahalanobisMetric euclideanMetric = MahalanobisMetric.identity(13);
    int before = 0;
    int after = 0;
    int withMargin = 0;
    for (int q = 0; q < triplets.size(); q++) {
      double[] a = x[triplets.anchors()[q]];
      double[] p = x[triplets.positives()[q]];
      double[] n = x[triplets.negatives()[q]];
      before +=
          euclideanMetric.squaredDistance(a, p) < euclideanMetric.squaredDistance(a, n) ? 1 : 0;
      double ap = m.squaredDistance(a, p);
      double an = m.squaredDistance(a, n);
      after += ap < an ? 1 : 0;
      withMargin += ap + 1 <= an ? 1 : 0;
    }
    assertTrue(before < 0.8 * triplets.size(), before + " of " + triplets.size());
    assertTrue(after > 0.97 * triplets.size(), after + " of " + triplets.size());
    assertTrue(withMargin > 0.85 * triplets.size(), withMargin + " of " + triplets.size());
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
