package org.metriclearn4j.evaluation.clustering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.metriclearn4j.data.BundledDatasets;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.evaluation.retrieval.EmbeddingDistance;

class ClusteringMetricsTest {
  private static final double LN2 = Math.log(2);

  @Test
  void identicalPartitionsScoreOneWhateverTheLabelNames() {
    int[] a = {0, 0, 1, 1, 2, 2, 2};
    int[] b = {5, 5, -1, -1, 9, 9, 9};
    assertEquals(1, ClusteringMetrics.normalizedMutualInformation(a, b), 1e-12);
    assertEquals(1, ClusteringMetrics.adjustedMutualInformation(a, b), 1e-12);
  }

  /**
   * {@code [0,0,1,1]} against {@code [0,1,0,1]}: MI = 0; each of the four cells (a = b = 2, N = 4)
   * has n = 1 with probability 4/6 (term 0) and n = 2 with probability 1/6 (term ln 2 / 2), so
   * E[MI] = 4 * ln 2 / 12 = ln 2 / 3, both entropies are ln 2, and AMI = (0 - ln2/3) / (ln2 -
   * ln2/3) = -1/2.
   */
  @Test
  void crossedHalvesHaveZeroNmiAndAmiMinusOneHalf() {
    int[] a = {0, 0, 1, 1};
    int[] b = {0, 1, 0, 1};
    assertEquals(0, ClusteringMetrics.mutualInformation(a, b), 1e-15);
    assertEquals(0, ClusteringMetrics.normalizedMutualInformation(a, b), 1e-15);
    assertEquals(LN2 / 3, ClusteringMetrics.expectedMutualInformation(a, b), 1e-14);
    assertEquals(-0.5, ClusteringMetrics.adjustedMutualInformation(a, b), 1e-12);
  }

  /**
   * {@code [0,0,0,1,1,1]} against {@code [0,0,1,1,2,2]}: contingency rows (2,1,0) and (0,1,2). MI =
   * 2 * (2/6) ln(6*2/(3*2)) = (2/3) ln 2; H = ln 2 and ln 3. Each of the six cells (a = 3, b = 2, N
   * = 6) has n = 2 with probability C(3,2) C(3,0) / C(6,2) = 1/5 and term (1/3) ln 2 (n = 1
   * contributes 0), so E[MI] = 6 * ln 2 / 15 = 0.4 ln 2.
   */
  @Test
  void smallContingencyTableMatchesHandComputedValues() {
    int[] a = {0, 0, 0, 1, 1, 1};
    int[] b = {0, 0, 1, 1, 2, 2};
    double mi = 2.0 / 3 * LN2;
    double meanH = 0.5 * (LN2 + Math.log(3));
    double emi = 0.4 * LN2;
    assertEquals(mi, ClusteringMetrics.mutualInformation(a, b), 1e-15);
    assertEquals(mi / meanH, ClusteringMetrics.normalizedMutualInformation(a, b), 1e-14);
    assertEquals(emi, ClusteringMetrics.expectedMutualInformation(a, b), 1e-14);
    assertEquals(
        (mi - emi) / (meanH - emi), ClusteringMetrics.adjustedMutualInformation(a, b), 1e-13);
    assertEquals(
        ClusteringMetrics.adjustedMutualInformation(a, b),
        ClusteringMetrics.adjustedMutualInformation(b, a),
        1e-14);
  }

  /** E[MI] is the mean MI over all relabelings of one side that keep its cluster sizes. */
  @Test
  void expectedMutualInformationEqualsTheAverageOverAllPermutations() {
    int[] a = {0, 0, 0, 1, 1, 2, 2};
    int[] b = {0, 0, 1, 1, 1, 1, 2};
    double[] sum = {0};
    int[] count = {0};
    permute(
        b.clone(),
        0,
        p -> {
          sum[0] += ClusteringMetrics.mutualInformation(a, p);
          count[0]++;
        });
    assertEquals(5040, count[0]);
    assertEquals(sum[0] / count[0], ClusteringMetrics.expectedMutualInformation(a, b), 1e-12);
  }

  @Test
  void independentRandomLabelingsHaveAmiNearZero() {
    SplittableRandom random = new SplittableRandom(1);
    int[] a = new int[3000];
    int[] b = new int[3000];
    for (int i = 0; i < a.length; i++) {
      a[i] = random.nextInt(5);
      b[i] = random.nextInt(7);
    }
    double ami = ClusteringMetrics.adjustedMutualInformation(a, b);
    double nmi = ClusteringMetrics.normalizedMutualInformation(a, b);
    assertTrue(Math.abs(ami) < 0.01, "AMI " + ami);
    assertTrue(nmi > ami, "NMI " + nmi + " is biased upwards, AMI " + ami + " is not");
  }

  @Test
  void singleClusterEdgeCasesFollowScikitLearn() {
    int[] one = {3, 3, 3, 3};
    int[] two = {0, 0, 1, 1};
    assertEquals(1, ClusteringMetrics.normalizedMutualInformation(one, one));
    assertEquals(1, ClusteringMetrics.adjustedMutualInformation(one, one));
    assertEquals(0, ClusteringMetrics.normalizedMutualInformation(one, two));
    assertEquals(0, ClusteringMetrics.adjustedMutualInformation(one, two), 1e-12);
  }

  /**
   * pytorch-metric-learning 2.8.1's k-means NMI/AMI for raw pixels on the unseen digits 5-9 (896
   * samples, L2-normalised): 77.6 and 77.4 (%). Our k-means is a different implementation, so the
   * agreement is checked to within 0.01.
   */
  @Test
  void kMeansScoresOnUnseenDigitsAreCloseToPytorchMetricLearning() {
    LabeledDataset digits = BundledDatasets.load("digits");
    int[] keep = IntStream.range(0, digits.size()).filter(i -> digits.label(i) >= 5).toArray();
    LabeledDataset unseen = digits.subset(keep);
    ClusteringReport r =
        ClusteringMetrics.evaluateKMeans(
            unseen.features(), unseen.labels(), EmbeddingDistance.COSINE, 0);
    assertEquals(5, r.clusters());
    assertEquals(0.776, r.nmi(), 0.01);
    assertEquals(0.774, r.ami(), 0.01);
  }

  @Test
  void mismatchedLengthsAreRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ClusteringMetrics.normalizedMutualInformation(new int[] {0, 1}, new int[] {0}));
    assertEquals("b: expected 2 labels like a, found 1", e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> ClusteringMetrics.adjustedMutualInformation(new int[0], new int[0]));
  }

  private static void permute(int[] v, int from, Consumer<int[]> visit) {
    if (from == v.length) {
      visit.accept(v);
      return;
    }
    for (int i = from; i < v.length; i++) {
      int t = v[from];
      v[from] = v[i];
      v[i] = t;
      permute(v, from + 1, visit);
      v[i] = v[from];
      v[from] = t;
    }
  }
}
