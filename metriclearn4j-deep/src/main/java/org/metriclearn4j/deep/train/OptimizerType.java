package org.metriclearn4j.deep.train;

/** The optimisers {@link MetricTrainer} offers. */
public enum OptimizerType {
  /**
   * Adam (Kingma and Ba, "Adam: a method for stochastic optimization", ICLR 2015) with {@code beta1
   * = 0.9}, {@code beta2 = 0.999}, {@code epsilon = 1e-8}.
   */
  ADAM,
  /** Stochastic gradient descent with (heavy-ball) momentum. */
  SGD
}
