package org.metriclearn4j.deep.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metriclearn4j.deep.data.Preprocessing;
import org.metriclearn4j.deep.data.TensorDataset;
import org.metriclearn4j.deep.loss.ContrastiveLoss;
import org.metriclearn4j.deep.loss.ProxyAnchorLoss;
import org.metriclearn4j.deep.loss.ProxyBlock;
import org.metriclearn4j.deep.loss.TripletMarginLoss;
import org.metriclearn4j.deep.miner.MultiSimilarityMiner;
import org.metriclearn4j.deep.model.EmbeddingModel;
import org.metriclearn4j.deep.model.EmbeddingModelFiles;
import org.metriclearn4j.deep.network.Mlp;
import org.metriclearn4j.deep.sampler.PairSampler;
import org.metriclearn4j.deep.sampler.TripletSampler;

class MetricTrainerTest {
  @TempDir Path dir;

  /**
   * Three classes in 8 dimensions: class c is centred at 3 in coordinate c and 0 elsewhere, unit
   * Gaussian noise in every coordinate, so classes overlap in the raw space but are separable.
   */
  private static TensorDataset blobs(int perClass, long seed) {
    Random random = new Random(seed);
    int n = 3 * perClass;
    float[] values = new float[n * 8];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 3;
      for (int j = 0; j < 8; j++) {
        values[i * 8 + j] = (float) ((j == labels[i] ? 3.0 : 0.0) + random.nextGaussian());
      }
    }
    return TensorDataset.of("blobs", values, new long[] {8}, labels, Preprocessing.identity());
  }

  private static MetricTrainer.Builder base() {
    return MetricTrainer.builder()
        .network(Mlp.of(8, 16, 4))
        .loss(ContrastiveLoss.builder().build())
        .learningRate(1e-2)
        .batchSize(30)
        .epochs(12)
        .seed(1);
  }

  /** A listener that appends the progress of every batch to {@code progress}. */
  private static TrainingListener recordingBatches(List<BatchProgress> progress) {
    return new TrainingListener() {
      @Override
      public void onBatchEnd(BatchProgress p) {
        progress.add(p);
      }
    };
  }

  @Test
  void trainingPullsClassesTogetherAndLowersTheLoss() {
    TensorDataset held = blobs(20, 99);
    MetricTrainer trainer = base().addEvaluator(PairDistanceEvaluator.of(held)).build();
    try (TrainingResult result = trainer.fit(blobs(30, 1))) {
      TrainingHistory h = result.history();
      assertEquals(12, h.epochsRun());
      assertTrue(h.epoch(0).meanLoss().isEmpty(), "epoch 0 trains nothing");
      double[] losses = h.losses();
      assertTrue(losses[11] < 0.5 * losses[0], Arrays.toString(losses));
      double[] same = h.metric(PairDistanceEvaluator.SAME_CLASS);
      double[] different = h.metric(PairDistanceEvaluator.DIFFERENT_CLASS);
      assertEquals(13, same.length, "epoch 0 is measured too");
      assertTrue(same[12] < same[0], "same-class distance falls: " + Arrays.toString(same));
      assertTrue(different[12] > 2 * same[12], Arrays.toString(different));
      assertEquals(4, result.model().embeddingDim());
      assertEquals("metric-trainer", result.model().provenance().learner());
      assertEquals("12", result.model().provenance().hyperparameters().get("epochsRun"));
    }
  }

  @Test
  void sameSeedGivesTheSameModelAndAnotherSeedAnother() {
    TensorDataset train = blobs(10, 2);
    double[][] probe = {{1, 2, 0, 0, 0, 0, 0, 1}};
    MetricTrainer a = base().epochs(3).build();
    try (TrainingResult r1 = a.fit(train);
        TrainingResult r2 = a.fit(train);
        TrainingResult r3 = base().epochs(3).seed(2).build().fit(train)) {
      assertArrayEquals(r1.model().embed(probe)[0], r2.model().embed(probe)[0], 0.0);
      assertFalse(Arrays.equals(r1.model().embed(probe)[0], r3.model().embed(probe)[0]));
    }
  }

  @Test
  void siameseSetUpTrainsOnTheSampledBalancedPairs() {
    // 90 samples, 15 pairs per batch: 6 batches of 7 positive and 8 negative pairs
    MetricTrainer trainer = base().batchSize(30).sampler(PairSampler.of(15, 3)).epochs(2).build();
    try (TrainingResult result = trainer.fit(blobs(30, 1))) {
      EpochRecord first = result.history().epoch(1);
      assertEquals(6, first.batches());
      assertEquals(7.0, first.meanPositivePairs(), 0.0);
      assertEquals(8.0, first.meanNegativePairs(), 0.0);
      assertEquals(0.0, first.meanTriplets(), 0.0);
      assertEquals(180, first.samples());
    }
  }

  @Test
  void tripletSetUpTrainsOnTheSampledTriplets() {
    MetricTrainer trainer =
        base()
            .loss(TripletMarginLoss.builder().optMargin(0.2).build())
            .batchSize(45)
            .sampler(TripletSampler.of(15, 3))
            .epochs(2)
            .build();
    try (TrainingResult result = trainer.fit(blobs(30, 1))) {
      EpochRecord first = result.history().epoch(1);
      assertEquals(6, first.batches());
      assertEquals(15.0, first.meanTriplets(), 0.0);
      assertEquals(0.0, first.meanPositivePairs(), 0.0);
    }
  }

  @Test
  void minedTupleCountsAreReported() {
    MetricTrainer trainer = base().miner(MultiSimilarityMiner.builder().build()).epochs(1).build();
    List<BatchProgress> progress = new ArrayList<>();
    MetricTrainer listening =
        base()
            .miner(MultiSimilarityMiner.builder().build())
            .epochs(1)
            .addListener(recordingBatches(progress))
            .build();
    try (TrainingResult result = listening.fit(blobs(30, 1))) {
      EpochRecord first = result.history().epoch(1);
      assertTrue(first.meanPositivePairs() + first.meanNegativePairs() > 0);
      assertEquals(3, progress.size());
      assertEquals(3, progress.get(2).step());
      assertTrue(progress.get(0).tuples() > 0);
    }
    assertTrue(trainer.toString().contains("multi-similarity") || trainer.toString().length() > 0);
  }

  @Test
  void allPairsLossReportsNoTupleCount() {
    List<BatchProgress> progress = new ArrayList<>();
    MetricTrainer trainer = base().epochs(1).addListener(recordingBatches(progress)).build();
    trainer.fit(blobs(30, 1)).close();
    assertEquals(-1, progress.get(0).tuples());
  }

  @Test
  void earlyStoppingStopsAndRestoresTheBestEpoch() {
    TensorDataset held = blobs(10, 5);
    // same-class distance only falls with training, so "maximise" it: epoch 0 stays best
    MetricTrainer trainer =
        base()
            .addEvaluator(PairDistanceEvaluator.of(held))
            .earlyStopping(EarlyStopping.maximize(PairDistanceEvaluator.SAME_CLASS, 2))
            .build();
    double[][] probe = {{3, 0, 0, 1, 0, 0, 0, 0}, {0, 0, 3, 0, 0, 1, 0, 0}};
    try (TrainingResult result = trainer.fit(blobs(30, 1));
        EmbeddingModel untrained =
            EmbeddingModel.untrained(Mlp.of(8, 16, 4), Preprocessing.identity(), 1)) {
      TrainingHistory h = result.history();
      assertEquals(2, h.epochsRun());
      assertTrue(h.stopReason().orElseThrow().contains("did not improve"));
      assertEquals(0, h.bestEpoch());
      assertArrayEquals(untrained.embed(probe)[1], result.model().embed(probe)[1], 0.0);
    }
  }

  @Test
  void checkpointsAreWrittenAndLoadable() throws IOException {
    CheckpointListener checkpoints = CheckpointListener.every(dir, 2);
    MetricTrainer trainer = base().epochs(3).addListener(checkpoints).build();
    try (TrainingResult result = trainer.fit(blobs(10, 1))) {
      assertTrue(Files.exists(checkpoints.checkpoint(2)));
      assertFalse(Files.exists(checkpoints.checkpoint(1)));
      try (EmbeddingModel last = EmbeddingModelFiles.load(checkpoints.checkpoint(3))) {
        double[][] probe = {{1, 1, 1, 1, 0, 0, 0, 0}};
        assertArrayEquals(result.model().embed(probe)[0], last.embed(probe)[0], 0.0);
      }
    }
  }

  @Test
  void nativeArraysDoNotAccumulateAcrossBatches() {
    List<Integer> live = new ArrayList<>();
    MetricTrainer trainer =
        base()
            .epochs(4)
            .batchSize(8)
            .addListener(
                new TrainingListener() {
                  @Override
                  public void onEpochEnd(EpochRecord record, EpochContext context) {
                    live.add(context.nativeArrays());
                  }
                })
            .build();
    trainer.fit(blobs(20, 1)).close();
    // epoch 0 precedes the optimiser's state; from epoch 1 on the count is constant
    assertEquals(5, live.size());
    assertEquals(live.get(1), live.get(4), live.toString());
    assertEquals(live.get(1), live.get(2), live.toString());
  }

  @Test
  void proxyLossParametersAreTrainedAndStartAfreshEachFit() {
    ProxyAnchorLoss loss =
        ProxyAnchorLoss.builder().setNumClasses(3).setEmbeddingDim(4).optSeed(7).build();
    List<float[]> proxies = new ArrayList<>();
    MetricTrainer trainer =
        base()
            .loss(loss)
            .epochs(3)
            .addListener(
                new TrainingListener() {
                  @Override
                  public void onEpochEnd(EpochRecord record, EpochContext context) {
                    ProxyBlock block = (ProxyBlock) loss.parameters().orElseThrow();
                    proxies.add(block.proxies().toFloatArray());
                  }
                })
            .build();
    double[][] probe = {{0, 3, 0, 0, 0, 0, 1, 0}};
    try (TrainingResult first = trainer.fit(blobs(30, 1))) {
      assertFalse(Arrays.equals(proxies.get(0), proxies.get(3)), "the proxies were optimised");
      double[] losses = first.history().losses();
      assertTrue(losses[2] < losses[0], Arrays.toString(losses));
      try (TrainingResult second = trainer.fit(blobs(30, 1))) {
        assertArrayEquals(proxies.get(0), proxies.get(4), "a new fit starts from the seed");
        assertArrayEquals(first.model().embed(probe)[0], second.model().embed(probe)[0], 0.0);
      }
    }
  }

  @Test
  void proxyLossMustMatchTheEmbeddingAndTheClasses() {
    MetricTrainer wrongDim =
        base().loss(ProxyAnchorLoss.builder().setNumClasses(3).setEmbeddingDim(5).build()).build();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> wrongDim.fit(blobs(5, 1)));
    assertTrue(String.valueOf(e.getMessage()).contains("5 dimensions"));
    MetricTrainer fewClasses =
        base().loss(ProxyAnchorLoss.builder().setNumClasses(2).setEmbeddingDim(4).build()).build();
    assertThrows(IllegalArgumentException.class, () -> fewClasses.fit(blobs(5, 1)));
  }

  @Test
  void builderRejectsInconsistentSettings() {
    IllegalArgumentException minerAndPairs =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                base()
                    .batchSize(30)
                    .sampler(PairSampler.of(15, 0))
                    .miner(MultiSimilarityMiner.builder().build())
                    .build());
    assertTrue(String.valueOf(minerAndPairs.getMessage()).contains("already chooses"));
    IllegalArgumentException sizes =
        assertThrows(
            IllegalArgumentException.class,
            () -> base().batchSize(64).sampler(PairSampler.of(15, 0)).build());
    assertTrue(String.valueOf(sizes.getMessage()).contains("disagrees"));
    assertThrows(
        IllegalArgumentException.class,
        () -> MetricTrainer.builder().network(Mlp.of(2, 2)).build());
    assertThrows(IllegalArgumentException.class, () -> base().learningRate(0).build());
    assertThrows(IllegalArgumentException.class, () -> base().epochs(0).build());
    assertThrows(IllegalArgumentException.class, () -> base().momentum(1.0).build());
  }

  @Test
  void samplesMustFitTheNetwork() {
    MetricTrainer trainer = base().network(Mlp.of(7, 4)).build();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> trainer.fit(blobs(5, 1)));
    assertTrue(String.valueOf(e.getMessage()).contains("expects samples of 7"));
  }

  @Test
  void sgdWithMomentumAlsoTrains() {
    MetricTrainer trainer =
        base().optimizer(OptimizerType.SGD).learningRate(0.05).momentum(0.9).epochs(8).build();
    try (TrainingResult result = trainer.fit(blobs(30, 1))) {
      double[] losses = result.history().losses();
      assertTrue(losses[7] < losses[0], Arrays.toString(losses));
      assertEquals("sgd", result.model().provenance().hyperparameters().get("optimizer"));
    }
  }

  @Test
  void pairDistanceMeansMatchABruteForceComputation() {
    float[][] e = {{0, 0}, {3, 4}, {0, 1}, {6, 8}};
    int[] labels = {0, 0, 1, 1};
    // same: |0-(3,4)| = 5, |(0,1)-(6,8)| = sqrt(36+49); different: the other four pairs
    double same = (5 + Math.sqrt(85)) / 2;
    double different = (1 + 10 + Math.sqrt(9 + 9) + 5) / 4;
    double[] means = PairDistanceEvaluator.meanDistances(e, labels, false);
    assertEquals(same, means[0], 1e-9);
    assertEquals(different, means[1], 1e-9);
    double[] normalised = PairDistanceEvaluator.meanDistances(e, labels, true);
    // rows 1 and 3 both point along (0.6, 0.8) after normalisation
    assertEquals(
        0.0,
        PairDistanceEvaluator.meanDistances(
            new float[][] {{3, 4}, {6, 8}, {1, 0}}, new int[] {0, 0, 1}, true)[0],
        1e-9);
    assertTrue(normalised[0] < 2.0 && normalised[1] < 2.0);
  }
}
