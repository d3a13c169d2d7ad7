package org.metriclearn4j.deep.loss;

import org.metriclearn4j.deep.distance.BatchDistance;
import org.metriclearn4j.deep.reduce.Reducer;

/**
 * The settings of the losses with a positive and a negative margin ({@link ContrastiveLoss}, {@link
 * LiftedStructureLoss}): both margins with pytorch-metric-learning's defaults (0 and 1), on top of
 * the distance and reducer of {@link LossBuilder}.
 *
 * @param <B> the concrete builder, returned by the setters for chaining
 */
abstract class TwoMarginLossBuilder<B extends TwoMarginLossBuilder<B>> extends LossBuilder<B> {
  double posMargin = 0;
  double negMargin = 1;

  TwoMarginLossBuilder(BatchDistance defaultDistance, Reducer defaultReducer) {
    super(defaultDistance, defaultReducer);
  }

  /**
   * Sets the positive margin (default 0).
   *
   * @param margin a finite value of the distance
   * @return this builder
   */
  public final B optPosMargin(double margin) {
    this.posMargin = margin;
    return self();
  }

  /**
   * Sets the negative margin (default 1).
   *
   * @param margin a finite value of the distance
   * @return this builder
   */
  public final B optNegMargin(double margin) {
    this.negMargin = margin;
    return self();
  }

  /**
   * Checks both margins.
   *
   * @throws IllegalArgumentException if a margin is not finite
   */
  final void checkMargins() {
    LossSupport.checkFinite("posMargin", posMargin);
    LossSupport.checkFinite("negMargin", negMargin);
  }
}
