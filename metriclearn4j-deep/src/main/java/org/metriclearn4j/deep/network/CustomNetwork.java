package org.metriclearn4j.deep.network;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Any DJL {@link Block} as an embedding network. The factory must return a new, uninitialised block
 * on every call. Model files record the name, input shape and embedding dimension; loading such a
 * file needs the same {@code CustomNetwork} again, since a factory cannot be written to a file.
 */
public final class CustomNetwork implements NetworkSpec {
  /** The kind written to model files: {@value}. */
  public static final String KIND = "custom";

  private final String name;
  private final Shape inputShape;
  private final int embeddingDim;
  private final Supplier<Block> factory;

  private CustomNetwork(String name, Shape inputShape, int embeddingDim, Supplier<Block> factory) {
    this.name = name;
    this.inputShape = inputShape;
    this.embeddingDim = embeddingDim;
    this.factory = factory;
  }

  /**
   * Wraps a block factory.
   *
   * @param name a name identifying the architecture in model files; not blank
   * @param inputShape the shape of one input sample, without the batch dimension
   * @param embeddingDim the output width, at least 1
   * @param factory returns a new, uninitialised block mapping {@code [batch, inputShape...]} to
   *     {@code [batch, embeddingDim]}
   * @return the network description
   * @throws IllegalArgumentException if the name is blank, the shape empty or has a dimension below
   *     1, or the embedding dimension is below 1
   */
  public static CustomNetwork of(
      String name, Shape inputShape, int embeddingDim, Supplier<Block> factory) {
    if (name.isBlank()) {
      throw new IllegalArgumentException("name: expected text, found a blank string");
    }
    if (inputShape.dimension() == 0 || inputShape.getShape().length == 0) {
      throw new IllegalArgumentException("inputShape: expected at least one dimension, found none");
    }
    for (long d : inputShape.getShape()) {
      if (d < 1) {
        throw new IllegalArgumentException(
            "inputShape: expected dimensions >= 1, found " + inputShape);
      }
    }
    if (embeddingDim < 1) {
      throw new IllegalArgumentException("embeddingDim: expected >= 1, found " + embeddingDim);
    }
    return new CustomNetwork(name, inputShape, embeddingDim, factory);
  }

  /** {@return the architecture's name} */
  public String name() {
    return name;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Shape inputShape() {
    return inputShape;
  }

  @Override
  public int embeddingDim() {
    return embeddingDim;
  }

  @Override
  public Block newBlock() {
    return factory.get();
  }

  @Override
  public Map<String, Object> describe() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("kind", KIND);
    map.put("name", name);
    List<Long> shape = new ArrayList<>();
    for (long d : inputShape.getShape()) {
      shape.add(d);
    }
    map.put("inputShape", Collections.unmodifiableList(shape));
    map.put("embeddingDim", embeddingDim);
    return Collections.unmodifiableMap(map);
  }

  @Override
  public String toString() {
    return "CustomNetwork" + describe();
  }
}
