package org.metriclearn4j.deep.reduce;

import ai.djl.ndarray.NDArray;

/** The mean of all losses, zero for none (pytorch-metric-learning's {@code MeanReducer}). */
public final class MeanReducer implements Reducer {

  /** Creates the reducer (it has no settings). */
  public MeanReducer() {}

  @Override
  public NDArray reduce(NDArray losses) {
    Reducer.checkVector(losses);
    long n = losses.getShape().get(0);
    // The sum of an empty vector is a zero that is still connected to the graph.
    return n == 0 ? losses.sum() : losses.sum().div(n);
  }

  @Override
  public String name() {
    return "mean";
  }

  @Override
  public String toString() {
    return "MeanReducer";
  }
}
