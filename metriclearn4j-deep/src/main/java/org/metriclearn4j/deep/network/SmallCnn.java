package org.metriclearn4j.deep.network;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small convolutional embedding network for grey images such as MNIST's 28x28:
 *
 * <pre>
 * conv k x k, c1 filters -> [BatchNorm] -> ReLU -> max-pool 2x2
 * conv k x k, c2 filters -> [BatchNorm] -> ReLU -> max-pool 2x2
 * flatten -> linear (hidden) -> ReLU -> linear (embeddingDim) -> [L2 normalise]
 * </pre>
 *
 * <p>Defaults: input {@code 1 x 28 x 28}, kernel 5, {@code c1 = 32}, {@code c2 = 64}, hidden 128,
 * embedding 64, no batch normalisation, no L2 normalisation (for 28x28 the flattened features are
 * {@code 64 * 4 * 4 = 1024}). Weights and biases start from {@link FanInUniformInitializer}.
 */
public final class SmallCnn implements NetworkSpec {
  /** The kind written to model files: {@value}. */
  public static final String KIND = "small-cnn";

  private final int channels;
  private final int height;
  private final int width;
  private final int kernel;
  private final int filters1;
  private final int filters2;
  private final int hidden;
  private final int embeddingDim;
  private final boolean batchNorm;
  private final boolean l2Normalize;

  private SmallCnn(Builder b) {
    this.channels = b.channels;
    this.height = b.height;
    this.width = b.width;
    this.kernel = b.kernel;
    this.filters1 = b.filters1;
    this.filters2 = b.filters2;
    this.hidden = b.hidden;
    this.embeddingDim = b.embeddingDim;
    this.batchNorm = b.batchNorm;
    this.l2Normalize = b.l2Normalize;
  }

  /**
   * Returns a new builder with the defaults.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Shape inputShape() {
    return new Shape(channels, height, width);
  }

  @Override
  public int embeddingDim() {
    return embeddingDim;
  }

  /** {@return the number of features after the second pooling, the input of the hidden layer} */
  public int flattenedSize() {
    return filters2 * pooledSize(height, kernel) * pooledSize(width, kernel);
  }

  private static int pooledSize(int size, int kernel) {
    int afterFirst = (size - kernel + 1) / 2;
    return (afterFirst - kernel + 1) / 2;
  }

  @Override
  public Block newBlock() {
    SequentialBlock block = new SequentialBlock();
    Conv2d conv1 =
        Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).setFilters(filters1).build();
    initialise(conv1, (long) channels * kernel * kernel);
    block.add(conv1);
    if (batchNorm) {
      block.add(BatchNorm.builder().build());
    }
    block.add(Activation.reluBlock());
    block.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
    Conv2d conv2 =
        Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).setFilters(filters2).build();
    initialise(conv2, (long) filters1 * kernel * kernel);
    block.add(conv2);
    if (batchNorm) {
      block.add(BatchNorm.builder().build());
    }
    block.add(Activation.reluBlock());
    block.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
    block.add(Blocks.batchFlattenBlock());
    Linear fc1 = Linear.builder().setUnits(hidden).build();
    initialise(fc1, flattenedSize());
    block.add(fc1);
    block.add(Activation.reluBlock());
    Linear fc2 = Linear.builder().setUnits(embeddingDim).build();
    initialise(fc2, hidden);
    block.add(fc2);
    if (l2Normalize) {
      block.add(new L2Normalize());
    }
    return block;
  }

  private static void initialise(Block layer, long fanIn) {
    FanInUniformInitializer init = new FanInUniformInitializer(fanIn);
    layer.setInitializer(init, Parameter.Type.WEIGHT);
    layer.setInitializer(init, Parameter.Type.BIAS);
  }

  @Override
  public Map<String, Object> describe() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("kind", KIND);
    map.put("inputShape", List.of(channels, height, width));
    map.put("kernel", kernel);
    map.put("filters1", filters1);
    map.put("filters2", filters2);
    map.put("hidden", hidden);
    map.put("embeddingDim", embeddingDim);
    map.put("batchNorm", batchNorm);
    map.put("l2Normalize", l2Normalize);
    return Collections.unmodifiableMap(map);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SmallCnn other && describe().equals(other.describe());
  }

  @Override
  public int hashCode() {
    return describe().hashCode();
  }

  @Override
  public String toString() {
    return "SmallCnn" + describe();
  }

  /** Builder of {@link SmallCnn}; {@code build()} validates. */
  public static final class Builder {
    private int channels = 1;
    private int height = 28;
    private int width = 28;
    private int kernel = 5;
    private int filters1 = 32;
    private int filters2 = 64;
    private int hidden = 128;
    private int embeddingDim = 64;
    private boolean batchNorm;
    private boolean l2Normalize;

    private Builder() {}

    /**
     * Sets the input shape (default {@code 1 x 28 x 28}).
     *
     * @param channels input channels
     * @param height image height
     * @param width image width
     * @return this builder
     */
    public Builder inputShape(int channels, int height, int width) {
      this.channels = channels;
      this.height = height;
      this.width = width;
      return this;
    }

    /**
     * Sets the square kernel size of both convolutions (default 5).
     *
     * @param kernel the size
     * @return this builder
     */
    public Builder kernel(int kernel) {
      this.kernel = kernel;
      return this;
    }

    /**
     * Sets the filters of the two convolutions (default 32 and 64).
     *
     * @param first filters of the first
     * @param second filters of the second
     * @return this builder
     */
    public Builder filters(int first, int second) {
      this.filters1 = first;
      this.filters2 = second;
      return this;
    }

    /**
     * Sets the width of the hidden linear layer (default 128).
     *
     * @param hidden the width
     * @return this builder
     */
    public Builder hidden(int hidden) {
      this.hidden = hidden;
      return this;
    }

    /**
     * Sets the embedding dimension (default 64).
     *
     * @param embeddingDim the dimension
     * @return this builder
     */
    public Builder embeddingDim(int embeddingDim) {
      this.embeddingDim = embeddingDim;
      return this;
    }

    /**
     * Adds batch normalisation after each convolution (default off).
     *
     * @param batchNorm whether to add it
     * @return this builder
     */
    public Builder batchNorm(boolean batchNorm) {
      this.batchNorm = batchNorm;
      return this;
    }

    /**
     * L2-normalises the embedding (default off).
     *
     * @param l2Normalize whether to normalise
     * @return this builder
     */
    public Builder l2Normalize(boolean l2Normalize) {
      this.l2Normalize = l2Normalize;
      return this;
    }

    /**
     * Validates and builds.
     *
     * @return the network description
     * @throws IllegalArgumentException if a size is below 1 or the image is too small for two
     *     convolutions and poolings
     */
    public SmallCnn build() {
      requirePositive("channels", channels);
      requirePositive("height", height);
      requirePositive("width", width);
      requirePositive("kernel", kernel);
      requirePositive("filters1", filters1);
      requirePositive("filters2", filters2);
      requirePositive("hidden", hidden);
      requirePositive("embeddingDim", embeddingDim);
      if (pooledSize(height, kernel) < 1 || pooledSize(width, kernel) < 1) {
        throw new IllegalArgumentException(
            "inputShape: a "
                + height
                + "x"
                + width
                + " image is too small for two "
                + kernel
                + "x"
                + kernel
                + " convolutions each followed by 2x2 pooling");
      }
      return new SmallCnn(this);
    }

    private static void requirePositive(String name, int value) {
      if (value < 1) {
        throw new IllegalArgumentException(name + ": expected >= 1, found " + value);
      }
    }
  }
}
