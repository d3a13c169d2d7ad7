package org.metriclearn4j.deep.miner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.metriclearn4j.deep.testing.Batches;

class AllTuplesMinerTest {

  @Test
  void allPairsMinerReturnsEveryOrderedPairInRowMajorOrder() {
    MinerResult result =
        MinerFixtures.mine(new AllPairsMiner(), Batches.points(), Batches.labels());
    assertEquals(MinerResult.Kind.PAIRS, result.kind());
    assertEquals(
        MinerFixtures.join(Batches.positivePairs(Batches.labels())),
        MinerFixtures.positivePairs(result.pairs()));
    assertEquals(
        MinerFixtures.join(Batches.negativePairs(Batches.labels())),
        MinerFixtures.negativePairs(result.pairs()));
    // 3 + 3 + 2 members: 3*2 + 3*2 + 2*1 positive, 8*8 - 8 - 14 negative ordered pairs.
    assertEquals(14, result.numPositivePairs());
    assertEquals(42, result.numNegativePairs());
    assertEquals(0, result.numTriplets());
  }

  @Test
  void allTripletsMinerReturnsEveryTripletInLexicographicOrder() {
    int[] labels = {2, 0, 2, 1, 0, 2, 1};
    MinerResult result =
        MinerFixtures.mine(new AllTripletsMiner(), Batches.randomPoints(7, 3, 4), labels);
    List<int[]> expected = Batches.triplets(labels);
    assertEquals(MinerFixtures.join(expected), MinerFixtures.triplets(result.triplets()));
    assertEquals(expected.size(), result.numTriplets());
    assertEquals(expected.size(), AllTripletsMiner.countTriplets(labels));
  }

  @Test
  void allTripletsCountOfABatchOf256MatchesBruteForce() {
    int[] labels = Batches.cyclicLabels(256, 10);
    long bruteForce = 0;
    for (int a = 0; a < labels.length; a++) {
      for (int p = 0; p < labels.length; p++) {
        for (int n = 0; n < labels.length; n++) {
          if (p != a && labels[p] == labels[a] && labels[n] != labels[a]) {
            bruteForce++;
          }
        }
      }
    }
    assertEquals(bruteForce, AllTripletsMiner.countTriplets(labels));
    assertEquals(bruteForce, AllTripletsMiner.allTriplets(labels).size());
    MinerResult mined =
        MinerFixtures.mine(new AllTripletsMiner(), Batches.randomPoints(256, 4, 5), labels);
    assertEquals(bruteForce, mined.numTriplets());
  }

  @Test
  void allTripletsOfALargeBatchNeedMemoryOnlyForTheTriplets() {
    // 2048 embeddings in pairs: 2048 * 1 * 2046 = 4.2 million triplets (50 MB of indices), while a
    // B^3 mask would need 8.6 billion entries and could not be allocated in this test's heap.
    int[] labels = new int[2048];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i / 2;
    }
    Triplets triplets = AllTripletsMiner.allTriplets(labels);
    assertEquals(2048L * 2046, triplets.size());
    int[] a = triplets.anchors();
    int[] p = triplets.positives();
    int[] n = triplets.negatives();
    for (int k = 0; k < a.length; k += 9973) {
      assertEquals(labels[a[k]], labels[p[k]]);
      assertEquals(a[k] ^ 1, p[k]);
      assertEquals(true, labels[n[k]] != labels[a[k]]);
    }
  }

  @Test
  void batchesWithoutTuplesGiveEmptyResults() {
    int[] distinct = {0, 1, 2};
    MinerResult triplets =
        MinerFixtures.mine(new AllTripletsMiner(), Batches.randomPoints(3, 2, 6), distinct);
    assertEquals(0, triplets.numTriplets());
    MinerResult pairs =
        MinerFixtures.mine(new AllPairsMiner(), Batches.randomPoints(1, 2, 6), new int[] {4});
    assertEquals(0, pairs.numPositivePairs());
    assertEquals(0, pairs.numNegativePairs());
  }
}
