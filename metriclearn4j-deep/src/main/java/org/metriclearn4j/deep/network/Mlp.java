package org.metriclearn4j.deep.network;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A multi-layer perceptron embedding network. {@code widths} lists the input width, the hidden
 * widths and the embedding width, e.g. {@code 64-128-32} = input 64, one hidden layer of 128 ReLU
 * units, embedding 32. Each hidden layer is {@code Linear -> [BatchNorm] -> ReLU -> [Dropout]}; the
 * last layer is linear, optionally followed by L2 normalisation of the embedding.
 *
 * <p>Defaults: no batch normalisation, dropout 0, no L2 normalisation. Weights and biases start
 * from {@link FanInUniformInitializer} (PyTorch's default).
 */
public final class Mlp implements NetworkSpec {
  /** The kind written to model files: {@value}. */
  public static final String KIND = "mlp";

  private final int[] widths;
  private final boolean batchNorm;
  private final double dropout;
  private final boolean l2Normalize;

  private Mlp(Builder builder) {
    this.widths = builder.widths.clone();
    this.batchNorm = builder.batchNorm;
    this.dropout = builder.dropout;
    this.l2Normalize = builder.l2Normalize;
  }

  /**
   * Returns a new builder.
   *
   * @return a builder with the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Shortcut for {@code builder().widths(widths).build()}.
   *
   * @param widths input, hidden and embedding widths
   * @return the network
   */
  public static Mlp of(int... widths) {
    return builder().widths(widths).build();
  }

  /** {@return a copy of the widths: input, hidden..., embedding} */
  public int[] widths() {
    return widths.clone();
  }

  /** {@return whether hidden layers use batch normalisation} */
  public boolean batchNorm() {
    return batchNorm;
  }

  /** {@return the dropout rate after each hidden activation} */
  public double dropout() {
    return dropout;
  }

  /** {@return whether the embedding is L2-normalised} */
  public boolean l2Normalize() {
    return l2Normalize;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Shape inputShape() {
    return new Shape(widths[0]);
  }

  @Override
  public int embeddingDim() {
    return widths[widths.length - 1];
  }

  @Override
  public Block newBlock() {
    SequentialBlock block = new SequentialBlock();
    for (int layer = 1; layer < widths.length; layer++) {
      Linear linear = Linear.builder().setUnits(widths[layer]).build();
      FanInUniformInitializer init = new FanInUniformInitializer(widths[layer - 1]);
      linear.setInitializer(init, Parameter.Type.WEIGHT);
      linear.setInitializer(init, Parameter.Type.BIAS);
      block.add(linear);
      if (layer < widths.length - 1) {
        if (batchNorm) {
          block.add(BatchNorm.builder().build());
        }
        block.add(Activation.reluBlock());
        if (dropout > 0.0) {
          block.add(Dropout.builder().optRate((float) dropout).build());
        }
      }
    }
    if (l2Normalize) {
      block.add(new L2Normalize());
    }
    return block;
  }

  @Override
  public Map<String, Object> describe() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("kind", KIND);
    List<Integer> list = new ArrayList<>();
    for (int w : widths) {
      list.add(w);
    }
    map.put("widths", Collections.unmodifiableList(list));
    map.put("batchNorm", batchNorm);
    map.put("dropout", dropout);
    map.put("l2Normalize", l2Normalize);
    return Collections.unmodifiableMap(map);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Mlp other
        && Arrays.equals(widths, other.widths)
        && batchNorm == other.batchNorm
        && Double.compare(dropout, other.dropout) == 0
        && l2Normalize == other.l2Normalize;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(widths) * 31 + Boolean.hashCode(batchNorm);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Mlp[");
    for (int i = 0; i < widths.length; i++) {
      sb.append(i == 0 ? "" : "-").append(widths[i]);
    }
    if (batchNorm) {
      sb.append(", batchNorm");
    }
    if (dropout > 0) {
      sb.append(", dropout=").append(dropout);
    }
    if (l2Normalize) {
      sb.append(", l2Normalize");
    }
    return sb.append(']').toString();
  }

  /** Builder of {@link Mlp}; {@code build()} validates. */
  public static final class Builder {
    private int[] widths = new int[0];
    private boolean batchNorm;
    private double dropout;
    private boolean l2Normalize;

    private Builder() {}

    /**
     * Sets the widths: input, hidden..., embedding (required, at least two, each at least 1).
     *
     * @param widths the widths
     * @return this builder
     */
    public Builder widths(int... widths) {
      this.widths = widths.clone();
      return this;
    }

    /**
     * Adds batch normalisation after each hidden linear layer (default off).
     *
     * @param batchNorm whether to add it
     * @return this builder
     */
    public Builder batchNorm(boolean batchNorm) {
      this.batchNorm = batchNorm;
      return this;
    }

    /**
     * Sets the dropout rate after each hidden activation (default 0 = none).
     *
     * @param dropout in {@code [0, 1)}
     * @return this builder
     */
    public Builder dropout(double dropout) {
      this.dropout = dropout;
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
     * @throws IllegalArgumentException if fewer than two widths, a width below 1, or dropout
     *     outside {@code [0, 1)}
     */
    public Mlp build() {
      if (widths.length < 2) {
        throw new IllegalArgumentException(
            "widths: expected at least two (input and embedding), found "
                + Arrays.toString(widths));
      }
      for (int w : widths) {
        if (w < 1) {
          throw new IllegalArgumentException(
              "widths: expected every width >= 1, found " + Arrays.toString(widths));
        }
      }
      if (!(dropout >= 0.0 && dropout < 1.0)) {
        throw new IllegalArgumentException("dropout: expected a rate in [0, 1), found " + dropout);
      }
      return new Mlp(this);
    }
  }
}
