package org.metriclearn4j.deep.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.metriclearn4j.deep.distance.CosineSimilarity;
import org.metriclearn4j.deep.distance.DotProductSimilarity;
import org.metriclearn4j.deep.distance.LpDistance;
import org.metriclearn4j.deep.miner.MinerResult;
import org.metriclearn4j.deep.miner.MultiSimilarityMiner;
import org.metriclearn4j.deep.miner.PairMarginMiner;
import org.metriclearn4j.deep.miner.Pairs;
import org.metriclearn4j.deep.reduce.MeanOverNonZeroReducer;
import org.metriclearn4j.deep.reduce.MeanReducer;
import org.metriclearn4j.deep.testing.Batches;
import org.metriclearn4j.deep.testing.Expect;
import org.metriclearn4j.deep.testing.PlainDistance;

/**
 * The pair-based losses (contrastive, multi-similarity, lifted structure, N-pairs, NT-Xent) against
 * plain-Java double loops, with and without mined tuples; gradients against finite differences.
 */
class PairLossesTest {
  private static final double[][] X = Batches.points();
  private static final int[] Y = Batches.labels();
  private static final List<int[]> ALL_POS = Batches.positivePairs(Y);
  private static final List<int[]> ALL_NEG = Batches.negativePairs(Y);
  private static final PlainDistance EUCLIDEAN = PlainDistance.euclidean(true);
  private static final PlainDistance COSINE = PlainDistance.cosine();

  // ---- ContrastiveLoss ----

  @Test
  void contrastiveDefaultsArePytorchMetricLearnings() {
    ContrastiveLoss loss = ContrastiveLoss.builder().build();
    assertEquals(0.0, loss.posMargin());
    assertEquals(1.0, loss.negMargin());
    assertInstanceOf(LpDistance.class, loss.distance());
    assertTrue(loss.distance().normalizeEmbeddings());
    assertInstanceOf(MeanOverNonZeroReducer.class, loss.reducer());
  }

  @Test
  void contrastiveOverAllPairsMatchesBruteForce() {
    ContrastiveLoss loss = ContrastiveLoss.builder().build();
    double value =
        LossHarness.assertMatches(
            loss, X, Y, null, x -> LossReference.contrastive(EUCLIDEAN, x, ALL_POS, ALL_NEG, 0, 1));
    assertTrue(value > 0);
  }

  @Test
  void contrastiveWithMinedAndConvertedTuplesMatchesBruteForce() {
    ContrastiveLoss loss = ContrastiveLoss.builder().optPosMargin(0.1).optNegMargin(1.2).build();
    MinerResult mined = LossHarness.mine(PairMarginMiner.builder().build(), X, Y);
    assertTrue(mined.numPositivePairs() > 0 && mined.numNegativePairs() > 0);
    Pairs p = mined.pairs();
    LossHarness.assertMatches(
        loss,
        X,
        Y,
        mined,
        x ->
            LossReference.contrastive(
                EUCLIDEAN, x, LossHarness.positives(p), LossHarness.negatives(p), 0.1, 1.2));
    // Triplets are split into their (a, p) and (a, n) pairs.
    MinerResult triplets = LossHarness.someTriplets();
    Pairs q = triplets.pairs();
    LossHarness.assertMatches(
        loss,
        X,
        Y,
        triplets,
        x ->
            LossReference.contrastive(
                EUCLIDEAN, x, LossHarness.positives(q), LossHarness.negatives(q), 0.1, 1.2));
  }

  @Test
  void contrastiveWithCosineMirrorsTheMargins() {
    ContrastiveLoss loss =
        ContrastiveLoss.builder()
            .optDistance(CosineSimilarity.create())
            .optPosMargin(0.9)
            .optNegMargin(0.2)
            .build();
    LossHarness.assertMatches(
        loss, X, Y, null, x -> LossReference.contrastive(COSINE, x, ALL_POS, ALL_NEG, 0.9, 0.2));
    // Two points at cosine similarity 0.95 with different labels: each ordered negative pair
    // costs 0.95 - 0.2 = 0.75 (a positive pair there would cost nothing, being above 0.9).
    double[][] close = {{1, 0}, {0.95, Math.sqrt(1 - 0.95 * 0.95)}};
    double value =
        LossHarness.assertMatches(
            loss,
            close,
            new int[] {0, 1},
            null,
            x ->
                LossReference.contrastive(
                    COSINE, x, List.of(), List.of(new int[] {0, 1}, new int[] {1, 0}), 0.9, 0.2));
    assertEquals(0.75, value, 1e-12);
    try (ai.djl.ndarray.NDManager manager = ai.djl.ndarray.NDManager.newBaseManager()) {
      assertEquals(
          0.0, LossHarness.run(manager, loss, close, new int[] {3, 3}, null).value(), 1e-12);
    }
  }

  @Test
  void contrastiveOfASingleEmbeddingIsZero() {
    LossHarness.assertZeroWithZeroGradient(
        ContrastiveLoss.builder().build(), new double[][] {{0.3, 0.4}}, new int[] {2}, null);
  }

  // ---- MultiSimilarityLoss ----

  @Test
  void multiSimilarityDefaultsArePytorchMetricLearnings() {
    MultiSimilarityLoss loss = MultiSimilarityLoss.builder().build();
    assertEquals(2.0, loss.alpha());
    assertEquals(50.0, loss.beta());
    assertEquals(0.5, loss.base());
    assertInstanceOf(CosineSimilarity.class, loss.distance());
    assertInstanceOf(MeanReducer.class, loss.reducer());
  }

  @Test
  void multiSimilarityOverAllPairsMatchesBruteForce() {
    boolean[][] pos = LossReference.mask(8, ALL_POS);
    boolean[][] neg = LossReference.mask(8, ALL_NEG);
    LossHarness.assertMatches(
        MultiSimilarityLoss.builder().build(),
        X,
        Y,
        null,
        x -> LossReference.multiSimilarity(COSINE, x, pos, neg, 2, 50, 0.5));
  }

  @Test
  void multiSimilarityWithMinedPairsMatchesBruteForce() {
    MinerResult mined = LossHarness.mine(MultiSimilarityMiner.builder().build(), X, Y);
    assertTrue(mined.numPositivePairs() > 0 && mined.numNegativePairs() > 0);
    boolean[][] pos = LossReference.mask(8, LossHarness.positives(mined.pairs()));
    boolean[][] neg = LossReference.mask(8, LossHarness.negatives(mined.pairs()));
    LossHarness.assertMatches(
        MultiSimilarityLoss.builder().build(),
        X,
        Y,
        mined,
        x -> LossReference.multiSimilarity(COSINE, x, pos, neg, 2, 50, 0.5));
    // A distance instead of a similarity: margins mirrored; a repeated pair counts once.
    MinerResult some = LossHarness.somePairs();
    boolean[][] p2 = LossReference.mask(8, LossHarness.positives(some.pairs()));
    boolean[][] n2 = LossReference.mask(8, LossHarness.negatives(some.pairs()));
    MultiSimilarityLoss euclidean =
        MultiSimilarityLoss.builder()
            .optDistance(LpDistance.create())
            .optAlpha(3)
            .optBeta(10)
            .optBase(0.8)
            .build();
    LossHarness.assertMatches(
        euclidean,
        X,
        Y,
        some,
        x -> LossReference.multiSimilarity(EUCLIDEAN, x, p2, n2, 3, 10, 0.8));
  }

  // ---- LiftedStructureLoss ----

  @Test
  void liftedStructureOverAllPairsAndGivenPairsMatchesBruteForce() {
    LiftedStructureLoss loss = LiftedStructureLoss.builder().build();
    assertEquals(0.0, loss.posMargin());
    assertEquals(1.0, loss.negMargin());
    assertInstanceOf(MeanReducer.class, loss.reducer());
    boolean[][] pos = LossReference.mask(8, ALL_POS);
    boolean[][] neg = LossReference.mask(8, ALL_NEG);
    LossHarness.assertMatches(
        loss, X, Y, null, x -> LossReference.lifted(EUCLIDEAN, x, pos, neg, 0, 1));
    MinerResult some = LossHarness.somePairs();
    boolean[][] p2 = LossReference.mask(8, LossHarness.positives(some.pairs()));
    boolean[][] n2 = LossReference.mask(8, LossHarness.negatives(some.pairs()));
    LossHarness.assertMatches(
        loss, X, Y, some, x -> LossReference.lifted(EUCLIDEAN, x, p2, n2, 0, 1));
    LiftedStructureLoss cosine =
        LiftedStructureLoss.builder()
            .optDistance(CosineSimilarity.create())
            .optPosMargin(0.8)
            .optNegMargin(0.3)
            .build();
    LossHarness.assertMatches(
        cosine, X, Y, null, x -> LossReference.lifted(COSINE, x, pos, neg, 0.8, 0.3));
  }

  // ---- NPairsLoss ----

  @Test
  void nPairsUsesTheFirstPositivePairOfEachLabel() {
    NPairsLoss loss = NPairsLoss.builder().build();
    assertInstanceOf(DotProductSimilarity.class, loss.distance());
    assertFalse(loss.distance().normalizeEmbeddings());
    PlainDistance dot = PlainDistance.dot(false);
    LossHarness.assertMatches(loss, X, Y, null, x -> LossReference.nPairs(dot, x, Y, ALL_POS));
    MinerResult some = LossHarness.somePairs();
    List<int[]> pos = LossHarness.positives(some.pairs());
    LossHarness.assertMatches(loss, X, Y, some, x -> LossReference.nPairs(dot, x, Y, pos));
    NPairsLoss euclidean = NPairsLoss.builder().optDistance(LpDistance.create()).build();
    LossHarness.assertMatches(
        euclidean, X, Y, null, x -> LossReference.nPairs(EUCLIDEAN, x, Y, ALL_POS));
  }

  @Test
  void nPairsWithoutPositivePairsIsZero() {
    LossHarness.assertZeroWithZeroGradient(
        NPairsLoss.builder().build(), Batches.randomPoints(4, 2, 3), new int[] {0, 1, 2, 3}, null);
  }

  // ---- NTXentLoss ----

  @Test
  void ntXentOverAllPairsAndGivenPairsMatchesBruteForce() {
    NTXentLoss loss = NTXentLoss.builder().build();
    assertEquals(0.07, loss.temperature());
    assertInstanceOf(CosineSimilarity.class, loss.distance());
    boolean[][] neg = LossReference.mask(8, ALL_NEG);
    LossHarness.assertMatches(
        loss, X, Y, null, x -> LossReference.ntXent(COSINE, x, ALL_POS, neg, 0.07));
    MinerResult some = LossHarness.somePairs();
    List<int[]> pos = LossHarness.positives(some.pairs());
    boolean[][] n2 = LossReference.mask(8, LossHarness.negatives(some.pairs()));
    LossHarness.assertMatches(
        loss, X, Y, some, x -> LossReference.ntXent(COSINE, x, pos, n2, 0.07));
    NTXentLoss euclidean =
        NTXentLoss.builder().optDistance(LpDistance.create()).optTemperature(0.5).build();
    LossHarness.assertMatches(
        euclidean, X, Y, null, x -> LossReference.ntXent(EUCLIDEAN, x, ALL_POS, neg, 0.5));
  }

  @Test
  void pairLossSettingsAreValidated() {
    Expect.illegalArgument(
        () -> ContrastiveLoss.builder().optNegMargin(Double.POSITIVE_INFINITY).build(),
        "negMargin",
        "Infinity");
    Expect.illegalArgument(() -> MultiSimilarityLoss.builder().optBeta(0).build(), "beta", "0");
    Expect.illegalArgument(
        () -> NTXentLoss.builder().optTemperature(-1).build(), "temperature", "-1");
    Expect.illegalArgument(
        () -> LiftedStructureLoss.builder().optPosMargin(Double.NaN).build(), "posMargin");
  }
}
