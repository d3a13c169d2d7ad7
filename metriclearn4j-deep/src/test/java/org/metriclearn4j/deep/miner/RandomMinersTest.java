package org.metriclearn4j.deep.miner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.metriclearn4j.deep.testing.Batches;
import org.metriclearn4j.deep.testing.Expect;
import org.metriclearn4j.deep.testing.PlainDistance;

class RandomMinersTest {

  // ---- RandomPairsMiner ----

  @Test
  void randomPairsMinerBalancesEveryPositivePairWithDistinctNegativePairs() {
    double[][] x = Batches.randomPoints(12, 3, 21);
    int[] y = Batches.cyclicLabels(12, 3);
    MinerResult result = MinerFixtures.mine(RandomPairsMiner.builder().optSeed(5).build(), x, y);
    List<String> allPositive = MinerFixtures.join(Batches.positivePairs(y));
    List<String> allNegative = MinerFixtures.join(Batches.negativePairs(y));
    assertEquals(allPositive, MinerFixtures.positivePairs(result.pairs()));
    List<String> negatives = MinerFixtures.negativePairs(result.pairs());
    assertEquals(allPositive.size(), negatives.size());
    assertEquals(negatives.size(), new HashSet<>(negatives).size(), "no repeated pair");
    assertTrue(allNegative.containsAll(negatives));
    // Row-major order, like the full list it was drawn from.
    List<String> sorted = new ArrayList<>(negatives);
    sorted.sort((a, b) -> Integer.compare(allNegative.indexOf(a), allNegative.indexOf(b)));
    assertEquals(sorted, negatives);
  }

  @Test
  void randomPairsMinerIsReproducibleForASeedAndBatchAndVariesWithTheSeed() {
    double[][] x = Batches.randomPoints(12, 3, 22);
    int[] y = Batches.cyclicLabels(12, 3);
    RandomPairsMiner miner = RandomPairsMiner.builder().optSeed(1).optMaxPairsPerKind(5).build();
    MinerResult first = MinerFixtures.mine(miner, x, y);
    assertEquals(first, MinerFixtures.mine(miner, x, y));
    assertEquals(5, first.numPositivePairs());
    assertEquals(5, first.numNegativePairs());
    MinerResult other =
        MinerFixtures.mine(
            RandomPairsMiner.builder().optSeed(2).optMaxPairsPerKind(5).build(), x, y);
    assertNotEquals(first, other);
  }

  @Test
  void randomPairsMinerDrawsNegativePairsUniformly() {
    double[][] x = Batches.randomPoints(6, 2, 23);
    int[] y = {0, 0, 1, 1, 2, 2};
    List<String> allNegative = MinerFixtures.join(Batches.negativePairs(y));
    int[] counts = new int[allNegative.size()];
    int runs = 400;
    for (int seed = 0; seed < runs; seed++) {
      MinerResult r = MinerFixtures.mine(RandomPairsMiner.builder().optSeed(seed).build(), x, y);
      for (String pair : MinerFixtures.negativePairs(r.pairs())) {
        counts[allNegative.indexOf(pair)]++;
      }
    }
    // 6 of 24 negative pairs per run: each is drawn with probability 1/4, sd of a count ~ 8.7.
    for (int c : counts) {
      assertEquals(100, c, 45, "count of one negative pair over 400 runs");
    }
  }

  // ---- DistanceWeightedMiner ----

  private static double weight(double d, int dim) {
    double clamped = Math.max(d, 0.5);
    return Math.pow(clamped, 2.0 - dim) * Math.pow(1 - 0.25 * clamped * clamped, -(dim - 3) / 2.0);
  }

  @Test
  void distanceWeightedMinerDrawsOneEligibleNegativePerPositivePair() {
    double[][] x = Batches.randomPoints(16, 4, 31);
    int[] y = Batches.cyclicLabels(16, 4);
    DistanceWeightedMiner miner = DistanceWeightedMiner.builder().optSeed(3).build();
    MinerResult result = MinerFixtures.mine(miner, x, y);
    double[][] d = PlainDistance.euclidean(true).matrix(x, x);
    // Reference: every positive pair whose anchor has a negative closer than 1.4.
    List<String> expectedPairs = new ArrayList<>();
    for (int[] pair : Batches.positivePairs(y)) {
      boolean eligible = false;
      for (int n = 0; n < y.length; n++) {
        eligible |= y[n] != y[pair[0]] && d[pair[0]][n] < 1.4;
      }
      if (eligible) {
        expectedPairs.add(pair[0] + "," + pair[1]);
      }
    }
    Triplets triplets = result.triplets();
    assertEquals(expectedPairs, MinerFixtures.join(triplets.anchors(), triplets.positives()));
    int[] a = triplets.anchors();
    int[] n = triplets.negatives();
    for (int k = 0; k < a.length; k++) {
      assertNotEquals(y[a[k]], y[n[k]], "negative of triplet " + k);
      assertTrue(d[a[k]][n[k]] < 1.4, "negative of triplet " + k + " is within the cutoff");
    }
    assertEquals(result, MinerFixtures.mine(miner, x, y), "same seed and batch, same triplets");
    assertNotEquals(
        result,
        MinerFixtures.mine(DistanceWeightedMiner.builder().optSeed(4).build(), x, y),
        "another seed draws other negatives");
  }

  @Test
  void distanceWeightedMinerSamplesNegativesInProportionToInverseDistanceDensity() {
    // 40 copies of e1 (class 0) and four single negatives at chord distances 0.3, 0.9, 1.3, 1.6.
    double[] distances = {0.3, 0.9, 1.3, 1.6};
    int copies = 40;
    double[][] x = new double[copies + distances.length][4];
    int[] y = new int[x.length];
    for (int i = 0; i < copies; i++) {
      x[i][0] = 1;
    }
    for (int k = 0; k < distances.length; k++) {
      double angle = 2 * Math.asin(distances[k] / 2);
      x[copies + k][0] = Math.cos(angle);
      x[copies + k][1 + k % 3] = Math.sin(angle);
      y[copies + k] = k + 1;
    }
    MinerResult result = MinerFixtures.mine(DistanceWeightedMiner.builder().build(), x, y);
    Triplets triplets = result.triplets();
    assertEquals(copies * (copies - 1), triplets.size());
    int[] counts = new int[distances.length];
    for (int n : triplets.negatives()) {
      counts[n - copies]++;
    }
    assertEquals(0, counts[3], "a negative beyond the 1.4 cutoff is never drawn");
    double[] w = new double[3];
    double total = 0;
    for (int k = 0; k < 3; k++) {
      w[k] = weight(distances[k], 4);
      total += w[k];
    }
    int draws = triplets.size();
    for (int k = 0; k < 3; k++) {
      double p = w[k] / total;
      double sd = Math.sqrt(draws * p * (1 - p));
      assertEquals(draws * p, counts[k], 5 * sd, "draws of the negative at " + distances[k]);
    }
  }

  @Test
  void randomMinerSettingsAreValidated() {
    Expect.illegalArgument(
        () -> RandomPairsMiner.builder().optMaxPairsPerKind(0).build(), "maxPairsPerKind", "0");
    Expect.illegalArgument(
        () -> DistanceWeightedMiner.builder().optCutoff(0).build(), "cutoff", "0");
    Expect.illegalArgument(
        () -> DistanceWeightedMiner.builder().optNonzeroLossCutoff(0.4).build(),
        "nonzeroLossCutoff",
        "0.4");
  }

  @Test
  void distanceWeightedMinerAnchorsWithoutPositivesGiveNoTriplet() {
    Set<Integer> anchors = new HashSet<>();
    int[] y = {0, 1, 2, 3, 3};
    MinerResult result =
        MinerFixtures.mine(
            DistanceWeightedMiner.builder().optNonzeroLossCutoff(2.0).build(),
            Batches.randomPoints(5, 3, 8),
            y);
    for (int a : result.triplets().anchors()) {
      anchors.add(a);
    }
    assertEquals(Set.of(3, 4), anchors);
  }
}
