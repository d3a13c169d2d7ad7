package org.metriclearn4j.deep.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import org.junit.jupiter.api.Test;
import org.metriclearn4j.deep.DjlRuntime;

class NetworksTest {

  private static long parameterCount(Block block) {
    long total = 0;
    for (Pair<String, Parameter> p : block.getParameters()) {
      total += p.getValue().getArray().getShape().size();
    }
    return total;
  }

  @Test
  void mlpHasTheLayersItsWidthsDescribe() {
    Mlp mlp = Mlp.of(64, 128, 32);
    try (NDManager manager = DjlRuntime.newManager()) {
      Block block = mlp.newBlock();
      block.initialize(manager, DataType.FLOAT32, new Shape(5, 64));
      assertEquals(64L * 128 + 128 + 128L * 32 + 32, parameterCount(block));
      NDArray out =
          block
              .forward(
                  new ParameterStore(manager, false),
                  new NDList(manager.randomNormal(new Shape(5, 64))),
                  false)
              .singletonOrThrow();
      assertEquals(new Shape(5, 32), out.getShape());
    }
  }

  @Test
  void weightsStartWithinTheFanInBound() {
    try (NDManager manager = DjlRuntime.newManager()) {
      Block block = Mlp.of(64, 128, 32).newBlock();
      block.initialize(manager, DataType.FLOAT32, new Shape(1, 64));
      for (Pair<String, Parameter> p : block.getParameters()) {
        NDArray a = p.getValue().getArray();
        long fanIn = p.getKey().startsWith("01") ? 64 : 128;
        float bound = (float) (1 / Math.sqrt((double) fanIn));
        assertTrue(a.abs().max().getFloat() <= bound, p.getKey());
        assertTrue(a.abs().max().getFloat() > 0.5f * bound, p.getKey() + " is not near-zero");
      }
    }
  }

  @Test
  void l2NormalisedMlpGivesUnitRows() {
    Mlp mlp = Mlp.builder().widths(8, 16, 4).l2Normalize(true).batchNorm(true).dropout(0.1).build();
    try (NDManager manager = DjlRuntime.newManager()) {
      Block block = mlp.newBlock();
      block.initialize(manager, DataType.FLOAT32, new Shape(6, 8));
      NDArray out =
          block
              .forward(
                  new ParameterStore(manager, false),
                  new NDList(manager.randomNormal(new Shape(6, 8))),
                  false)
              .singletonOrThrow();
      float[] norms = out.norm(new int[] {1}).toFloatArray();
      for (float n : norms) {
        assertEquals(1f, n, 1e-5f);
      }
    }
  }

  @Test
  void smallCnnMapsMnistImagesToItsEmbedding() {
    SmallCnn cnn = SmallCnn.builder().embeddingDim(16).filters(4, 8).hidden(32).build();
    assertEquals(8 * 4 * 4, cnn.flattenedSize());
    try (NDManager manager = DjlRuntime.newManager()) {
      Block block = cnn.newBlock();
      block.initialize(manager, DataType.FLOAT32, new Shape(3, 1, 28, 28));
      NDArray out =
          block
              .forward(
                  new ParameterStore(manager, false),
                  new NDList(manager.randomUniform(0f, 1f, new Shape(3, 1, 28, 28))),
                  false)
              .singletonOrThrow();
      assertEquals(new Shape(3, 16), out.getShape());
    }
  }

  @Test
  void descriptionsRebuildEqualNetworks() {
    Mlp mlp = Mlp.builder().widths(10, 20, 5).batchNorm(true).dropout(0.25).build();
    assertEquals(mlp, NetworkSpecs.fromDescription(mlp.describe()));
    SmallCnn cnn = SmallCnn.builder().inputShape(1, 20, 24).kernel(3).embeddingDim(8).build();
    assertEquals(cnn, NetworkSpecs.fromDescription(cnn.describe()));
  }

  @Test
  void invalidArchitecturesAreRejectedWithTheirNumbers() {
    IllegalArgumentException widths =
        assertThrows(IllegalArgumentException.class, () -> Mlp.of(64));
    assertTrue(
        String.valueOf(widths.getMessage()).contains("at least two"),
        String.valueOf(widths.getMessage()));
    assertThrows(IllegalArgumentException.class, () -> Mlp.of(64, 0, 3));
    assertThrows(
        IllegalArgumentException.class, () -> Mlp.builder().widths(2, 2).dropout(1.0).build());
    IllegalArgumentException small =
        assertThrows(
            IllegalArgumentException.class, () -> SmallCnn.builder().inputShape(1, 8, 8).build());
    assertTrue(
        String.valueOf(small.getMessage()).contains("8x8"), String.valueOf(small.getMessage()));
    IllegalArgumentException custom =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                NetworkSpecs.fromDescription(
                    CustomNetwork.of("mine", new Shape(3), 2, () -> Mlp.of(3, 2).newBlock())
                        .describe()));
    assertTrue(
        String.valueOf(custom.getMessage()).contains("mine"), String.valueOf(custom.getMessage()));
  }
}
