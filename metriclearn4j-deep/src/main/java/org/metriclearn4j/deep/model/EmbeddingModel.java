package org.metriclearn4j.deep.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.metriclearn4j.deep.DjlRuntime;
import org.metriclearn4j.deep.data.Preprocessing;
import org.metriclearn4j.deep.data.TensorDataset;
import org.metriclearn4j.deep.network.NetworkSpec;
import org.metriclearn4j.metric.Provenance;

/**
 * A trained embedding network: its architecture ({@link NetworkSpec}), its parameters, the {@link
 * Preprocessing} of raw inputs and where it came from ({@link Provenance}). It maps raw samples to
 * embeddings; the parameters never change after construction.
 *
 * <p>The parameters live in native memory owned by this object: {@link #close()} frees them, after
 * which every method but the accessors of plain data throws {@link IllegalStateException}. The
 * embedding methods are synchronised, so one model can serve several threads (one at a time).
 * Networks run in inference mode: batch normalisation uses its running statistics and dropout is
 * off.
 */
public final class EmbeddingModel implements AutoCloseable {
  private static final int CHUNK = 1024;

  private final NetworkSpec network;
  private final Preprocessing preprocessing;
  private final Provenance provenance;
  private final NDManager manager;
  private final Block block;
  private final ParameterStore store;
  private final Map<String, Shape> parameterShapes;
  private boolean closed;

  private EmbeddingModel(
      NetworkSpec network,
      Preprocessing preprocessing,
      Provenance provenance,
      NDManager manager,
      Block block) {
    this.network = network;
    this.preprocessing = preprocessing;
    this.provenance = provenance;
    this.manager = manager;
    this.block = block;
    this.store = new ParameterStore(manager, false);
    this.parameterShapes = shapesOf(block);
  }

  /**
   * Builds a model from parameters in DJL's format ({@link Block#saveParameters}).
   *
   * @param network the architecture
   * @param preprocessing the map from raw inputs to network inputs
   * @param provenance where the parameters came from
   * @param parameters the serialised parameters of a block built by {@code network}
   * @return the model
   * @throws IllegalArgumentException if the parameters do not fit the architecture
   */
  public static EmbeddingModel fromParameters(
      NetworkSpec network, Preprocessing preprocessing, Provenance provenance, byte[] parameters) {
    NDManager manager = DjlRuntime.newManager();
    try {
      Block block = network.newBlock();
      block.initialize(manager, DataType.FLOAT32, batchShape(network.inputShape(), 1));
      Map<String, Shape> expected = shapesOf(block);
      try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(parameters))) {
        block.loadParameters(manager, in);
        if (in.read() != -1) {
          throw new IllegalArgumentException(
              "parameters: unexpected bytes after the parameters of " + network);
        }
      } catch (IOException | MalformedModelException | RuntimeException e) {
        if (e instanceof IllegalArgumentException iae) {
          throw iae;
        }
        throw new IllegalArgumentException(
            "parameters: could not be read as parameters of " + network + ": " + e.getMessage(), e);
      }
      Map<String, Shape> found = shapesOf(block);
      if (!expected.equals(found)) {
        throw new IllegalArgumentException(
            "parameters: shapes "
                + found
                + " do not match those of "
                + network
                + ", expected "
                + expected);
      }
      return new EmbeddingModel(network, preprocessing, provenance, manager, block);
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  /**
   * Builds a model with freshly initialised (untrained) parameters, e.g. as a baseline.
   *
   * @param network the architecture
   * @param preprocessing the map from raw inputs to network inputs
   * @param seed seeds the engine's generator before initialisation
   * @return the untrained model
   */
  public static EmbeddingModel untrained(
      NetworkSpec network, Preprocessing preprocessing, long seed) {
    DjlRuntime.setSeed(seed);
    NDManager manager = DjlRuntime.newManager();
    try {
      Block block = network.newBlock();
      block.initialize(manager, DataType.FLOAT32, batchShape(network.inputShape(), 1));
      Provenance provenance =
          new Provenance(
              "untrained",
              Map.of("network", network.toString()),
              0,
              (int) network.inputShape().size(),
              seed);
      return new EmbeddingModel(network, preprocessing, provenance, manager, block);
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  static Shape batchShape(Shape sampleShape, long batch) {
    long[] dims = new long[sampleShape.dimension() + 1];
    dims[0] = batch;
    System.arraycopy(sampleShape.getShape(), 0, dims, 1, sampleShape.dimension());
    return new Shape(dims);
  }

  static Map<String, Shape> shapesOf(Block block) {
    Map<String, Shape> shapes = new LinkedHashMap<>();
    for (Pair<String, Parameter> p : block.getParameters()) {
      Parameter parameter = p.getValue();
      shapes.put(
          p.getKey(), parameter.isInitialized() ? parameter.getArray().getShape() : new Shape(-1));
    }
    return Collections.unmodifiableMap(shapes);
  }

  /** {@return the architecture} */
  public NetworkSpec network() {
    return network;
  }

  /** {@return the preprocessing applied to raw inputs by {@link #embed(double[][])}} */
  public Preprocessing preprocessing() {
    return preprocessing;
  }

  /** {@return where the model came from} */
  public Provenance provenance() {
    return provenance;
  }

  /** {@return the embedding dimension} */
  public int embeddingDim() {
    return network.embeddingDim();
  }

  /** {@return the number of input values per sample (the product of the input shape)} */
  public int inputSize() {
    return (int) network.inputShape().size();
  }

  /** {@return the name and shape of every parameter, in the block's order} */
  public Map<String, Shape> parameterShapes() {
    return parameterShapes;
  }

  /**
   * Embeds raw samples: applies the preprocessing, then the network.
   *
   * @param raw {@code n} rows of {@link #inputSize()} raw values (flattened row-major for images)
   * @return {@code n} embeddings of {@link #embeddingDim()} values
   * @throws IllegalArgumentException if a row has the wrong length or a value is not finite
   */
  public double[][] embed(double[][] raw) {
    int d = inputSize();
    float[] flat = new float[raw.length * d];
    for (int i = 0; i < raw.length; i++) {
      checkRow(i, raw[i].length);
      for (int j = 0; j < d; j++) {
        double v = raw[i][j];
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException(
              "raw: expected finite values, found " + v + " at row " + i + ", column " + j);
        }
        flat[i * d + j] = (float) preprocessing.apply(v);
      }
    }
    float[] out = embedPreprocessed(flat, raw.length);
    int k = embeddingDim();
    double[][] result = new double[raw.length][k];
    for (int i = 0; i < raw.length; i++) {
      for (int j = 0; j < k; j++) {
        result[i][j] = out[i * k + j];
      }
    }
    return result;
  }

  /**
   * Embeds raw samples given as {@code float}: applies the preprocessing, then the network.
   *
   * @param raw {@code n} rows of {@link #inputSize()} raw values
   * @return {@code n} embeddings
   * @throws IllegalArgumentException if a row has the wrong length or a value is not finite
   */
  public float[][] embed(float[][] raw) {
    int d = inputSize();
    float[] flat = new float[raw.length * d];
    for (int i = 0; i < raw.length; i++) {
      checkRow(i, raw[i].length);
      for (int j = 0; j < d; j++) {
        float v = raw[i][j];
        if (!Float.isFinite(v)) {
          throw new IllegalArgumentException(
              "raw: expected finite values, found " + v + " at row " + i + ", column " + j);
        }
        flat[i * d + j] = (float) preprocessing.apply(v);
      }
    }
    return toRows(embedPreprocessed(flat, raw.length), raw.length);
  }

  /**
   * Embeds a dataset whose values are already preprocessed.
   *
   * @param data samples of this model's input size, produced with this model's preprocessing
   * @return one embedding per sample
   * @throws IllegalArgumentException if the sample size or the preprocessing differs
   */
  public float[][] embed(TensorDataset data) {
    if (data.featureSize() != inputSize()) {
      throw new IllegalArgumentException(
          "data: expected samples of "
              + inputSize()
              + " values (input shape "
              + network.inputShape()
              + "), found "
              + data.featureSize()
              + " ("
              + Arrays.toString(data.sampleShape())
              + ")");
    }
    if (!data.preprocessing().equals(preprocessing)) {
      throw new IllegalArgumentException(
          "data: expected values preprocessed with "
              + preprocessing
              + ", found "
              + data.preprocessing());
    }
    return toRows(embedPreprocessed(data.values(), data.size()), data.size());
  }

  /**
   * Runs the network on inputs that are already preprocessed.
   *
   * @param inputs {@code n * inputSize()} values, sample after sample
   * @param n the number of samples
   * @return {@code n * embeddingDim()} values, embedding after embedding
   * @throws IllegalArgumentException if the length is not {@code n * inputSize()}
   * @throws IllegalStateException if the model is closed
   */
  public synchronized float[] embedPreprocessed(float[] inputs, int n) {
    if (closed) {
      throw new IllegalStateException("the model is closed");
    }
    int d = inputSize();
    if (n < 0 || (long) n * d != inputs.length) {
      throw new IllegalArgumentException(
          "inputs: expected "
              + n
              + " x "
              + d
              + " = "
              + ((long) n * d)
              + " values, found "
              + inputs.length);
    }
    int k = embeddingDim();
    float[] out = new float[n * k];
    for (int start = 0; start < n; start += CHUNK) {
      int count = Math.min(CHUNK, n - start);
      try (NDManager scope = manager.newSubManager()) {
        NDArray x =
            scope.create(
                Arrays.copyOfRange(inputs, start * d, (start + count) * d),
                batchShape(network.inputShape(), count));
        NDList result = block.forward(store, new NDList(x), false);
        NDArray y = result.singletonOrThrow();
        if (y.getShape().dimension() != 2 || y.getShape().get(1) != k) {
          throw new IllegalStateException(
              "network "
                  + network
                  + " produced shape "
                  + y.getShape()
                  + ", expected ("
                  + count
                  + ", "
                  + k
                  + ")");
        }
        float[] values = y.toFloatArray();
        result.close();
        System.arraycopy(values, 0, out, start * k, count * k);
      }
    }
    return out;
  }

  /**
   * Returns the parameters in DJL's format ({@link Block#saveParameters}).
   *
   * @return the serialised parameters
   * @throws IllegalStateException if the model is closed
   */
  public synchronized byte[] parameterBytes() {
    if (closed) {
      throw new IllegalStateException("the model is closed");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      block.saveParameters(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private void checkRow(int i, int length) {
    if (length != inputSize()) {
      throw new IllegalArgumentException(
          "raw: expected rows of "
              + inputSize()
              + " values (input shape "
              + network.inputShape()
              + "), found "
              + length
              + " at row "
              + i);
    }
  }

  private float[][] toRows(float[] flat, int n) {
    int k = embeddingDim();
    float[][] rows = new float[n][];
    for (int i = 0; i < n; i++) {
      rows[i] = Arrays.copyOfRange(flat, i * k, (i + 1) * k);
    }
    return rows;
  }

  /** Frees the native parameters. Idempotent. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      manager.close();
    }
  }

  @Override
  public String toString() {
    return "EmbeddingModel["
        + network
        + ", preprocessing="
        + preprocessing.description()
        + ", learner="
        + provenance.learner()
        + "]";
  }
}
