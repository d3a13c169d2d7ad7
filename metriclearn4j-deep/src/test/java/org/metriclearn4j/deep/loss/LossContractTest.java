package org.metriclearn4j.deep.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.metriclearn4j.deep.miner.MinerResult;
import org.metriclearn4j.deep.miner.Triplets;
import org.metriclearn4j.deep.testing.Batches;
import org.metriclearn4j.deep.testing.Expect;

/** Behaviour every loss shares, checked on each of them. */
class LossContractTest {

  static Stream<Arguments> losses() {
    List<Supplier<MetricLoss>> factories =
        List.of(
            () -> ContrastiveLoss.builder().build(),
            () -> TripletMarginLoss.builder().build(),
            () -> MultiSimilarityLoss.builder().build(),
            () -> NPairsLoss.builder().build(),
            () -> LiftedStructureLoss.builder().build(),
            () -> NTXentLoss.builder().build(),
            () -> ProxyNcaLoss.builder().setNumClasses(3).setEmbeddingDim(2).build(),
            () -> ProxyAnchorLoss.builder().setNumClasses(3).setEmbeddingDim(2).build());
    return factories.stream().map(f -> Arguments.of(f.get().name(), f));
  }

  /** Initialises the proxies of a proxy loss on the manager. */
  static MetricLoss ready(Supplier<MetricLoss> factory, NDManager manager, DataType type) {
    MetricLoss loss = factory.get();
    loss.parameters().ifPresent(block -> block.initialize(manager, type, new Shape(1)));
    return loss;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("losses")
  void gradientDescentOnTheEmbeddingsLowersTheLoss(String name, Supplier<MetricLoss> factory) {
    try (NDManager manager = NDManager.newBaseManager()) {
      MetricLoss loss = ready(factory, manager, DataType.FLOAT64);
      NDArray x = manager.create(Batches.points());
      NDArray y = manager.create(Batches.labels());
      double first = Double.NaN;
      double last = Double.NaN;
      for (int step = 0; step < 10; step++) {
        x.setRequiresGradient(true);
        NDArray value;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
          value = loss.compute(x, y);
          collector.backward(value);
        }
        last = value.getDouble();
        if (step == 0) {
          first = last;
        }
        x = x.sub(x.getGradient().mul(0.05)).stopGradient();
      }
      assertTrue(first > 0, name + " starts above zero: " + first);
      assertTrue(last < first, name + " decreases from " + first + " to " + last);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("losses")
  void emptyTuplesGiveZeroAndZeroGradients(String name, Supplier<MetricLoss> factory) {
    for (MinerResult empty : List.of(LossHarness.noPairs(), LossHarness.noTriplets())) {
      try (NDManager manager = NDManager.newBaseManager()) {
        MetricLoss loss = ready(factory, manager, DataType.FLOAT64);
        LossHarness.Outcome outcome =
            LossHarness.run(manager, loss, Batches.points(), Batches.labels(), empty);
        assertEquals(0.0, outcome.value(), 0.0, name);
        for (double[] row : outcome.gradient()) {
          assertEquals(0.0, row[0], 0.0, name);
          assertEquals(0.0, row[1], 0.0, name);
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("losses")
  void float32AgreesWithFloat64(String name, Supplier<MetricLoss> factory) {
    try (NDManager manager = NDManager.newBaseManager()) {
      MetricLoss loss = ready(factory, manager, DataType.FLOAT32);
      NDArray y = manager.create(Batches.labels());
      NDArray x64 = manager.create(Batches.points());
      NDArray v32 = loss.compute(x64.toType(DataType.FLOAT32, true), y);
      NDArray v64 = loss.compute(x64, y);
      assertEquals(DataType.FLOAT32, v32.getDataType(), name);
      assertEquals(DataType.FLOAT64, v64.getDataType(), name);
      assertEquals(v64.getDouble(), v32.getFloat(), 1e-4 * Math.max(1, v64.getDouble()), name);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("losses")
  void badInputIsRejectedWithWhatWasFound(String name, Supplier<MetricLoss> factory) {
    try (NDManager manager = NDManager.newBaseManager()) {
      MetricLoss loss = ready(factory, manager, DataType.FLOAT64);
      NDArray x = manager.create(Batches.points());
      NDArray y = manager.create(Batches.labels());
      MinerResult outside =
          MinerResult.of(Triplets.of(new int[] {0}, new int[] {1}, new int[] {8}));
      Expect.illegalArgument(() -> loss.compute(x, y, outside), "batch of 8", "found index 8");
      Expect.illegalArgument(
          () -> loss.compute(x, manager.create(new int[] {0, 1})), "labels", "(8)", "(2)");
      NDArray nan = manager.create(new double[][] {{1, Double.NaN}, {0, 1}});
      Expect.illegalArgument(() -> loss.compute(nan, manager.create(new int[] {0, 1})), "finite");
    }
  }
}
