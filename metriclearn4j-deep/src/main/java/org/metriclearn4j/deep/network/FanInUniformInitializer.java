package org.metriclearn4j.deep.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;

/**
 * Draws every value uniformly from {@code [-1/sqrt(fanIn), 1/sqrt(fanIn)]}, the default
 * initialisation of PyTorch's linear and convolution layers for weights and biases (Kaiming-uniform
 * with {@code a = sqrt(5)}; He et al., "Delving deep into rectifiers", ICCV 2015), so that networks
 * start as the reference implementations do. {@code fanIn} is the number of inputs of one output
 * unit: the input width of a linear layer, {@code inChannels * kernelHeight * kernelWidth} of a
 * convolution. Random numbers come from the engine's generator, seeded by {@link
 * org.metriclearn4j.deep.DjlRuntime#setSeed(long)}.
 */
public final class FanInUniformInitializer implements Initializer {
  private final long fanIn;

  /**
   * Creates the initialiser.
   *
   * @param fanIn inputs per output unit, at least 1
   * @throws IllegalArgumentException if {@code fanIn < 1}
   */
  public FanInUniformInitializer(long fanIn) {
    if (fanIn < 1) {
      throw new IllegalArgumentException("fanIn: expected >= 1, found " + fanIn);
    }
    this.fanIn = fanIn;
  }

  /**
   * Fills a new array of the given shape.
   *
   * @param manager owns the result
   * @param shape the parameter's shape
   * @param dataType the parameter's type
   * @return uniform values in {@code [-1/sqrt(fanIn), 1/sqrt(fanIn)]}
   */
  @Override
  public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
    float bound = (float) (1.0 / Math.sqrt((double) fanIn));
    return manager.randomUniform(-bound, bound, shape, dataType);
  }
}
