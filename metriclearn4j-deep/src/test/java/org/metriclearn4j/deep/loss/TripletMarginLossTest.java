package org.metriclearn4j.deep.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.metriclearn4j.deep.distance.CosineSimilarity;
import org.metriclearn4j.deep.distance.LpDistance;
import org.metriclearn4j.deep.miner.BatchHardMiner;
import org.metriclearn4j.deep.miner.MinerResult;
import org.metriclearn4j.deep.miner.TripletMarginMiner;
import org.metriclearn4j.deep.reduce.MeanOverNonZeroReducer;
import org.metriclearn4j.deep.testing.Batches;
import org.metriclearn4j.deep.testing.Expect;
import org.metriclearn4j.deep.testing.PlainDistance;

class TripletMarginLossTest {
  private static final double[][] X = Batches.points();
  private static final int[] Y = Batches.labels();
  private static final List<int[]> ALL = Batches.triplets(Y);
  private static final PlainDistance EUCLIDEAN = PlainDistance.euclidean(true);

  @Test
  void defaultsArePytorchMetricLearnings() {
    TripletMarginLoss loss = TripletMarginLoss.builder().build();
    assertEquals(0.05, loss.margin());
    assertFalse(loss.swap());
    assertFalse(loss.smooth());
    assertInstanceOf(LpDistance.class, loss.distance());
    assertInstanceOf(MeanOverNonZeroReducer.class, loss.reducer());
  }

  @Test
  void allTripletsMatchBruteForce() {
    TripletMarginLoss loss = TripletMarginLoss.builder().optMargin(0.3).build();
    double value =
        LossHarness.assertMatches(
            loss, X, Y, null, x -> LossReference.triplet(EUCLIDEAN, x, ALL, 0.3, false, false));
    assertTrue(value > 0);
    // Balanced classes (no padding) and classes of one (anchors without a positive).
    for (int[] y : new int[][] {Batches.cyclicLabels(12, 3), {0, 0, 1, 2, 2, 2, 3}}) {
      double[][] x = Batches.randomPoints(y.length, 3, y.length);
      List<int[]> all = Batches.triplets(y);
      for (boolean smooth : new boolean[] {false, true}) {
        LossHarness.assertMatches(
            TripletMarginLoss.builder().optMargin(0.3).optSmooth(smooth).build(),
            x,
            y,
            null,
            z -> LossReference.triplet(EUCLIDEAN, z, all, 0.3, false, smooth));
      }
    }
  }

  @Test
  void minedTripletsAndPairsMatchBruteForce() {
    TripletMarginLoss loss = TripletMarginLoss.builder().optMargin(0.2).build();
    MinerResult hard = LossHarness.mine(BatchHardMiner.create(), X, Y);
    List<int[]> hardList = LossHarness.list(hard.triplets());
    LossHarness.assertMatches(
        loss, X, Y, hard, x -> LossReference.triplet(EUCLIDEAN, x, hardList, 0.2, false, false));
    MinerResult semihard =
        LossHarness.mine(
            TripletMarginMiner.builder().optType(TripletMarginMiner.Type.ALL).build(), X, Y);
    List<int[]> semihardList = LossHarness.list(semihard.triplets());
    assertFalse(semihardList.isEmpty());
    LossHarness.assertMatches(
        loss,
        X,
        Y,
        semihard,
        x -> LossReference.triplet(EUCLIDEAN, x, semihardList, 0.2, false, false));
    // Pairs are combined into every triplet whose pairs share an anchor.
    MinerResult pairs = LossHarness.somePairs();
    List<int[]> combined = LossHarness.list(pairs.triplets());
    assertEquals(6, combined.size());
    LossHarness.assertMatches(
        loss, X, Y, pairs, x -> LossReference.triplet(EUCLIDEAN, x, combined, 0.2, false, false));
  }

  @Test
  void swapAndSmoothVariantsMatchBruteForce() {
    TripletMarginLoss swap = TripletMarginLoss.builder().optMargin(0.4).optSwap(true).build();
    LossHarness.assertMatches(
        swap, X, Y, null, x -> LossReference.triplet(EUCLIDEAN, x, ALL, 0.4, true, false));
    TripletMarginLoss smooth = TripletMarginLoss.builder().optSmooth(true).build();
    LossHarness.assertMatches(
        smooth, X, Y, null, x -> LossReference.triplet(EUCLIDEAN, x, ALL, 0.05, false, true));
  }

  @Test
  void cosineSimilarityFlipsTheTripletInequality() {
    TripletMarginLoss loss =
        TripletMarginLoss.builder()
            .optDistance(CosineSimilarity.create())
            .optMargin(0.2)
            .optSwap(true)
            .build();
    LossHarness.assertMatches(
        loss,
        X,
        Y,
        null,
        x -> LossReference.triplet(PlainDistance.cosine(), x, ALL, 0.2, true, false));
    // Anchor and positive identical, negative orthogonal: satisfied by 1 > margin, no loss; the
    // same triplet with positive and negative exchanged violates by 1 + margin.
    double[][] x = {{1, 0}, {1, 0}, {0, 1}};
    MinerResult good =
        MinerResult.of(
            org.metriclearn4j.deep.miner.Triplets.of(new int[] {0}, new int[] {1}, new int[] {2}));
    MinerResult bad =
        MinerResult.of(
            org.metriclearn4j.deep.miner.Triplets.of(new int[] {0}, new int[] {2}, new int[] {1}));
    try (ai.djl.ndarray.NDManager manager = ai.djl.ndarray.NDManager.newBaseManager()) {
      int[] y = {0, 0, 1};
      assertEquals(0.0, LossHarness.run(manager, loss, x, y, good).value(), 1e-12);
      assertEquals(1.2, LossHarness.run(manager, loss, x, new int[] {0, 1, 0}, bad).value(), 1e-12);
    }
  }

  @Test
  void batchWithoutTripletsIsZeroWithZeroGradient() {
    LossHarness.assertZeroWithZeroGradient(
        TripletMarginLoss.builder().build(),
        Batches.randomPoints(5, 2, 9),
        new int[] {0, 1, 2, 3, 4},
        null);
  }

  @Test
  void nonFiniteMarginIsRejected() {
    Expect.illegalArgument(
        () -> TripletMarginLoss.builder().optMargin(Double.NaN).build(), "margin", "NaN");
  }
}
