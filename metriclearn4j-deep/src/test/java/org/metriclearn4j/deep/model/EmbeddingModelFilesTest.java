package org.metriclearn4j.deep.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metriclearn4j.deep.data.Preprocessing;
import org.metriclearn4j.deep.network.CustomNetwork;
import org.metriclearn4j.deep.network.Mlp;
import org.metriclearn4j.deep.network.SmallCnn;

class EmbeddingModelFilesTest {
  @TempDir Path dir;

  private static double[][] inputs(int n, int d, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] x = new double[n][d];
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        row[j] = r.nextInt(17);
      }
    }
    return x;
  }

  @Test
  void saveThenLoadGivesIdenticalEmbeddings() throws IOException {
    Mlp mlp = Mlp.builder().widths(64, 128, 32).batchNorm(true).build();
    Preprocessing pre = Preprocessing.divideBy(16, "pixels/16");
    double[][] x = inputs(20, 64, 1);
    try (EmbeddingModel model = EmbeddingModel.untrained(mlp, pre, 3)) {
      Path sidecar = dir.resolve("digits.json");
      EmbeddingModelFiles.save(model, sidecar);
      assertTrue(Files.exists(dir.resolve("digits.params")));
      try (EmbeddingModel loaded = EmbeddingModelFiles.load(sidecar)) {
        double[][] a = model.embed(x);
        double[][] b = loaded.embed(x);
        for (int i = 0; i < a.length; i++) {
          assertArrayEquals(a[i], b[i], 0.0);
        }
        assertEquals(mlp, loaded.network());
        assertEquals(pre, loaded.preprocessing());
        assertEquals(model.provenance(), loaded.provenance());
        assertEquals(model.parameterShapes(), loaded.parameterShapes());
      }
    }
  }

  @Test
  void cnnRoundTripsToo() throws IOException {
    SmallCnn cnn = SmallCnn.builder().filters(2, 4).hidden(8).embeddingDim(3).build();
    try (EmbeddingModel model =
        EmbeddingModel.untrained(cnn, Preprocessing.divideBy(255, "pixels/255"), 1)) {
      Path sidecar = dir.resolve("cnn.json");
      EmbeddingModelFiles.save(model, sidecar);
      double[][] x = inputs(2, 784, 5);
      try (EmbeddingModel loaded = EmbeddingModelFiles.load(sidecar)) {
        assertArrayEquals(model.embed(x)[1], loaded.embed(x)[1], 0.0);
      }
    }
  }

  @Test
  void embedAppliesThePreprocessing() {
    Mlp mlp = Mlp.of(4, 3);
    try (EmbeddingModel scaled = EmbeddingModel.untrained(mlp, Preprocessing.divideBy(2, "/2"), 9);
        EmbeddingModel plain = EmbeddingModel.untrained(mlp, Preprocessing.identity(), 9)) {
      double[][] raw = {{2, 4, 6, 8}};
      double[][] halved = {{1, 2, 3, 4}};
      assertArrayEquals(plain.embed(halved)[0], scaled.embed(raw)[0], 1e-6);
    }
  }

  @Test
  void damagedParametersAreDetectedByTheChecksum() throws IOException {
    try (EmbeddingModel model =
        EmbeddingModel.untrained(Mlp.of(4, 3), Preprocessing.identity(), 1)) {
      Path sidecar = dir.resolve("m.json");
      EmbeddingModelFiles.save(model, sidecar);
      Path params = dir.resolve("m.params");
      byte[] bytes = Files.readAllBytes(params);
      bytes[bytes.length - 1] ^= 1;
      Files.write(params, bytes);
      ModelFileException e =
          assertThrows(ModelFileException.class, () -> EmbeddingModelFiles.load(sidecar));
      assertTrue(
          String.valueOf(e.getMessage()).contains("SHA-256"), String.valueOf(e.getMessage()));
    }
  }

  @Test
  void otherFormatOrNewerVersionIsRejected() throws IOException {
    try (EmbeddingModel model =
        EmbeddingModel.untrained(Mlp.of(4, 3), Preprocessing.identity(), 1)) {
      Path sidecar = dir.resolve("m.json");
      EmbeddingModelFiles.save(model, sidecar);
      String json = Files.readString(sidecar);
      Files.writeString(
          sidecar,
          json.replace("\"formatVersion\" : 1", "\"formatVersion\" : 2"),
          StandardCharsets.UTF_8);
      ModelFileException newer =
          assertThrows(ModelFileException.class, () -> EmbeddingModelFiles.load(sidecar));
      assertTrue(
          String.valueOf(newer.getMessage()).contains("found 2"),
          String.valueOf(newer.getMessage()));
      Files.writeString(sidecar, json.replace(EmbeddingModelFiles.FORMAT, "something-else"));
      ModelFileException other =
          assertThrows(ModelFileException.class, () -> EmbeddingModelFiles.load(sidecar));
      assertTrue(
          String.valueOf(other.getMessage()).contains("something-else"),
          String.valueOf(other.getMessage()));
    }
  }

  @Test
  void mismatchedParameterShapesAreRejected() throws IOException {
    try (EmbeddingModel model =
        EmbeddingModel.untrained(Mlp.of(4, 3), Preprocessing.identity(), 1)) {
      Path sidecar = dir.resolve("m.json");
      EmbeddingModelFiles.save(model, sidecar);
      // the same parameters offered as a network of another architecture
      CustomNetwork wider =
          CustomNetwork.of("wider", new Shape(4), 3, () -> Mlp.of(4, 5, 3).newBlock());
      ModelFileException e =
          assertThrows(ModelFileException.class, () -> EmbeddingModelFiles.load(sidecar, wider));
      assertTrue(
          String.valueOf(e.getMessage()).contains("does not match"),
          String.valueOf(e.getMessage()));
    }
  }

  @Test
  void customNetworkRoundTripsWithItsFactory() throws IOException {
    CustomNetwork net = CustomNetwork.of("tiny", new Shape(4), 3, () -> Mlp.of(4, 3).newBlock());
    try (EmbeddingModel model = EmbeddingModel.untrained(net, Preprocessing.identity(), 4)) {
      Path sidecar = dir.resolve("c.json");
      EmbeddingModelFiles.save(model, sidecar);
      assertThrows(ModelFileException.class, () -> EmbeddingModelFiles.load(sidecar));
      try (EmbeddingModel loaded = EmbeddingModelFiles.load(sidecar, net)) {
        double[][] x = {{1, 2, 3, 4}};
        assertArrayEquals(model.embed(x)[0], loaded.embed(x)[0], 0.0);
      }
    }
  }

  @Test
  void sidecarNameMustEndInJson() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> EmbeddingModelFiles.parametersPath(Path.of("model.bin")));
    assertTrue(String.valueOf(e.getMessage()).contains("model.bin"));
  }

  @Test
  void closedModelRefusesToEmbed() {
    EmbeddingModel model = EmbeddingModel.untrained(Mlp.of(4, 3), Preprocessing.identity(), 1);
    model.close();
    assertThrows(IllegalStateException.class, () -> model.embed(new double[][] {{1, 2, 3, 4}}));
  }

  @Test
  void wrongRowLengthIsRejected() {
    try (EmbeddingModel model =
        EmbeddingModel.untrained(Mlp.of(4, 3), Preprocessing.identity(), 1)) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> model.embed(new double[][] {{1, 2}}));
      assertTrue(
          String.valueOf(e.getMessage()).contains("expected rows of 4"),
          String.valueOf(e.getMessage()));
    }
  }
}
