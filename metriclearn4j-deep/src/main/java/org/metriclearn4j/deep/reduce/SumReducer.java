package org.metriclearn4j.deep.reduce;

import ai.djl.ndarray.NDArray;

/** The sum of all losses, zero for none (pytorch-metric-learning's {@code SumReducer}). */
public final class SumReducer implements Reducer {

  /** Creates the reducer (it has no settings). */
  public SumReducer() {}

  @Override
  public NDArray reduce(NDArray losses) {
    Reducer.checkVector(losses);
    return losses.sum();
  }

  @Override
  public String name() {
    return "sum";
  }

  @Override
  public String toString() {
    return "SumReducer";
  }
}
