package org.metriclearn4j.deep.train;

/**
 * Receives the events of a training run, in this order: {@link #onTrainingStart}, {@link
 * #onEpochEnd} for epoch 0 (the untrained network, measured by the evaluators), then for each epoch
 * {@link #onBatchEnd} per batch and {@link #onEpochEnd}, and finally {@link #onTrainingEnd}.
 * Progress display, logging, checkpoints and custom stopping rules are listeners; every method does
 * nothing by default. Listeners run on the training thread.
 */
public interface TrainingListener {
  /**
   * Called once before epoch 0 is measured.
   *
   * @param start what is about to run
   */
  default void onTrainingStart(TrainingStart start) {}

  /**
   * Called after each optimisation step.
   *
   * @param progress the step just done
   */
  default void onBatchEnd(BatchProgress progress) {}

  /**
   * Called after each epoch, and once for epoch 0 before training.
   *
   * @param record the epoch's loss, tuple counts, timings and evaluator measurements
   * @param context access to the current network (embed, snapshot, save) and a stop switch
   */
  default void onEpochEnd(EpochRecord record, EpochContext context) {}

  /**
   * Called once at the end, also after early stopping.
   *
   * @param history every epoch record and why training stopped
   */
  default void onTrainingEnd(TrainingHistory history) {}
}
