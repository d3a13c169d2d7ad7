package org.metriclearn4j.deep.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.metriclearn4j.deep.data.TensorDataset;
import org.metriclearn4j.deep.model.EmbeddingModel;
import org.metriclearn4j.deep.model.EmbeddingModelFiles;

/**
 * What a {@link TrainingListener} may do at the end of an epoch: embed data with the current
 * network, take a snapshot of it as a model, save it, or ask training to stop. Valid only during
 * the {@code onEpochEnd} call it was given to.
 */
public final class EpochContext {
  private final int epoch;
  private final Embedder embedder;
  private final Supplier<EmbeddingModel> snapshot;
  private final IntSupplier nativeArrays;
  private @Nullable String stopReason;

  EpochContext(
      int epoch, Embedder embedder, Supplier<EmbeddingModel> snapshot, IntSupplier nativeArrays) {
    this.epoch = epoch;
    this.embedder = embedder;
    this.snapshot = snapshot;
    this.nativeArrays = nativeArrays;
  }

  /** {@return the epoch that just ended (0 before training)} */
  public int epoch() {
    return epoch;
  }

  /**
   * Embeds data with the current network in inference mode.
   *
   * @param data preprocessed samples of the network's input size
   * @return one embedding per sample
   */
  public float[][] embed(TensorDataset data) {
    return embedder.embed(data);
  }

  /**
   * Copies the current network into a standalone model; the caller closes it.
   *
   * @return the model
   */
  public EmbeddingModel snapshot() {
    return snapshot.get();
  }

  /**
   * Saves the current network with {@link EmbeddingModelFiles#save}.
   *
   * @param sidecar the JSON sidecar path ({@code .json})
   * @throws IOException if writing fails
   */
  public void save(Path sidecar) throws IOException {
    try (EmbeddingModel model = snapshot()) {
      EmbeddingModelFiles.save(model, sidecar);
    }
  }

  /**
   * Asks training to stop after this epoch.
   *
   * @param reason why, reported in {@link TrainingHistory#stopReason()}
   */
  public void requestStop(String reason) {
    if (stopReason == null) {
      stopReason = reason;
    }
  }

  @Nullable String stopReason() {
    return stopReason;
  }

  /** The number of native arrays the run holds now (parameters and optimiser state). */
  int nativeArrays() {
    return nativeArrays.getAsInt();
  }
}
