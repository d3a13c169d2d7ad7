package org.metriclearn4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metriclearn4j.linalg.Kernels;
import org.metriclearn4j.metric.FitSummary;
import org.metriclearn4j.metric.MahalanobisMetric;
import org.metriclearn4j.metric.Provenance;
import org.metriclearn4j.transform.AffineTransform;
import org.metriclearn4j.transform.Transform;

class ModelFilesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /** Random finite doubles of every kind: tiny, huge, subnormal, signed zeros, random bits. */
  private static double[][] awkwardMatrix(SplittableRandom random, int rows, int cols) {
    double[] specials = {
      -0.0,
      0.0,
      Double.MIN_VALUE,
      -Double.MIN_VALUE,
      Double.MIN_NORMAL,
      1e-310,
      -3.5e-320,
      Double.MAX_VALUE,
      -Double.MAX_VALUE,
      0.1,
      1.0 / 3,
      Math.PI
    };
    double[][] m = new double[rows][cols];
    int s = 0;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        double v;
        if (s < specials.length) {
          v = specials[s++];
        } else {
          do {
            v = Double.longBitsToDouble(random.nextLong());
          } while (!Double.isFinite(v));
        }
        m[r][c] = v;
      }
    }
    return m;
  }

  private static void assertBitIdentical(double[][] expected, double[][] actual) {
    assertEquals(expected.length, actual.length);
    for (int r = 0; r < expected.length; r++) {
      assertBitIdentical(expected[r], actual[r]);
    }
  }

  private static void assertBitIdentical(double[] expected, double[] actual) {
    assertEquals(expected.length, actual.length);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(
          Double.doubleToRawLongBits(expected[i]),
          Double.doubleToRawLongBits(actual[i]),
          "element " + i + ": expected " + expected[i] + ", found " + actual[i]);
    }
  }

  private static MahalanobisMetric metric(double[][] components, double objective) {
    return MahalanobisMetric.of(
        Kernels.toMatrix(components),
        new FitSummary(42, true, objective),
        new Provenance("nca", Map.of("maxIterations", "100", "tolerance", "1e-5"), 150, 4, 7L));
  }

  @Test
  void metricRoundTripIsBitIdentical() throws IOException {
    SplittableRandom random = new SplittableRandom(1);
    double[][] components = awkwardMatrix(random, 3, 5);
    MahalanobisMetric original = metric(components, -123.456);
    Path file = dir.resolve("metric.json");
    ModelFiles.save(file, original);
    MahalanobisMetric loaded = ModelFiles.loadMetric(file);

    assertBitIdentical(components, loaded.components());
    assertEquals(original.provenance(), loaded.provenance());
    assertEquals(original.fitSummary(), loaded.fitSummary());
    // moderate inputs so that the outputs stay finite
    double[][] small = new double[3][5];
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 5; c++) {
        small[r][c] = random.nextGaussian() * Math.pow(10, random.nextInt(-300, 300));
      }
    }
    MahalanobisMetric moderate = metric(small, Double.NaN);
    ModelFiles.save(file, moderate);
    MahalanobisMetric reloaded = ModelFiles.loadMetric(file);
    assertTrue(Double.isNaN(reloaded.fitSummary().objective()));
    double[][] x = new double[20][5];
    for (double[] row : x) {
      for (int c = 0; c < 5; c++) {
        row[c] = random.nextGaussian();
      }
    }
    assertBitIdentical(moderate.transform(x), reloaded.transform(x));
  }

  @Test
  void infiniteObjectiveSurvivesTheRoundTrip() throws IOException {
    Path file = dir.resolve("m.json");
    ModelFiles.save(file, metric(new double[][] {{1}}, Double.NEGATIVE_INFINITY));
    assertEquals(Double.NEGATIVE_INFINITY, ModelFiles.loadMetric(file).fitSummary().objective());
  }

  @Test
  void documentHasTheVersionedHeaderAndShapes() throws IOException {
    Path file = dir.resolve("m.json");
    ModelFiles.save(file, metric(new double[][] {{1, 2, 3}, {4, 5, 6}}, 1.5));
    JsonNode root = JSON.readTree(file.toFile());
    assertEquals("metriclearn4j-model", root.get("format").asText());
    assertEquals(1, root.get("formatVersion").asInt());
    assertEquals(LibraryVersion.current(), root.get("libraryVersion").asText());
    assertTrue(LibraryVersion.current().matches("\\d+\\.\\d+\\.\\d+.*"), LibraryVersion.current());
    assertEquals("mahalanobis-metric", root.get("type").asText());
    assertEquals(2, root.get("rows").asInt());
    assertEquals(3, root.get("columns").asInt());
    assertEquals("nca", root.get("provenance").get("learner").asText());
    assertEquals(
        "100", root.get("provenance").get("hyperparameters").get("maxIterations").asText());
    assertEquals(150, root.get("provenance").get("samples").asInt());
    assertEquals(7, root.get("provenance").get("seed").asLong());
    assertEquals(42, root.get("fitSummary").get("iterations").asInt());
    assertEquals(6.0, root.get("components").get(1).get(2).asDouble());
  }

  @Test
  void transformChainRoundTripIsBitIdentical() throws IOException {
    SplittableRandom random = new SplittableRandom(2);
    double[][] weights = awkwardMatrix(random, 3, 4);
    double[] offset = awkwardMatrix(random, 1, 4)[0];
    AffineTransform scaler = AffineTransform.of("pca", weights, offset);
    double[][] components = awkwardMatrix(random, 2, 3);
    MahalanobisMetric nca = metric(components, 0.25);
    Path file = dir.resolve("chain.json");
    ModelFiles.saveTransforms(file, List.of(scaler, nca));
    List<Transform> loaded = ModelFiles.loadTransforms(file);

    assertEquals(2, loaded.size());
    AffineTransform a = assertInstanceOf(AffineTransform.class, loaded.get(0));
    assertEquals("pca", a.kind());
    assertBitIdentical(weights, a.weights());
    assertBitIdentical(offset, a.offset());
    MahalanobisMetric m = assertInstanceOf(MahalanobisMetric.class, loaded.get(1));
    assertBitIdentical(components, m.components());
    assertEquals(nca.provenance(), m.provenance());

    // outputs of a chain with moderate numbers are bit-identical too
    AffineTransform moderate =
        AffineTransform.of(
            "standard-scaler",
            new double[][] {{0.5, 0, -1e-3}, {1.0 / 7, 2, 0}},
            new double[] {-0.0, 3.25, 1e-300});
    ModelFiles.saveTransforms(file, List.of(moderate));
    Transform back = ModelFiles.loadTransforms(file).get(0);
    double[] x = {0.3, -2.0 / 3, 7};
    assertBitIdentical(moderate.transform(x), back.transform(x));
  }

  @Test
  void aMetricFileLoadsAsAChainOfOne() throws IOException {
    Path file = dir.resolve("m.json");
    MahalanobisMetric original = metric(new double[][] {{2, 0}, {0, 3}}, 1);
    ModelFiles.save(file, original);
    List<Transform> chain = ModelFiles.loadTransforms(file);
    assertEquals(1, chain.size());
    assertBitIdentical(original.components(), ((MahalanobisMetric) chain.get(0)).components());
  }

  @Test
  void savingReplacesAnExistingFile() throws IOException {
    Path file = dir.resolve("m.json");
    ModelFiles.save(file, metric(new double[][] {{1}}, 1));
    ModelFiles.save(file, metric(new double[][] {{2}}, 1));
    assertEquals(2.0, ModelFiles.loadMetric(file).components()[0][0]);
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList());
    }
  }

  @Test
  void aFailedWriteLeavesNoTemporaryFile() throws IOException {
    Path target = dir.resolve("occupied");
    Files.createDirectory(target);
    Files.writeString(target.resolve("inside.txt"), "x");
    assertThrows(IOException.class, () -> ModelFiles.save(target, metric(new double[][] {{1}}, 1)));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(target), files.toList());
    }
  }

  @Test
  void savingUnsupportedOrInconsistentTransformsFails() {
    Transform custom =
        new Transform() {
          @Override
          public int inputDimension() {
            return 1;
          }

          @Override
          public int outputDimension() {
            return 1;
          }

          @Override
          public double[] transform(double[] x) {
            return x.clone();
          }
        };
    Path file = dir.resolve("c.json");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ModelFiles.saveTransforms(file, List.of(custom)));
    assertTrue(
        String.valueOf(e.getMessage()).contains("mahalanobis-metric, affine"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ModelFiles.saveTransforms(file, List.of()));
    MahalanobisMetric twoByThree = metric(new double[][] {{1, 2, 3}, {4, 5, 6}}, 1);
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ModelFiles.saveTransforms(file, List.of(twoByThree, twoByThree)));
    assertTrue(String.valueOf(e.getMessage()).contains("accepts 3 features"), e.getMessage());
    assertTrue(Files.notExists(file));
  }

  // ---- error paths when reading ----

  private Path saved() throws IOException {
    Path file = dir.resolve("model.json");
    ModelFiles.save(file, metric(new double[][] {{1, 2}, {3, 4}, {5, 6}}, 1));
    return file;
  }

  private Path savedChain() throws IOException {
    Path file = dir.resolve("chain.json");
    ModelFiles.saveTransforms(
        file,
        List.of(
            AffineTransform.of("pca", new double[][] {{1, 0}, {0, 1}}, new double[] {1, 2}),
            metric(new double[][] {{1, 2}}, 1)));
    return file;
  }

  private static void edit(Path file, Consumer<ObjectNode> change) throws IOException {
    ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
    change.accept(root);
    Files.writeString(file, JSON.writeValueAsString(root));
  }

  private static ModelFormatException assertMetricFails(Path file, String... fragments) {
    ModelFormatException e =
        assertThrows(ModelFormatException.class, () -> ModelFiles.loadMetric(file));
    for (String fragment : fragments) {
      assertTrue(String.valueOf(e.getMessage()).contains(fragment), e.getMessage());
    }
    return e;
  }

  @Test
  void truncatedFileIsReportedAsInvalidJson() throws IOException {
    Path file = saved();
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
    assertMetricFails(file, file.toString(), "not valid JSON", "truncated");
  }

  @Test
  void emptyAndNonObjectFilesAreRejected() throws IOException {
    Path file = dir.resolve("x.json");
    Files.writeString(file, "");
    assertMetricFails(file, "empty file");
    Files.writeString(file, "[1, 2]");
    assertMetricFails(file, "expected a JSON object");
    Files.writeString(file, "{\"a\": 1} {\"b\": 2}");
    assertMetricFails(file, "not valid JSON");
  }

  @Test
  void wrongFormatNameIsRejected() throws IOException {
    Path file = saved();
    edit(file, root -> root.put("format", "something-else"));
    assertMetricFails(file, "format", "expected 'metriclearn4j-model'", "'something-else'");
    edit(file, root -> root.remove("format"));
    assertMetricFails(file, "not a MetricLearn4J model file");
  }

  @Test
  void newerFormatVersionIsRejectedNamingTheSupportedVersion() throws IOException {
    Path file = saved();
    edit(file, root -> root.put("formatVersion", 2));
    assertMetricFails(file, "format version 2", "newer", "supports (version 1)");
    edit(file, root -> root.put("formatVersion", "1"));
    assertMetricFails(file, "formatVersion", "expected an integer");
  }

  @Test
  void missingFieldsAreNamed() throws IOException {
    Path file = saved();
    edit(file, root -> root.remove("components"));
    assertMetricFails(file, "missing field 'components'");
    file = saved();
    edit(file, root -> ((ObjectNode) root.get("provenance")).remove("seed"));
    assertMetricFails(file, "provenance: missing field 'seed'");
    file = saved();
    edit(file, root -> root.remove("libraryVersion"));
    assertMetricFails(file, "missing field 'libraryVersion'");
  }

  @Test
  void shapeMismatchesAreRejected() throws IOException {
    Path file = saved();
    edit(file, root -> ((ArrayNode) root.get("components").get(1)).add(7.0));
    assertMetricFails(file, "components[1]", "expected 2 values (field 'columns'), found 3");
    file = saved();
    edit(file, root -> root.put("rows", 4));
    assertMetricFails(file, "components", "expected 4 rows (field 'rows'), found 3");
    file = saved();
    edit(file, root -> root.put("columns", 0));
    assertMetricFails(file, "columns", "expected an integer >= 1");

    Path chain = savedChain();
    edit(chain, root -> ((ArrayNode) root.get("transforms").get(0).get("offset")).add(3.0));
    ModelFormatException e =
        assertThrows(ModelFormatException.class, () -> ModelFiles.loadTransforms(chain));
    assertTrue(
        String.valueOf(e.getMessage()).contains("transforms[0].offset")
            && String.valueOf(e.getMessage())
                .contains("expected 2 values (field 'inputDimension'), found 3"),
        e.getMessage());
  }

  @Test
  void chainWhoseDimensionsDoNotConnectIsRejected() throws IOException {
    Path chain = savedChain();
    edit(
        chain,
        root -> {
          ObjectNode metric = (ObjectNode) root.get("transforms").get(1);
          metric.put("columns", 3);
          ((ArrayNode) metric.get("components").get(0)).add(1.0);
        });
    ModelFormatException e =
        assertThrows(ModelFormatException.class, () -> ModelFiles.loadTransforms(chain));
    assertTrue(
        String.valueOf(e.getMessage()).contains("transforms[1]: accepts 3 features"),
        e.getMessage());
  }

  @Test
  void nonFiniteNumbersAreRejected() throws IOException {
    Path file = saved();
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Files.writeString(file, text.replaceFirst("3\\.0", "NaN"));
    assertMetricFails(file, "components[1][0]", "expected a finite number, found NaN");
    Files.writeString(file, text.replaceFirst("3\\.0", "1e400"));
    assertMetricFails(file, "components[1][0]", "found Infinity");
    Files.writeString(file, text.replaceFirst("3\\.0", "\"3\""));
    assertMetricFails(file, "components[1][0]", "expected a number");
  }

  @Test
  void wrongTypesAreRejected() throws IOException {
    Path chain = savedChain();
    assertMetricFails(chain, "type", "expected 'mahalanobis-metric'", "'transform-chain'");
    edit(chain, root -> ((ObjectNode) root.get("transforms").get(0)).put("type", "kernel-pca"));
    ModelFormatException e =
        assertThrows(ModelFormatException.class, () -> ModelFiles.loadTransforms(chain));
    assertTrue(
        String.valueOf(e.getMessage()).contains("transforms[0].type")
            && String.valueOf(e.getMessage()).contains("mahalanobis-metric, affine")
            && String.valueOf(e.getMessage()).contains("'kernel-pca'"),
        e.getMessage());
    edit(chain, root -> root.putArray("transforms"));
    assertThrows(ModelFormatException.class, () -> ModelFiles.loadTransforms(chain));
  }

  @Test
  void modelFormatExceptionIsAnIoException() {
    assertInstanceOf(IOException.class, new ModelFormatException("x"));
  }
}
