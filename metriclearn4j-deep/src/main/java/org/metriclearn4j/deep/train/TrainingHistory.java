package org.metriclearn4j.deep.train;

import java.util.List;
import java.util.Optional;

/**
 * Every epoch record of a run, from epoch 0, and how the run ended.
 *
 * @param epochs the records, epoch 0 first
 * @param stopReason why training stopped early, or empty if it ran every epoch
 * @param bestEpoch the epoch whose parameters the trained model holds (the last epoch, or the best
 *     one when early stopping restored it)
 */
public record TrainingHistory(
    List<EpochRecord> epochs, Optional<String> stopReason, int bestEpoch) {
  /**
   * Copies the records.
   *
   * @param epochs the records, epoch 0 first
   * @param stopReason why training stopped early, or empty if it ran every epoch
   * @param bestEpoch the epoch whose parameters the trained model holds (the last epoch, or the
   *     best one when early stopping restored it)
   */
  public TrainingHistory {
    epochs = List.copyOf(epochs);
  }

  /**
   * Returns the record of one epoch.
   *
   * @param epoch the epoch, 0 for the untrained network
   * @return its record
   * @throws IllegalArgumentException if the run did not reach that epoch
   */
  public EpochRecord epoch(int epoch) {
    if (epoch < 0 || epoch >= epochs.size()) {
      throw new IllegalArgumentException(
          "epoch: expected 0.." + (epochs.size() - 1) + ", found " + epoch);
    }
    return epochs.get(epoch);
  }

  /** {@return the number of epochs trained (not counting epoch 0)} */
  public int epochsRun() {
    return epochs.size() - 1;
  }

  /**
   * Returns one metric over all epochs, epoch 0 first.
   *
   * @param name the metric's name
   * @return its values
   * @throws IllegalArgumentException if an epoch lacks it
   */
  public double[] metric(String name) {
    return epochs.stream().mapToDouble(r -> r.metric(name)).toArray();
  }

  /**
   * Returns the mean training loss of epochs 1.., in order.
   *
   * @return one value per trained epoch
   */
  public double[] losses() {
    return epochs.stream().skip(1).mapToDouble(r -> r.meanLoss().orElseThrow()).toArray();
  }
}
