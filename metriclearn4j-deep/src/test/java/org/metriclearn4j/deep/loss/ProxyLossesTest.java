package org.metriclearn4j.deep.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.function.ToDoubleBiFunction;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.metriclearn4j.deep.distance.CosineSimilarity;
import org.metriclearn4j.deep.distance.LpDistance;
import org.metriclearn4j.deep.miner.MinerResult;
import org.metriclearn4j.deep.testing.Batches;
import org.metriclearn4j.deep.testing.Expect;
import org.metriclearn4j.deep.testing.PlainDistance;

/** The proxy losses against plain-Java loops, including the gradients of the proxies. */
class ProxyLossesTest {
  private static final double[][] X = Batches.points();
  private static final int[] Y = Batches.labels();
  private static final int[] EVERYONE = {0, 1, 2, 3, 4, 5, 6, 7};

  /**
   * Checks value and gradients (embeddings and proxies) of a proxy loss against a reference
   * function of (embeddings, proxies).
   */
  private static double assertMatches(
      MetricLoss loss,
      ProxyBlock block,
      @Nullable MinerResult tuples,
      ToDoubleBiFunction<double[][], double[][]> reference) {
    try (NDManager manager = NDManager.newBaseManager()) {
      block.initialize(manager, DataType.FLOAT64);
      double[][] proxies = LossHarness.rows(block.proxies(), 2);
      LossHarness.Outcome outcome = LossHarness.run(manager, loss, X, Y, tuples);
      double[][] proxyGradient = LossHarness.rows(block.proxies().getGradient(), 2);
      assertEquals(reference.applyAsDouble(X, proxies), outcome.value(), LossHarness.TOL);
      LossHarness.assertGradient(
          LossHarness.numericGradient(x -> reference.applyAsDouble(x, proxies), X),
          outcome.gradient(),
          loss + " embeddings");
      LossHarness.assertGradient(
          LossHarness.numericGradient(q -> reference.applyAsDouble(X, q), proxies),
          proxyGradient,
          loss + " proxies");
      return outcome.value();
    }
  }

  // ---- ProxyNcaLoss ----

  @Test
  void proxyNcaDefaultsArePytorchMetricLearnings() {
    ProxyNcaLoss loss = ProxyNcaLoss.builder().setNumClasses(3).setEmbeddingDim(2).build();
    assertEquals(1.0, loss.softmaxScale());
    LpDistance distance = assertInstanceOf(LpDistance.class, loss.distance());
    assertEquals(2, distance.power());
    assertTrue(distance.normalizeEmbeddings());
    assertSame(loss.proxyBlock(), loss.parameters().orElseThrow());
  }

  @Test
  void proxyNcaMatchesBruteForceWithAndWithoutTuples() {
    ProxyNcaLoss loss =
        ProxyNcaLoss.builder()
            .setNumClasses(3)
            .setEmbeddingDim(2)
            .optSoftmaxScale(3)
            .optSeed(7)
            .build();
    PlainDistance squared = PlainDistance.squaredEuclidean(true);
    assertMatches(
        loss,
        loss.proxyBlock(),
        null,
        (x, q) -> LossReference.proxyNca(squared, x, Y, q, 3, EVERYONE));
    // With tuples only the embeddings that occur in one take part: all eight here, three below.
    ProxyNcaLoss again =
        ProxyNcaLoss.builder()
            .setNumClasses(3)
            .setEmbeddingDim(2)
            .optSoftmaxScale(3)
            .optSeed(7)
            .build();
    assertMatches(
        again,
        again.proxyBlock(),
        LossHarness.someTriplets(),
        (x, q) -> LossReference.proxyNca(squared, x, Y, q, 3, new int[] {0, 1, 2, 3, 4, 5, 6, 7}));
    ProxyNcaLoss subset =
        ProxyNcaLoss.builder().setNumClasses(3).setEmbeddingDim(2).optSeed(7).build();
    MinerResult few =
        MinerResult.of(
            org.metriclearn4j.deep.miner.Triplets.of(new int[] {0}, new int[] {2}, new int[] {7}));
    assertMatches(
        subset,
        subset.proxyBlock(),
        few,
        (x, q) -> LossReference.proxyNca(squared, x, Y, q, 1, new int[] {0, 2, 7}));
  }

  @Test
  void proxyNcaWithCosineMatchesBruteForce() {
    ProxyNcaLoss loss =
        ProxyNcaLoss.builder()
            .setNumClasses(3)
            .setEmbeddingDim(2)
            .optDistance(CosineSimilarity.create())
            .optSoftmaxScale(4)
            .build();
    assertMatches(
        loss,
        loss.proxyBlock(),
        null,
        (x, q) -> LossReference.proxyNca(PlainDistance.cosine(), x, Y, q, 4, EVERYONE));
  }

  // ---- ProxyAnchorLoss ----

  @Test
  void proxyAnchorDefaultsArePytorchMetricLearnings() {
    ProxyAnchorLoss loss = ProxyAnchorLoss.builder().setNumClasses(3).setEmbeddingDim(2).build();
    assertEquals(0.1, loss.margin());
    assertEquals(32.0, loss.alpha());
    assertInstanceOf(CosineSimilarity.class, loss.distance());
  }

  @Test
  void proxyAnchorMatchesBruteForceWithAndWithoutTuples() {
    PlainDistance cosine = PlainDistance.cosine();
    ProxyAnchorLoss loss =
        ProxyAnchorLoss.builder()
            .setNumClasses(3)
            .setEmbeddingDim(2)
            .optAlpha(4)
            .optSeed(3)
            .build();
    assertMatches(
        loss,
        loss.proxyBlock(),
        null,
        (x, q) -> LossReference.proxyAnchor(cosine, x, Y, q, 0.1, 4, EVERYONE));
    // Only classes 0 and 2 are present among the tuples' embeddings 0, 2 and 7.
    ProxyAnchorLoss again =
        ProxyAnchorLoss.builder()
            .setNumClasses(3)
            .setEmbeddingDim(2)
            .optAlpha(4)
            .optSeed(3)
            .build();
    MinerResult few =
        MinerResult.of(
            org.metriclearn4j.deep.miner.Triplets.of(new int[] {0}, new int[] {2}, new int[] {7}));
    assertMatches(
        again,
        again.proxyBlock(),
        few,
        (x, q) -> LossReference.proxyAnchor(cosine, x, Y, q, 0.1, 4, new int[] {0, 2, 7}));
  }

  @Test
  void proxyAnchorWithDefaultAlphaMatchesBruteForce() {
    ProxyAnchorLoss loss = ProxyAnchorLoss.builder().setNumClasses(4).setEmbeddingDim(2).build();
    try (NDManager manager = NDManager.newBaseManager()) {
      loss.proxyBlock().initialize(manager, DataType.FLOAT64);
      double[][] q = LossHarness.rows(loss.proxyBlock().proxies(), 2);
      LossHarness.Outcome outcome = LossHarness.run(manager, loss, X, Y, null);
      assertEquals(
          LossReference.proxyAnchor(PlainDistance.cosine(), X, Y, q, 0.1, 32, EVERYONE),
          outcome.value(),
          LossHarness.TOL);
    }
  }

  // ---- ProxyBlock ----

  @Test
  void proxiesComeFromTheSeedAndHaveTheStatedSpread() {
    try (NDManager manager = NDManager.newBaseManager()) {
      ProxyBlock a = new ProxyBlock(50, 40, 0.5, 11);
      ProxyBlock b = new ProxyBlock(50, 40, 0.5, 11);
      ProxyBlock c = new ProxyBlock(50, 40, 0.5, 12);
      a.initialize(manager, DataType.FLOAT32);
      b.initialize(manager, DataType.FLOAT32);
      c.initialize(manager, DataType.FLOAT32);
      assertArrayEquals(a.proxies().toFloatArray(), b.proxies().toFloatArray());
      assertNotEquals(a.proxies().getFloat(0, 0), c.proxies().getFloat(0, 0));
      double[] v = a.proxies().toType(DataType.FLOAT64, false).toDoubleArray();
      double mean = 0;
      double sq = 0;
      for (double x : v) {
        mean += x / v.length;
        sq += x * x / v.length;
      }
      assertEquals(0.0, mean, 0.05);
      assertEquals(0.5, Math.sqrt(sq - mean * mean), 0.03);
    }
  }

  @Test
  void proxyBlockIsATrainableDjlBlockReturningItsProxies() {
    ProxyAnchorLoss loss = ProxyAnchorLoss.builder().setNumClasses(3).setEmbeddingDim(2).build();
    ProxyBlock block = loss.proxyBlock();
    assertEquals(1, block.getParameters().size());
    Parameter parameter = block.getParameters().get(0).getValue();
    assertEquals(Parameter.Type.OTHER, parameter.getType());
    assertEquals(new Shape(3, 2), block.getOutputShapes(new Shape[] {new Shape(5)})[0]);
    try (NDManager manager = NDManager.newBaseManager()) {
      block.initialize(manager, DataType.FLOAT32, new Shape(1));
      NDArray out =
          block.forward(new ParameterStore(manager, false), new NDList(), true).singletonOrThrow();
      assertArrayEquals(block.proxies().toFloatArray(), out.toFloatArray());
      // One plain gradient step on the proxies lowers the loss, as an optimiser would.
      NDArray x = manager.create(Batches.points()).toType(DataType.FLOAT32, false);
      NDArray y = manager.create(Batches.labels());
      NDArray before;
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        before = loss.compute(x, y);
        collector.backward(before);
      }
      NDArray gradient = block.proxies().getGradient();
      assertTrue(gradient.abs().sum().getFloat() > 0, "proxies receive gradients");
      block.proxies().subi(gradient.mul(0.1));
      assertTrue(loss.compute(x, y).getFloat() < before.getFloat());
    }
  }

  @Test
  void proxyLossInputsAndSettingsAreChecked() {
    ProxyNcaLoss loss = ProxyNcaLoss.builder().setNumClasses(3).setEmbeddingDim(2).build();
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray x = manager.create(Batches.points());
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class, () -> loss.compute(x, manager.create(Batches.labels())));
      assertTrue(String.valueOf(e.getMessage()).contains("not initialised"));
      loss.proxyBlock().initialize(manager, DataType.FLOAT64);
      Expect.illegalArgument(
          () -> loss.compute(x, manager.create(new int[] {0, 1, 2, 3, 0, 1, 2, 0})),
          "[0, 3)",
          "found 3",
          "position 3");
      Expect.illegalArgument(
          () ->
              loss.compute(
                  manager.create(new double[][] {{1, 2, 3}}), manager.create(new int[] {0})),
          "width 2",
          "found 3");
    }
    Expect.illegalArgument(
        () -> ProxyNcaLoss.builder().setEmbeddingDim(2).build(), "numClasses", "0");
    Expect.illegalArgument(
        () -> ProxyAnchorLoss.builder().setNumClasses(2).build(), "embeddingDim", "0");
    Expect.illegalArgument(
        () -> ProxyAnchorLoss.builder().setNumClasses(2).setEmbeddingDim(2).optAlpha(0).build(),
        "alpha");
  }
}
