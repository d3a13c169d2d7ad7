package org.metriclearn4j.deep.train;

import org.metriclearn4j.deep.model.EmbeddingModel;

/**
 * A trained model and the history of its training. The model owns native memory: close it (or this
 * result) when done.
 *
 * @param model the trained model
 * @param history every epoch record
 */
public record TrainingResult(EmbeddingModel model, TrainingHistory history)
    implements AutoCloseable {
  /** Closes the model. */
  @Override
  public void close() {
    model.close();
  }
}
