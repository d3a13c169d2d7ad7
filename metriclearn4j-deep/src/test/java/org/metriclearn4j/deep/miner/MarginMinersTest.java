package org.metriclearn4j.deep.miner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metriclearn4j.deep.distance.BatchDistance;
import org.metriclearn4j.deep.distance.CosineSimilarity;
import org.metriclearn4j.deep.distance.LpDistance;
import org.metriclearn4j.deep.testing.Batches;
import org.metriclearn4j.deep.testing.Expect;
import org.metriclearn4j.deep.testing.PlainDistance;

class MarginMinersTest {
  private static final double[][] X = Batches.randomPoints(12, 3, 11);
  private static final int[] Y = Batches.cyclicLabels(12, 3);

  // ---- PairMarginMiner ----

  private static List<List<String>> pairMarginReference(
      PlainDistance d, double posMargin, double negMargin, double[][] x, int[] y) {
    double[][] m = d.matrix(x, x);
    List<String> positive = new ArrayList<>();
    List<String> negative = new ArrayList<>();
    for (int i = 0; i < y.length; i++) {
      for (int j = 0; j < y.length; j++) {
        if (i == j) {
          continue;
        }
        if (y[i] == y[j]) {
          boolean violates = d.largerIsCloser() ? m[i][j] < posMargin : m[i][j] > posMargin;
          if (violates) {
            positive.add(i + "," + j);
          }
        } else {
          boolean violates = d.largerIsCloser() ? m[i][j] > negMargin : m[i][j] < negMargin;
          if (violates) {
            negative.add(i + "," + j);
          }
        }
      }
    }
    return List.of(positive, negative);
  }

  private static void assertPairMargin(
      PairMarginMiner miner, PlainDistance reference, double[][] x, int[] y) {
    MinerResult result = MinerFixtures.mine(miner, x, y);
    List<List<String>> expected =
        pairMarginReference(reference, miner.posMargin(), miner.negMargin(), x, y);
    assertFalse(expected.get(0).isEmpty(), "test data should give positive pairs");
    assertFalse(expected.get(1).isEmpty(), "test data should give negative pairs");
    assertEquals(expected.get(0), MinerFixtures.positivePairs(result.pairs()));
    assertEquals(expected.get(1), MinerFixtures.negativePairs(result.pairs()));
    assertEquals(expected.get(0).size(), result.numPositivePairs());
    assertEquals(expected.get(1).size(), result.numNegativePairs());
  }

  @Test
  void pairMarginMinerKeepsPairsThatViolateTheMarginsForADistance() {
    PairMarginMiner miner = PairMarginMiner.builder().build();
    assertEquals(0.2, miner.posMargin());
    assertEquals(0.8, miner.negMargin());
    assertPairMargin(miner, PlainDistance.euclidean(true), X, Y);
    assertPairMargin(miner, PlainDistance.euclidean(true), Batches.points(), Batches.labels());
  }

  @Test
  void pairMarginMinerMirrorsTheMarginsForASimilarity() {
    PairMarginMiner miner =
        PairMarginMiner.builder()
            .optPosMargin(0.7)
            .optNegMargin(0.1)
            .optDistance(CosineSimilarity.create())
            .build();
    assertPairMargin(miner, PlainDistance.cosine(), X, Y);
  }

  // ---- TripletMarginMiner ----

  private static List<String> tripletMarginReference(
      PlainDistance d, double margin, TripletMarginMiner.Type type, double[][] x, int[] y) {
    double[][] m = d.matrix(x, x);
    List<String> kept = new ArrayList<>();
    for (int[] t : Batches.triplets(y)) {
      double ap = m[t[0]][t[1]];
      double an = m[t[0]][t[2]];
      double tm = d.largerIsCloser() ? ap - an : an - ap;
      boolean keep =
          switch (type) {
            case ALL -> tm <= margin;
            case HARD -> tm <= 0;
            case SEMIHARD -> tm > 0 && tm <= margin;
            case EASY -> tm > margin;
          };
      if (keep) {
        kept.add(t[0] + "," + t[1] + "," + t[2]);
      }
    }
    return kept;
  }

  @Test
  void tripletMarginMinerKeepsEachKindOfTripletLikeBruteForce() {
    for (BatchDistance distance : List.of(LpDistance.create(), CosineSimilarity.create())) {
      PlainDistance reference =
          distance.largerIsCloser() ? PlainDistance.cosine() : PlainDistance.euclidean(true);
      for (TripletMarginMiner.Type type : TripletMarginMiner.Type.values()) {
        TripletMarginMiner miner =
            TripletMarginMiner.builder().optType(type).optDistance(distance).build();
        List<String> expected = tripletMarginReference(reference, 0.2, type, X, Y);
        assertFalse(expected.isEmpty(), type + " should find triplets in the test data");
        MinerResult result = MinerFixtures.mine(miner, X, Y);
        assertEquals(expected, MinerFixtures.triplets(result.triplets()), type + " " + distance);
        assertEquals(expected.size(), result.numTriplets());
      }
    }
  }

  @Test
  void tripletMarginMinerKindsPartitionAllTriplets() {
    int all = Batches.triplets(Y).size();
    int hard = mineCount(TripletMarginMiner.Type.HARD);
    int semihard = mineCount(TripletMarginMiner.Type.SEMIHARD);
    int easy = mineCount(TripletMarginMiner.Type.EASY);
    assertEquals(all, hard + semihard + easy);
    assertEquals(hard + semihard, mineCount(TripletMarginMiner.Type.ALL));
  }

  private static int mineCount(TripletMarginMiner.Type type) {
    return MinerFixtures.mine(TripletMarginMiner.builder().optType(type).build(), X, Y)
        .numTriplets();
  }

  // ---- BatchHardMiner ----

  private static List<String> batchHardReference(PlainDistance d, double[][] x, int[] y) {
    double[][] m = d.matrix(x, x);
    List<String> kept = new ArrayList<>();
    for (int a = 0; a < y.length; a++) {
      int hp = -1;
      int hn = -1;
      for (int j = 0; j < y.length; j++) {
        if (j == a) {
          continue;
        }
        // hardest positive: largest distance (smallest similarity); hardest negative: the reverse
        double farness = d.largerIsCloser() ? -m[a][j] : m[a][j];
        if (y[j] == y[a]) {
          if (hp < 0 || farness > (d.largerIsCloser() ? -m[a][hp] : m[a][hp])) {
            hp = j;
          }
        } else if (hn < 0 || farness < (d.largerIsCloser() ? -m[a][hn] : m[a][hn])) {
          hn = j;
        }
      }
      if (hp >= 0 && hn >= 0) {
        kept.add(a + "," + hp + "," + hn);
      }
    }
    return kept;
  }

  @Test
  void batchHardMinerPicksTheFarthestPositiveAndClosestNegativePerAnchor() {
    MinerResult result = MinerFixtures.mine(BatchHardMiner.create(), X, Y);
    assertEquals(
        batchHardReference(PlainDistance.euclidean(true), X, Y),
        MinerFixtures.triplets(result.triplets()));
    assertEquals(12, result.numTriplets());
    MinerResult cosine = MinerFixtures.mine(BatchHardMiner.create(CosineSimilarity.create()), X, Y);
    assertEquals(
        batchHardReference(PlainDistance.cosine(), X, Y),
        MinerFixtures.triplets(cosine.triplets()));
  }

  @Test
  void batchHardMinerSkipsAnchorsWithoutPositive() {
    int[] y = {0, 0, 1, 2};
    MinerResult result =
        MinerFixtures.mine(BatchHardMiner.create(), Batches.randomPoints(4, 2, 3), y);
    assertEquals(
        List.of("0,1", "1,0"),
        MinerFixtures.join(result.triplets().anchors(), result.triplets().positives()));
  }

  // ---- MultiSimilarityMiner ----

  private static List<List<String>> multiSimilarityReference(
      PlainDistance d, double epsilon, double[][] x, int[] y) {
    double[][] m = d.matrix(x, x);
    List<String> positive = new ArrayList<>();
    List<String> negative = new ArrayList<>();
    boolean sim = d.largerIsCloser();
    for (int a = 0; a < y.length; a++) {
      List<Double> pos = new ArrayList<>();
      List<Double> neg = new ArrayList<>();
      for (int j = 0; j < y.length; j++) {
        if (j != a) {
          (y[j] == y[a] ? pos : neg).add(m[a][j]);
        }
      }
      if (pos.isEmpty() || neg.isEmpty()) {
        continue;
      }
      double minPos = pos.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
      double maxPos = pos.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
      double minNeg = neg.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
      double maxNeg = neg.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
      for (int j = 0; j < y.length; j++) {
        if (j == a) {
          continue;
        }
        double v = m[a][j];
        if (y[j] == y[a]) {
          if (sim ? v - epsilon < maxNeg : v + epsilon > minNeg) {
            positive.add(a + "," + j);
          }
        } else if (sim ? v + epsilon > minPos : v - epsilon < maxPos) {
          negative.add(a + "," + j);
        }
      }
    }
    return List.of(positive, negative);
  }

  @Test
  void multiSimilarityMinerKeepsHardPairsLikeBruteForce() {
    for (BatchDistance distance : List.of(CosineSimilarity.create(), LpDistance.create())) {
      PlainDistance reference =
          distance.largerIsCloser() ? PlainDistance.cosine() : PlainDistance.euclidean(true);
      MultiSimilarityMiner miner = MultiSimilarityMiner.builder().optDistance(distance).build();
      assertEquals(0.1, miner.epsilon());
      MinerResult result = MinerFixtures.mine(miner, X, Y);
      List<List<String>> expected = multiSimilarityReference(reference, 0.1, X, Y);
      assertFalse(expected.get(0).isEmpty());
      assertFalse(expected.get(1).isEmpty());
      assertEquals(expected.get(0), MinerFixtures.positivePairs(result.pairs()), distance.name());
      assertEquals(expected.get(1), MinerFixtures.negativePairs(result.pairs()), distance.name());
    }
  }

  @Test
  void marginMinerSettingsAreValidated() {
    Expect.illegalArgument(
        () -> PairMarginMiner.builder().optPosMargin(Double.NaN).build(), "posMargin", "NaN");
    Expect.illegalArgument(
        () -> TripletMarginMiner.builder().optMargin(-0.1).build(), "margin", "-0.1");
    Expect.illegalArgument(
        () -> MultiSimilarityMiner.builder().optEpsilon(-1).build(), "epsilon", "-1");
  }
}
