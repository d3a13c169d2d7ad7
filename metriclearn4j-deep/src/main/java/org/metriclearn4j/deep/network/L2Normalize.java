package org.metriclearn4j.deep.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.jspecify.annotations.Nullable;

/**
 * A parameter-free block that scales each row of a {@code [batch, d]} input to unit Euclidean norm:
 * {@code x / max(||x||, 1e-12)}.
 */
public final class L2Normalize extends AbstractBlock {
  private static final float EPSILON = 1e-12f;

  /** Creates the block. */
  public L2Normalize() {
    super((byte) 1);
  }

  /**
   * Normalises the rows of the first input.
   *
   * @param parameterStore unused
   * @param inputs one array of shape {@code [batch, d]}
   * @param training unused
   * @param params unused
   * @return the normalised rows
   */
  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore,
      NDList inputs,
      boolean training,
      @Nullable PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    NDArray norm = x.norm(new int[] {1}, true).maximum(EPSILON);
    return new NDList(x.div(norm));
  }

  /**
   * Returns the input shapes unchanged.
   *
   * @param inputShapes the input shapes
   * @return the same shapes
   */
  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return inputShapes;
  }
}
