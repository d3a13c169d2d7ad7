package org.metriclearn4j.deep.loss;

/**
 * What the losses with a positive and a negative margin ({@link ContrastiveLoss}, {@link
 * LiftedStructureLoss}) share on top of {@link TupleLoss}: both margins, set through {@link
 * TwoMarginLossBuilder}, and their {@code toString} settings.
 */
abstract class TwoMarginLoss extends TupleLoss {
  final double posMargin;
  final double negMargin;

  TwoMarginLoss(TwoMarginLossBuilder<?> builder) {
    super(builder);
    this.posMargin = builder.posMargin;
    this.negMargin = builder.negMargin;
  }

  @Override
  final String settings() {
    return "posMargin=" + posMargin + ", negMargin=" + negMargin;
  }
}
