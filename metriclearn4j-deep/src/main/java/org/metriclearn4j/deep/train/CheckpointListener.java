package org.metriclearn4j.deep.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Saves the network every {@code every} epochs as {@code epoch-NNN.json} / {@code .params} in a
 * directory (see {@link org.metriclearn4j.deep.model.EmbeddingModelFiles}), and after the last
 * epoch.
 */
public final class CheckpointListener implements TrainingListener {
  private final Path directory;
  private final int every;
  private int maxEpochs;

  private CheckpointListener(Path directory, int every) {
    this.directory = directory;
    this.every = every;
  }

  /**
   * Creates the listener.
   *
   * @param directory where to write; created if missing
   * @param every save every this many epochs, at least 1
   * @return the listener
   * @throws IllegalArgumentException if {@code every < 1}
   */
  public static CheckpointListener every(Path directory, int every) {
    if (every < 1) {
      throw new IllegalArgumentException("every: expected >= 1, found " + every);
    }
    return new CheckpointListener(directory, every);
  }

  /**
   * Returns the sidecar path of one epoch's checkpoint.
   *
   * @param epoch the epoch
   * @return {@code directory/epoch-NNN.json}
   */
  public Path checkpoint(int epoch) {
    return directory.resolve(String.format(Locale.ROOT, "epoch-%03d.json", epoch));
  }

  @Override
  public void onTrainingStart(TrainingStart start) {
    maxEpochs = start.epochs();
  }

  /**
   * Saves the network when the epoch is a multiple of {@code every} or the last one.
   *
   * @throws UncheckedIOException if writing fails
   */
  @Override
  public void onEpochEnd(EpochRecord record, EpochContext context) {
    int epoch = record.epoch();
    if (epoch > 0 && (epoch % every == 0 || epoch == maxEpochs)) {
      try {
        context.save(checkpoint(epoch));
      } catch (IOException e) {
        throw new UncheckedIOException("checkpoint of epoch " + epoch + " failed", e);
      }
    }
  }
}
