package org.metriclearn4j.deep.reduce;

import ai.djl.ndarray.NDArray;

/**
 * The mean of the strictly positive losses, zero when none is positive (pytorch-metric-learning's
 * {@code AvgNonZeroReducer}). With hinge losses this averages over the tuples that still violate
 * their margin, so the loss does not shrink just because most tuples are already satisfied.
 */
public final class MeanOverNonZeroReducer implements Reducer {

  /** Creates the reducer (it has no settings). */
  public MeanOverNonZeroReducer() {}

  @Override
  public NDArray reduce(NDArray losses) {
    Reducer.checkVector(losses);
    NDArray positive = losses.gt(0).toType(losses.getDataType(), false);
    NDArray count = positive.sum().maximum(1);
    // When no loss is positive the masked sum is zero; dividing by one keeps it zero and connected.
    return losses.mul(positive).sum().div(count);
  }

  @Override
  public String name() {
    return "mean-over-non-zero";
  }

  @Override
  public String toString() {
    return "MeanOverNonZeroReducer";
  }
}
