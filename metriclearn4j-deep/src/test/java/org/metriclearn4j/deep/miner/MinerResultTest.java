package org.metriclearn4j.deep.miner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metriclearn4j.deep.testing.Expect;

class MinerResultTest {

  @Test
  void tripletsConvertToTheirAnchorPositiveAndAnchorNegativePairs() {
    MinerResult result =
        MinerResult.of(Triplets.of(new int[] {0, 0, 3}, new int[] {1, 2, 4}, new int[] {5, 5, 0}));
    Pairs pairs = result.pairs();
    assertEquals(List.of("0,1", "0,2", "3,4"), MinerFixtures.positivePairs(pairs));
    assertEquals(List.of("0,5", "0,5", "3,0"), MinerFixtures.negativePairs(pairs));
    assertEquals(3, result.numTriplets());
    assertEquals(0, result.numPositivePairs());
    assertEquals(0, result.numNegativePairs());
  }

  @Test
  void pairsConvertToEveryTripletSharingAnAnchor() {
    int[] pa = {2, 0, 2, 1};
    int[] p = {3, 4, 5, 6};
    int[] na = {2, 0, 2, 7, 0};
    int[] n = {9, 8, 7, 1, 6};
    MinerResult result = MinerResult.of(Pairs.of(pa, p, na, n));
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < pa.length; i++) {
      for (int j = 0; j < na.length; j++) {
        if (pa[i] == na[j]) {
          expected.add(pa[i] + "," + p[i] + "," + n[j]);
        }
      }
    }
    assertEquals(expected, MinerFixtures.triplets(result.triplets()));
    assertEquals(List.of("2,3,9", "2,3,7", "0,4,8", "0,4,6", "2,5,9", "2,5,7"), expected);
    assertEquals(0, result.numTriplets());
    assertEquals(4, result.numPositivePairs());
    assertEquals(5, result.numNegativePairs());
  }

  @Test
  void tuplesAreCopiedInAndOut() {
    int[] anchors = {0, 1};
    Triplets triplets = Triplets.of(anchors, new int[] {1, 0}, new int[] {2, 2});
    anchors[0] = 7;
    triplets.anchors()[1] = 7;
    assertArrayEquals(new int[] {0, 1}, triplets.anchors());
  }

  @Test
  void tuplesCanBeBuiltFromEngineArrays() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Triplets t =
          Triplets.of(
              manager.create(new long[] {0, 3}),
              manager.create(new int[] {1, 4}),
              manager.create(new long[] {5, 0}));
      assertEquals(List.of("0,1,5", "3,4,0"), MinerFixtures.triplets(t));
      Pairs p =
          Pairs.of(
              manager.create(new int[] {2}),
              manager.create(new int[] {3}),
              manager.create(new int[] {2, 2}),
              manager.create(new int[] {0, 1}));
      assertEquals(List.of("2,3"), MinerFixtures.positivePairs(p));
      assertEquals(List.of("2,0", "2,1"), MinerFixtures.negativePairs(p));
      Expect.illegalArgument(
          () ->
              Triplets.of(
                  manager.create(new float[] {0.5f}),
                  manager.create(new int[] {1}),
                  manager.create(new int[] {2})),
          "anchors",
          "0.5");
    }
  }

  @Test
  void malformedTuplesAreRejected() {
    Expect.illegalArgument(
        () -> Pairs.of(new int[] {0}, new int[] {}, new int[] {}, new int[] {}),
        "positiveAnchors",
        "positives",
        "1 and 0");
    Expect.illegalArgument(
        () -> Triplets.of(new int[] {0}, new int[] {-1}, new int[] {2}), "positives", "-1");
    MinerResult result = MinerResult.of(Triplets.of(new int[] {0}, new int[] {1}, new int[] {9}));
    Expect.illegalArgument(() -> result.checkIndices(5), "batch of 5", "found index 9");
  }

  @Test
  void badBatchesAreRejectedWithWhatWasFound() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray x = manager.create(new double[][] {{1, 2}, {3, 4}, {5, 6}});
      Miner miner = new AllPairsMiner();
      Expect.illegalArgument(
          () -> miner.mine(x, manager.create(new int[] {0, 1})), "labels", "(3)", "(2)");
      Expect.illegalArgument(
          () -> miner.mine(x, manager.create(new float[] {0f, 1.5f, 2f})),
          "whole numbers",
          "1.5",
          "position 1");
      Expect.illegalArgument(
          () ->
              miner.mine(
                  manager.create(new double[] {1, 2, 3}), manager.create(new int[] {0, 1, 2})),
          "embeddings",
          "2-D");
      Expect.illegalArgument(
          () ->
              miner.mine(
                  manager.create(new int[][] {{1}, {2}, {3}}), manager.create(new int[] {0, 1, 2})),
          "float32 or float64",
          "int32");
      NDArray withNan = manager.create(new double[][] {{1, 2}, {Double.NaN, 4}, {5, 6}});
      Expect.illegalArgument(
          () -> miner.mine(withNan, manager.create(new int[] {0, 1, 2})), "finite", "NaN");
      // A column of labels and float labels holding whole numbers are accepted.
      MinerResult r = miner.mine(x, manager.create(new float[][] {{0f}, {0f}, {1f}}));
      assertEquals(2, r.numPositivePairs());
    }
  }
}
