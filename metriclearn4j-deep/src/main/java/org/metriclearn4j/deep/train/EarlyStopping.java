package org.metriclearn4j.deep.train;

/**
 * Stops training when a watched measurement has not improved for {@code patience} epochs, and
 * optionally gives back the parameters of the best epoch (Prechelt, "Early stopping - but when?",
 * in Neural Networks: Tricks of the Trade, 1998). The measurement is any evaluator metric (e.g.
 * validation {@code "map_at_r"}, to maximise) or {@value #TRAIN_LOSS}, the mean training loss (to
 * minimise). Epoch 0 counts as a candidate for evaluator metrics, so a run in which training only
 * hurts returns the untrained network when {@code restoreBest} is set.
 *
 * @param metric the measurement to watch
 * @param maximize whether larger is better
 * @param patience epochs without improvement before stopping, at least 1
 * @param minDelta the smallest change that counts as an improvement, at least 0
 * @param restoreBest whether the trained model gets the parameters of the best epoch
 */
public record EarlyStopping(
    String metric, boolean maximize, int patience, double minDelta, boolean restoreBest) {
  /** The name under which the mean training loss can be watched: {@value}. */
  public static final String TRAIN_LOSS = "train_loss";

  /**
   * Validates the settings.
   *
   * @param metric the measurement to watch
   * @param maximize whether larger is better
   * @param patience epochs without improvement before stopping, at least 1
   * @param minDelta the smallest change that counts as an improvement, at least 0
   * @param restoreBest whether the trained model gets the parameters of the best epoch
   * @throws IllegalArgumentException if the metric is blank, patience below 1 or minDelta negative
   *     or not finite
   */
  public EarlyStopping {
    if (metric.isBlank()) {
      throw new IllegalArgumentException("metric: expected a metric name, found a blank string");
    }
    if (patience < 1) {
      throw new IllegalArgumentException("patience: expected >= 1, found " + patience);
    }
    if (!(minDelta >= 0.0) || Double.isInfinite(minDelta)) {
      throw new IllegalArgumentException(
          "minDelta: expected a finite value >= 0, found " + minDelta);
    }
  }

  /**
   * Watches a metric to maximise, with {@code minDelta = 0} and the best epoch restored.
   *
   * @param metric e.g. {@code "map_at_r"}
   * @param patience epochs without improvement before stopping
   * @return the rule
   */
  public static EarlyStopping maximize(String metric, int patience) {
    return new EarlyStopping(metric, true, patience, 0.0, true);
  }

  /**
   * Watches a metric to minimise, with {@code minDelta = 0} and the best epoch restored.
   *
   * @param metric e.g. {@value #TRAIN_LOSS}
   * @param patience epochs without improvement before stopping
   * @return the rule
   */
  public static EarlyStopping minimize(String metric, int patience) {
    return new EarlyStopping(metric, false, patience, 0.0, true);
  }

  /**
   * Returns a copy with another minimum improvement.
   *
   * @param delta at least 0
   * @return the new rule
   */
  public EarlyStopping withMinDelta(double delta) {
    return new EarlyStopping(metric, maximize, patience, delta, restoreBest);
  }

  /**
   * Returns a copy that does or does not restore the best epoch.
   *
   * @param restore whether to restore
   * @return the new rule
   */
  public EarlyStopping withRestoreBest(boolean restore) {
    return new EarlyStopping(metric, maximize, patience, minDelta, restore);
  }

  /** Tells whether {@code candidate} improves on {@code best} by more than {@code minDelta}. */
  boolean improves(double candidate, double best) {
    return maximize ? candidate > best + minDelta : candidate < best - minDelta;
  }
}
