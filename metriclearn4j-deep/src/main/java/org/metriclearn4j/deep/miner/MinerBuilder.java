package org.metriclearn4j.deep.miner;

import java.util.Objects;
import org.metriclearn4j.deep.distance.BatchDistance;

/**
 * The setting that the builders of the distance-based miners share: the distance, with its default
 * (stated in the miner's class javadoc) and its null check.
 *
 * @param <B> the concrete builder, returned by the setter for chaining
 */
abstract class MinerBuilder<B extends MinerBuilder<B>> {
  BatchDistance distance;

  MinerBuilder(BatchDistance defaultDistance) {
    this.distance = defaultDistance;
  }

  /**
   * Sets the distance (default: the one stated in the miner's class javadoc).
   *
   * @param distance the distance
   * @return this builder
   */
  public final B optDistance(BatchDistance distance) {
    this.distance = Objects.requireNonNull(distance, "distance");
    return self();
  }

  // Every concrete builder B is declared as B extends MinerBuilder<B>, so this is a B.
  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }
}
