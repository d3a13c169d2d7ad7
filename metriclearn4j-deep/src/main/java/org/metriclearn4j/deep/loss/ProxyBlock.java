package org.metriclearn4j.deep.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.UninitializedParameterException;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * The learned proxies of a proxy loss as a DJL {@link ai.djl.nn.Block}: one parameter named {@code
 * "proxies"} of shape {@code numClasses x embeddingDim}, row {@code c} being the proxy of class
 * {@code c}. Its {@code forward} ignores its inputs and returns the proxies, so the block can be
 * added to a model and saved and loaded with it. See {@link MetricLoss#parameters()} for how a
 * training loop must treat it.
 *
 * <p>The proxies start from a normal distribution of the given standard deviation drawn from a
 * {@code long} seed (not from the engine's random generator), so the same seed gives the same
 * start. The parameter has type {@link Parameter.Type#OTHER}, so initialisers that a training
 * configuration sets for weights do not replace this one.
 */
public final class ProxyBlock extends AbstractBlock {
  private static final byte VERSION = 1;

  private final int numClasses;
  private final int embeddingDim;
  private final Parameter proxies;

  /**
   * Creates the block; its parameter is allocated by {@link #initialize}.
   *
   * @param numClasses the number of classes (proxies), at least 1
   * @param embeddingDim the embedding width, at least 1
   * @param std the standard deviation of the initial proxies, positive
   * @param seed the seed of the initial proxies
   * @throws IllegalArgumentException if a count or the standard deviation is not positive
   */
  public ProxyBlock(int numClasses, int embeddingDim, double std, long seed) {
    super(VERSION);
    if (numClasses < 1) {
      throw new IllegalArgumentException("numClasses must be positive, found " + numClasses);
    }
    if (embeddingDim < 1) {
      throw new IllegalArgumentException("embeddingDim must be positive, found " + embeddingDim);
    }
    LossSupport.checkPositive("std", std);
    this.numClasses = numClasses;
    this.embeddingDim = embeddingDim;
    this.proxies =
        addParameter(
            Parameter.builder()
                .setName("proxies")
                .setType(Parameter.Type.OTHER)
                .optShape(new Shape(numClasses, embeddingDim))
                .optInitializer(new SeededNormal(std, seed))
                .build());
  }

  /**
   * Initialises the proxies on a manager that must outlive training; same as {@code
   * initialize(manager, dataType, new Shape(1))}.
   *
   * @param manager the manager that will own the proxies
   * @param dataType the data type of the proxies, usually float32
   */
  public void initialize(NDManager manager, DataType dataType) {
    initialize(manager, dataType, new Shape(1));
  }

  /**
   * Returns the current proxies, an array in the autograd graph when the block was initialised (DJL
   * then records gradients for it).
   *
   * @return the {@code numClasses x embeddingDim} proxy array
   * @throws IllegalStateException if the block has not been initialised
   */
  public NDArray proxies() {
    try {
      return proxies.getArray();
    } catch (UninitializedParameterException e) {
      throw new IllegalStateException(
          "the proxies of this loss are not initialised: call"
              + " loss.parameters().get().initialize(manager, DataType.FLOAT32, new Shape(1))"
              + " or add the block to the model before computing the loss",
          e);
    }
  }

  /**
   * Returns the number of classes (proxies).
   *
   * @return the number of classes (proxies)
   */
  public int numClasses() {
    return numClasses;
  }

  /**
   * Returns the embedding width.
   *
   * @return the embedding width
   */
  public int embeddingDim() {
    return embeddingDim;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore,
      NDList inputs,
      boolean training,
      @Nullable PairList<String, Object> params) {
    NDArray array = proxies();
    return new NDList(
        parameterStore.getValue(
            proxies, inputs.isEmpty() ? array.getDevice() : inputs.head().getDevice(), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(numClasses, embeddingDim)};
  }

  @Override
  public String toString() {
    return "ProxyBlock[" + numClasses + " x " + embeddingDim + "]";
  }

  /** Normal initial values drawn from a seed. */
  private static final class SeededNormal implements Initializer {
    private final double std;
    private final long seed;

    SeededNormal(double std, long seed) {
      this.std = std;
      this.seed = seed;
    }

    @Override
    public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
      SplittableRandom random = new SplittableRandom(seed);
      float[] values = new float[Math.toIntExact(shape.size())];
      for (int i = 0; i < values.length; i++) {
        values[i] = (float) (random.nextGaussian() * std);
      }
      return LossSupport.fromFloats(manager, dataType, values, shape);
    }
  }
}
