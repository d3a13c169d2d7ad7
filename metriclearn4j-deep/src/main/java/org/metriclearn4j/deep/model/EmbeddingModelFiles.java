package org.metriclearn4j.deep.model;

import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.metriclearn4j.deep.DjlRuntime;
import org.metriclearn4j.deep.data.Preprocessing;
import org.metriclearn4j.deep.network.CustomNetwork;
import org.metriclearn4j.deep.network.NetworkSpec;
import org.metriclearn4j.deep.network.NetworkSpecs;
import org.metriclearn4j.metric.Provenance;

/**
 * Saves and loads {@link EmbeddingModel}s as two files side by side: {@code NAME.json}, a versioned
 * JSON sidecar (format, version, library and engine versions, network architecture, input shape,
 * embedding dimension, preprocessing, provenance, and the name, shape, size and SHA-256 of the
 * parameters), and {@code NAME.params}, the parameters in DJL's format ({@code
 * Block.saveParameters}).
 *
 * <p>Each file is written to a temporary file in the same directory and moved into place
 * atomically, parameters first, sidecar last; the sidecar's checksum ties the pair together, so a
 * reader never accepts a half-written or mismatched pair. Loading checks the format name, the
 * version, the checksum, the architecture and every parameter shape.
 */
public final class EmbeddingModelFiles {
  /** The value of the sidecar's {@code format} field: {@value}. */
  public static final String FORMAT = "metriclearn4j-embedding-model";

  /** The sidecar version this class writes and reads: {@value}. */
  public static final int FORMAT_VERSION = 1;

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private EmbeddingModelFiles() {}

  /**
   * Returns the parameter file that belongs to a sidecar: {@code x.json -> x.params}.
   *
   * @param sidecar the sidecar path, ending in {@code .json}
   * @return the parameter file path
   * @throws IllegalArgumentException if the name does not end in {@code .json}
   */
  public static Path parametersPath(Path sidecar) {
    String name = fileName(sidecar);
    if (!name.endsWith(".json") || name.length() == ".json".length()) {
      throw new IllegalArgumentException(
          "sidecar: expected a file name ending in .json, found '" + name + "'");
    }
    return sidecar.resolveSibling(name.substring(0, name.length() - 5) + ".params");
  }

  private static String fileName(Path path) {
    Path name = path.getFileName();
    if (name == null) {
      throw new IllegalArgumentException("path: expected a file name, found '" + path + "'");
    }
    return name.toString();
  }

  /**
   * Saves a model.
   *
   * @param model the model
   * @param sidecar where to write the JSON sidecar ({@code .json}); the parameters go next to it
   * @throws IOException if writing fails; a previous pair of files is then left as it was or
   *     replaced whole, never mixed
   */
  public static void save(EmbeddingModel model, Path sidecar) throws IOException {
    Path params = parametersPath(sidecar);
    byte[] bytes = model.parameterBytes();
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("formatVersion", FORMAT_VERSION);
    root.put("library", libraryVersion());
    root.put("engine", DjlRuntime.ENGINE_NAME + " " + DjlRuntime.engineVersion());
    root.set("network", MAPPER.valueToTree(model.network().describe()));
    root.set("inputShape", shapeNode(model.network().inputShape()));
    root.put("embeddingDim", model.embeddingDim());
    ObjectNode pre = root.putObject("preprocessing");
    pre.put("offset", model.preprocessing().offset());
    pre.put("scale", model.preprocessing().scale());
    pre.put("description", model.preprocessing().description());
    Provenance provenance = model.provenance();
    ObjectNode prov = root.putObject("provenance");
    prov.put("learner", provenance.learner());
    prov.set("hyperparameters", MAPPER.valueToTree(provenance.hyperparameters()));
    prov.put("samples", provenance.samples());
    prov.put("features", provenance.features());
    prov.put("seed", provenance.seed());
    ObjectNode parameters = root.putObject("parameters");
    parameters.put("file", fileName(params));
    parameters.put("bytes", bytes.length);
    parameters.put("sha256", sha256(bytes));
    ObjectNode shapes = parameters.putObject("shapes");
    for (Map.Entry<String, Shape> e : model.parameterShapes().entrySet()) {
      shapes.set(e.getKey(), shapeNode(e.getValue()));
    }
    byte[] json = MAPPER.writeValueAsBytes(root);
    writeAtomically(params, bytes);
    writeAtomically(sidecar, json);
  }

  /**
   * Loads a model with a built-in architecture ({@code mlp}, {@code small-cnn}).
   *
   * @param sidecar the JSON sidecar
   * @return the model; the caller closes it
   * @throws ModelFileException if the files are malformed, of another format or version, or do not
   *     match each other
   * @throws IOException if reading fails
   */
  public static EmbeddingModel load(Path sidecar) throws IOException {
    return load(sidecar, null);
  }

  /**
   * Loads a model, building the network from {@code network} (needed for a {@link CustomNetwork})
   * after checking that it matches the recorded architecture.
   *
   * @param sidecar the JSON sidecar
   * @param network the architecture to use, or {@code null} to rebuild the recorded one
   * @return the model; the caller closes it
   * @throws ModelFileException if the files are malformed, of another format or version, or do not
   *     match each other or {@code network}
   * @throws IOException if reading fails
   */
  public static EmbeddingModel load(Path sidecar, @Nullable NetworkSpec network)
      throws IOException {
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readAllBytes(sidecar));
    } catch (JsonProcessingException e) {
      throw new ModelFileException(sidecar + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new ModelFileException(sidecar + ": expected a JSON object");
    }
    String format = text(root, "format", sidecar);
    if (!FORMAT.equals(format)) {
      throw new ModelFileException(
          sidecar + ": expected format '" + FORMAT + "', found '" + format + "'");
    }
    int version = integer(root, "formatVersion", sidecar);
    if (version != FORMAT_VERSION) {
      throw new ModelFileException(
          sidecar
              + ": expected formatVersion "
              + FORMAT_VERSION
              + ", found "
              + version
              + (version > FORMAT_VERSION ? " (written by a newer MetricLearn4J)" : ""));
    }
    Map<String, Object> description = toMap(object(root, "network", sidecar));
    NetworkSpec spec = resolveNetwork(description, network, sidecar);
    Shape inputShape = shape(require(root, "inputShape", sidecar), sidecar, "inputShape");
    if (!inputShape.equals(spec.inputShape())) {
      throw new ModelFileException(
          sidecar
              + ": inputShape "
              + inputShape
              + " does not match the network's "
              + spec.inputShape());
    }
    int embeddingDim = integer(root, "embeddingDim", sidecar);
    if (embeddingDim != spec.embeddingDim()) {
      throw new ModelFileException(
          sidecar
              + ": embeddingDim "
              + embeddingDim
              + " does not match the network's "
              + spec.embeddingDim());
    }
    JsonNode pre = object(root, "preprocessing", sidecar);
    Preprocessing preprocessing;
    try {
      preprocessing =
          new Preprocessing(
              number(pre, "offset", sidecar),
              number(pre, "scale", sidecar),
              text(pre, "description", sidecar));
    } catch (IllegalArgumentException e) {
      throw new ModelFileException(sidecar + ": preprocessing: " + e.getMessage(), e);
    }
    JsonNode prov = object(root, "provenance", sidecar);
    Map<String, String> hyper = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : object(prov, "hyperparameters", sidecar).properties()) {
      hyper.put(e.getKey(), e.getValue().asText());
    }
    Provenance provenance =
        new Provenance(
            text(prov, "learner", sidecar),
            hyper,
            integer(prov, "samples", sidecar),
            integer(prov, "features", sidecar),
            require(prov, "seed", sidecar).asLong());

    JsonNode parameters = object(root, "parameters", sidecar);
    String fileName = text(parameters, "file", sidecar);
    Path params = sidecar.resolveSibling(fileName);
    if (!fileName.equals(fileName(params)) || fileName.contains("/") || fileName.contains("\\")) {
      throw new ModelFileException(
          sidecar + ": parameters.file must be a plain file name, found '" + fileName + "'");
    }
    byte[] bytes = Files.readAllBytes(params);
    long expectedBytes = require(parameters, "bytes", sidecar).asLong();
    if (bytes.length != expectedBytes) {
      throw new ModelFileException(
          params + ": expected " + expectedBytes + " bytes, found " + bytes.length);
    }
    String expectedSha = text(parameters, "sha256", sidecar);
    String sha = sha256(bytes);
    if (!sha.equals(expectedSha)) {
      throw new ModelFileException(
          params
              + ": SHA-256 "
              + sha
              + " does not match "
              + expectedSha
              + " recorded in "
              + fileName(sidecar)
              + " (the files do not belong together or one is damaged)");
    }
    Map<String, Shape> recorded = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : object(parameters, "shapes", sidecar).properties()) {
      recorded.put(e.getKey(), shape(e.getValue(), sidecar, "parameters.shapes." + e.getKey()));
    }
    EmbeddingModel model;
    try {
      model = EmbeddingModel.fromParameters(spec, preprocessing, provenance, bytes);
    } catch (IllegalArgumentException e) {
      throw new ModelFileException(params + ": " + e.getMessage(), e);
    }
    if (!model.parameterShapes().equals(recorded)) {
      Map<String, Shape> found = model.parameterShapes();
      model.close();
      throw new ModelFileException(
          sidecar + ": parameter shapes " + recorded + " do not match the network's " + found);
    }
    return model;
  }

  private static NetworkSpec resolveNetwork(
      Map<String, Object> description, @Nullable NetworkSpec given, Path sidecar)
      throws ModelFileException {
    if (given == null) {
      try {
        return NetworkSpecs.fromDescription(description);
      } catch (IllegalArgumentException e) {
        throw new ModelFileException(sidecar + ": network: " + e.getMessage(), e);
      }
    }
    // compare as re-parsed JSON so that numbers of different Java types compare equal
    JsonNode recorded = normalised(description);
    JsonNode offered = normalised(given.describe());
    if (!recorded.equals(offered)) {
      throw new ModelFileException(
          sidecar
              + ": the network "
              + offered
              + " does not match the recorded architecture "
              + recorded);
    }
    return given;
  }

  private static JsonNode normalised(Map<String, ?> map) throws ModelFileException {
    try {
      return MAPPER.readTree(MAPPER.writeValueAsString(map));
    } catch (JsonProcessingException e) {
      throw new ModelFileException("network description is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static Map<String, Object> toMap(JsonNode node) {
    @SuppressWarnings("unchecked")
    Map<String, Object> map = MAPPER.convertValue(node, Map.class);
    return map;
  }

  private static ArrayNode shapeNode(Shape shape) {
    ArrayNode node = MAPPER.createArrayNode();
    for (long d : shape.getShape()) {
      node.add(d);
    }
    return node;
  }

  private static Shape shape(JsonNode node, Path sidecar, String field) throws ModelFileException {
    if (!node.isArray()) {
      throw new ModelFileException(sidecar + ": " + field + ": expected an array of integers");
    }
    List<Long> dims = new ArrayList<>();
    for (JsonNode d : node) {
      if (!d.isIntegralNumber()) {
        throw new ModelFileException(sidecar + ": " + field + ": expected integers, found " + node);
      }
      dims.add(d.asLong());
    }
    return new Shape(dims.stream().mapToLong(Long::longValue).toArray());
  }

  private static JsonNode require(JsonNode node, String field, Path sidecar)
      throws ModelFileException {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new ModelFileException(sidecar + ": missing field '" + field + "'");
    }
    return value;
  }

  private static JsonNode object(JsonNode node, String field, Path sidecar)
      throws ModelFileException {
    JsonNode value = require(node, field, sidecar);
    if (!value.isObject()) {
      throw new ModelFileException(sidecar + ": field '" + field + "' must be an object");
    }
    return value;
  }

  private static String text(JsonNode node, String field, Path sidecar) throws ModelFileException {
    JsonNode value = require(node, field, sidecar);
    if (!value.isTextual()) {
      throw new ModelFileException(
          sidecar + ": field '" + field + "' must be text, found " + value);
    }
    return value.asText();
  }

  private static int integer(JsonNode node, String field, Path sidecar) throws ModelFileException {
    JsonNode value = require(node, field, sidecar);
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw new ModelFileException(
          sidecar + ": field '" + field + "' must be an integer, found " + value);
    }
    return value.asInt();
  }

  private static double number(JsonNode node, String field, Path sidecar)
      throws ModelFileException {
    JsonNode value = require(node, field, sidecar);
    if (!value.isNumber()) {
      throw new ModelFileException(
          sidecar + ": field '" + field + "' must be a number, found " + value);
    }
    return value.asDouble();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  private static String libraryVersion() {
    String version = EmbeddingModelFiles.class.getPackage().getImplementationVersion();
    return "metriclearn4j " + (version == null ? "dev" : version);
  }

  /** Writes a file via a temporary sibling and an atomic rename. */
  static void writeAtomically(Path target, byte[] content) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    if (dir == null) {
      throw new IOException(target + ": has no parent directory");
    }
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + fileName(target) + ".", ".tmp");
    try {
      Files.write(tmp, content);
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
