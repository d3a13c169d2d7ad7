package org.metriclearn4j.deep.loss;

import java.util.Objects;
import org.metriclearn4j.deep.distance.BatchDistance;
import org.metriclearn4j.deep.reduce.Reducer;

/**
 * The settings that the builders of the tuple losses share: the distance and the reducer of the
 * per-tuple costs, each with its default (stated in the loss's class javadoc) and its null check.
 *
 * @param <B> the concrete builder, returned by the setters for chaining
 */
abstract class LossBuilder<B extends LossBuilder<B>> {
  BatchDistance distance;
  Reducer reducer;

  LossBuilder(BatchDistance defaultDistance, Reducer defaultReducer) {
    this.distance = defaultDistance;
    this.reducer = defaultReducer;
  }

  /**
   * Sets the distance (default: the one stated in the loss's class javadoc).
   *
   * @param distance the distance
   * @return this builder
   */
  public final B optDistance(BatchDistance distance) {
    this.distance = Objects.requireNonNull(distance, "distance");
    return self();
  }

  /**
   * Sets the reducer (default: the one stated in the loss's class javadoc).
   *
   * @param reducer the reducer
   * @return this builder
   */
  public final B optReducer(Reducer reducer) {
    this.reducer = Objects.requireNonNull(reducer, "reducer");
    return self();
  }

  // Every concrete builder B is declared as B extends LossBuilder<B>, so this is a B.
  @SuppressWarnings("unchecked")
  final B self() {
    return (B) this;
  }
}
