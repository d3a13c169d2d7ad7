package org.metriclearn4j.io;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.metriclearn4j.metric.MahalanobisMetric;
import org.metriclearn4j.transform.Transform;

/**
 * Saves and loads fitted metrics and chains of fitted transforms as versioned JSON documents.
 *
 * <p>Every document is a JSON object with the fields
 *
 * <ul>
 *   <li>{@code format}: always {@value #FORMAT};
 *   <li>{@code formatVersion}: {@value #FORMAT_VERSION} for documents written by this version;
 *       readers reject newer versions;
 *   <li>{@code libraryVersion}: the {@link LibraryVersion} that wrote it (informational);
 *   <li>{@code type}: {@code "mahalanobis-metric"} for a single metric, whose fields follow at the
 *       top level ({@code provenance}, {@code fitSummary}, {@code rows}, {@code columns}, {@code
 *       components}), or {@code "transform-chain"} with an array {@code transforms} of objects that
 *       each have their own {@code type} ({@code "mahalanobis-metric"} or {@code "affine"}) and
 *       fields.
 * </ul>
 *
 * <p>Numbers are written in Java's shortest round-trip decimal form, so a loaded model has
 * bit-identical parameters (including {@code -0.0} and subnormals) and gives bit-identical outputs.
 * Files are written atomically: to a temporary file in the same directory, then moved over the
 * target, so a reader never sees a half-written file; the temporary file is removed if anything
 * fails. Reading checks everything and reports a {@link ModelFormatException} naming the file and
 * the field.
 */
public final class ModelFiles {
  /** The value of the {@code format} field. */
  public static final String FORMAT = "metriclearn4j-model";

  /** The format version this library writes and the newest it reads. */
  public static final int FORMAT_VERSION = 1;

  /** The {@code type} of a document that holds a chain of transforms. */
  public static final String CHAIN_TYPE = "transform-chain";

  /** The {@code type} of a document that holds one metric. */
  public static final String METRIC_TYPE = MahalanobisMetricCodec.TYPE;

  /** The registered transform codecs; add one here to make another transform type storable. */
  private static final List<TransformCodec> CODECS =
      List.of(new MahalanobisMetricCodec(), new AffineTransformCodec());

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private static final AtomicLong TEMP_COUNTER = new AtomicLong();

  private ModelFiles() {}

  /**
   * Saves a metric, atomically replacing any existing file.
   *
   * @param path the file to write; its directory must exist
   * @param metric the metric
   * @throws IOException if writing fails (the target is then unchanged)
   */
  public static void save(Path path, MahalanobisMetric metric) throws IOException {
    ObjectNode root = header(METRIC_TYPE);
    codecFor(metric, "metric").write(metric, root);
    writeAtomically(path, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
  }

  /**
   * Loads a metric saved by {@link #save(Path, MahalanobisMetric)}.
   *
   * @param path the file to read
   * @return the metric, with its provenance and fit summary
   * @throws ModelFormatException if the file is not a valid metric document
   * @throws IOException if the file cannot be read
   */
  public static MahalanobisMetric loadMetric(Path path) throws IOException {
    JsonFields fields = new JsonFields(path.toString());
    JsonNode root = readChecked(path, fields);
    String type = fields.text(root, "", "type");
    if (!type.equals(METRIC_TYPE)) {
      throw fields.error(
          "type", "expected '" + METRIC_TYPE + "' (a single metric), found '" + type + "'");
    }
    return (MahalanobisMetric) read(root, "", fields);
  }

  /**
   * Saves a chain of fitted transforms, applied in list order, atomically replacing any existing
   * file.
   *
   * @param path the file to write; its directory must exist
   * @param transforms at least one transform, each a {@link MahalanobisMetric} or an {@link
   *     org.metriclearn4j.transform.AffineTransform}; each one's output dimension must be the next
   *     one's input dimension
   * @throws IllegalArgumentException if the list is empty, a transform has no codec or dimensions
   *     do not chain
   * @throws IOException if writing fails (the target is then unchanged)
   */
  public static void saveTransforms(Path path, List<? extends Transform> transforms)
      throws IOException {
    if (transforms.isEmpty()) {
      throw new IllegalArgumentException("transforms: expected at least one transform, found none");
    }
    ObjectNode root = header(CHAIN_TYPE);
    ArrayNode array = root.putArray("transforms");
    for (int i = 0; i < transforms.size(); i++) {
      Transform t = transforms.get(i);
      if (i > 0 && transforms.get(i - 1).outputDimension() != t.inputDimension()) {
        throw new IllegalArgumentException(
            "transforms: element "
                + i
                + " accepts "
                + t.inputDimension()
                + " features, but element "
                + (i - 1)
                + " outputs "
                + transforms.get(i - 1).outputDimension());
      }
      TransformCodec codec = codecFor(t, "transforms: element " + i);
      ObjectNode node = array.addObject();
      node.put("type", codec.type());
      codec.write(t, node);
    }
    writeAtomically(path, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
  }

  /**
   * Loads a chain of transforms saved by {@link #saveTransforms}; a single-metric document saved by
   * {@link #save(Path, MahalanobisMetric)} loads as a chain of one.
   *
   * @param path the file to read
   * @return the transforms, in the order they are applied (unmodifiable)
   * @throws ModelFormatException if the file is not a valid transform-chain or metric document
   * @throws IOException if the file cannot be read
   */
  public static List<Transform> loadTransforms(Path path) throws IOException {
    JsonFields fields = new JsonFields(path.toString());
    JsonNode root = readChecked(path, fields);
    String type = fields.text(root, "", "type");
    if (type.equals(METRIC_TYPE)) {
      return List.of(read(root, "", fields));
    }
    if (!type.equals(CHAIN_TYPE)) {
      throw fields.error(
          "type", "expected '" + CHAIN_TYPE + "' or '" + METRIC_TYPE + "', found '" + type + "'");
    }
    JsonNode array = fields.require(root, "", "transforms");
    if (!array.isArray() || array.isEmpty()) {
      throw fields.error(
          "transforms",
          "expected a non-empty array of transforms, found " + JsonFields.describe(array));
    }
    List<Transform> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      String at = JsonFields.element("transforms", i);
      JsonNode node = array.get(i);
      if (!node.isObject()) {
        throw fields.error(at, "expected an object, found " + JsonFields.describe(node));
      }
      Transform t = read(node, at, fields);
      if (i > 0 && out.get(i - 1).outputDimension() != t.inputDimension()) {
        throw fields.error(
            at,
            "accepts "
                + t.inputDimension()
                + " features, but "
                + JsonFields.element("transforms", i - 1)
                + " outputs "
                + out.get(i - 1).outputDimension());
      }
      out.add(t);
    }
    return List.copyOf(out);
  }

  private static ObjectNode header(String type) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("formatVersion", FORMAT_VERSION);
    root.put("libraryVersion", LibraryVersion.current());
    root.put("type", type);
    return root;
  }

  private static TransformCodec codecFor(Transform t, String what) {
    for (TransformCodec codec : CODECS) {
      if (codec.canWrite(t)) {
        return codec;
      }
    }
    List<String> types = new ArrayList<>();
    for (TransformCodec codec : CODECS) {
      types.add(codec.type());
    }
    throw new IllegalArgumentException(
        what
            + ": expected a transform that model files can store ("
            + String.join(", ", types)
            + "), found "
            + t.getClass().getName());
  }

  private static Transform read(JsonNode node, String path, JsonFields fields)
      throws ModelFormatException {
    String type = fields.text(node, path, "type");
    for (TransformCodec codec : CODECS) {
      if (codec.type().equals(type)) {
        try {
          return codec.read(node, path, fields);
        } catch (IllegalArgumentException e) {
          // the codecs check every field first, so this is a last line of defence
          throw fields.error(path, String.valueOf(e.getMessage()));
        }
      }
    }
    List<String> types = new ArrayList<>();
    for (TransformCodec codec : CODECS) {
      types.add(codec.type());
    }
    throw fields.error(
        JsonFields.child(path, "type"),
        "expected one of " + String.join(", ", types) + ", found '" + type + "'");
  }

  /** Parses the file and checks the header fields {@code format} and {@code formatVersion}. */
  private static JsonNode readChecked(Path path, JsonFields fields) throws IOException {
    byte[] bytes = Files.readAllBytes(path);
    if (bytes.length == 0) {
      throw fields.error("", "empty file, expected a JSON model document");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(bytes);
    } catch (JacksonException e) {
      throw new ModelFormatException(
          path + ": not valid JSON (truncated or corrupt file?): " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw fields.error(
          "",
          "expected a JSON object at the top level, found "
              + (root == null ? "nothing" : JsonFields.describe(root)));
    }
    JsonNode format = root.get("format");
    if (format == null || !format.isTextual()) {
      throw fields.error(
          "", "not a MetricLearn4J model file: expected field 'format' = '" + FORMAT + "'");
    }
    if (!format.textValue().equals(FORMAT)) {
      throw fields.error("format", "expected '" + FORMAT + "', found '" + format.textValue() + "'");
    }
    int version = fields.integer(root, "", "formatVersion");
    if (version > FORMAT_VERSION) {
      throw fields.error(
          "formatVersion",
          "the file has format version "
              + version
              + ", newer than this library supports (version "
              + FORMAT_VERSION
              + "); read it with a newer MetricLearn4J");
    }
    if (version < 1) {
      throw fields.error(
          "formatVersion", "expected a version in [1, " + FORMAT_VERSION + "], found " + version);
    }
    fields.text(root, "", "libraryVersion");
    return root;
  }

  /**
   * Writes bytes to a new temporary file in the target's directory, forces them to disk and moves
   * the file over the target in one atomic step. On any failure the temporary file is deleted and
   * the target is left as it was.
   */
  static void writeAtomically(Path path, byte[] bytes) throws IOException {
    Path target = path.toAbsolutePath();
    Path dir = target.getParent();
    if (dir == null) {
      throw new IOException(path + ": expected a file path, found a root directory");
    }
    Path temp = createTemp(dir, target.getFileName().toString());
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  private static Path createTemp(Path dir, String name) throws IOException {
    long pid = ProcessHandle.current().pid();
    @Nullable FileAlreadyExistsException last = null;
    for (int attempt = 0; attempt < 100; attempt++) {
      Path temp =
          dir.resolve("." + name + "." + pid + "." + TEMP_COUNTER.incrementAndGet() + ".tmp");
      try {
        return Files.createFile(temp);
      } catch (FileAlreadyExistsException e) {
        last = e;
      }
    }
    throw new IOException("cannot create a temporary file next to " + dir.resolve(name), last);
  }
}
