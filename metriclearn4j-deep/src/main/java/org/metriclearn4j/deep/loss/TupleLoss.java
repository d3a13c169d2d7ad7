package org.metriclearn4j.deep.loss;

import org.metriclearn4j.deep.distance.BatchDistance;
import org.metriclearn4j.deep.reduce.Reducer;

/**
 * What the tuple losses share: the distance between embeddings and the reducer of the per-tuple
 * costs (both set through {@link LossBuilder}), the {@link #distance()} accessor and a {@code
 * toString} that lists the loss's own settings before these two.
 */
abstract class TupleLoss implements MetricLoss {
  final BatchDistance distance;
  final Reducer reducer;

  TupleLoss(LossBuilder<?> builder) {
    this.distance = builder.distance;
    this.reducer = builder.reducer;
  }

  /**
   * Returns the loss's own settings as {@code name=value} items separated by {@code ", "}, or an
   * empty string if it has none.
   *
   * @return the settings
   */
  abstract String settings();

  @Override
  public final BatchDistance distance() {
    return distance;
  }

  @Override
  public final String toString() {
    String own = settings();
    return getClass().getSimpleName()
        + "["
        + (own.isEmpty() ? "" : own + ", ")
        + "distance="
        + distance
        + ", reducer="
        + reducer
        + "]";
  }
}
