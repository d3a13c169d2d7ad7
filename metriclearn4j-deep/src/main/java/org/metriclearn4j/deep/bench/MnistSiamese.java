package org.metriclearn4j.deep.bench;

import org.jspecify.annotations.Nullable;
import org.metriclearn4j.deep.ThreadOptions;
import org.metriclearn4j.deep.data.MnistDatasets;
import org.metriclearn4j.deep.data.Splits;
import org.metriclearn4j.deep.data.TensorDataset;
import org.metriclearn4j.deep.loss.ContrastiveLoss;
import org.metriclearn4j.deep.network.NetworkSpec;
import org.metriclearn4j.deep.network.SmallCnn;
import org.metriclearn4j.deep.sampler.PairSampler;
import org.metriclearn4j.deep.train.MetricTrainer;
import org.metriclearn4j.deep.train.PairDistanceEvaluator;
import org.metriclearn4j.deep.train.RetrievalEvaluator;
import org.metriclearn4j.deep.train.TrainingHistory;
import org.metriclearn4j.deep.train.TrainingResult;

/**
 * A Siamese network on MNIST (Hadsell, Chopra and LeCun, "Dimensionality reduction by learning an
 * invariant mapping", CVPR 2006; Bromley et al., "Signature verification using a Siamese time delay
 * neural network", NIPS 1993): one convolutional tower ({@link SmallCnn}) embeds both images of
 * random balanced pairs ({@link PairSampler}) and the contrastive loss (positive margin 0, negative
 * margin 1, Euclidean distance of L2-normalised embeddings) pulls same-digit pairs together and
 * pushes different-digit pairs apart. Before training and after every epoch it records the mean
 * distance of same-class and of different-class pairs of a fixed held-out sample of the MNIST test
 * set, and retrieval metrics on that sample.
 *
 * <p>Defaults ({@link Settings#defaults()}): a stratified sample of 10,000 training images, 100
 * held-out test images per digit, {@code SmallCnn} with a 32-dimensional embedding, 32 pairs (64
 * images) per batch, Adam with learning rate {@code 1e-3}, 10 epochs.
 */
public final class MnistSiamese {
  private MnistSiamese() {}

  /**
   * Settings of a run.
   *
   * @param trainSize training images, drawn stratified from the 60,000 (at most 6,000 per digit are
   *     available for some digits; the sample takes {@code trainSize / 10} per digit)
   * @param heldOutPerClass held-out test images per digit
   * @param epochs epochs
   * @param pairsPerBatch pairs per batch
   * @param learningRate Adam's learning rate
   * @param embeddingDim the embedding dimension of the tower
   * @param threads libtorch thread counts, or {@code null} to keep the engine's
   */
  public record Settings(
      int trainSize,
      int heldOutPerClass,
      int epochs,
      int pairsPerBatch,
      double learningRate,
      int embeddingDim,
      @Nullable ThreadOptions threads) {
    /**
     * Validates the settings.
     *
     * @param trainSize training images, drawn stratified from the 60,000 (at most 6,000 per digit
     *     are available for some digits; the sample takes {@code trainSize / 10} per digit)
     * @param heldOutPerClass held-out test images per digit
     * @param epochs epochs
     * @param pairsPerBatch pairs per batch
     * @param learningRate Adam's learning rate
     * @param embeddingDim the embedding dimension of the tower
     * @param threads libtorch thread counts, or {@code null} to keep the engine's
     * @throws IllegalArgumentException if a number is out of range
     */
    public Settings {
      if (trainSize < 20) {
        throw new IllegalArgumentException("trainSize: expected >= 20, found " + trainSize);
      }
      if (heldOutPerClass < 2) {
        throw new IllegalArgumentException(
            "heldOutPerClass: expected >= 2, found " + heldOutPerClass);
      }
      if (epochs < 1) {
        throw new IllegalArgumentException("epochs: expected >= 1, found " + epochs);
      }
    }

    /**
     * The default settings.
     *
     * @return 10,000 training images, 100 held-out per digit, 10 epochs, 32 pairs per batch,
     *     learning rate 1e-3, 32-dimensional embedding
     */
    public static Settings defaults() {
      return new Settings(10_000, 100, 10, 32, 1e-3, 32, null);
    }

    /**
     * Returns a copy with another number of epochs.
     *
     * @param e epochs
     * @return the new settings
     */
    public Settings withEpochs(int e) {
      return new Settings(
          trainSize, heldOutPerClass, e, pairsPerBatch, learningRate, embeddingDim, threads);
    }

    /**
     * Returns a copy with another training size.
     *
     * @param n training images
     * @return the new settings
     */
    public Settings withTrainSize(int n) {
      return new Settings(
          n, heldOutPerClass, epochs, pairsPerBatch, learningRate, embeddingDim, threads);
    }

    /**
     * Returns a copy with thread counts.
     *
     * @param t the thread counts, or {@code null}
     * @return the new settings
     */
    public Settings withThreads(@Nullable ThreadOptions t) {
      return new Settings(
          trainSize, heldOutPerClass, epochs, pairsPerBatch, learningRate, embeddingDim, t);
    }
  }

  /**
   * The outcome of a run.
   *
   * @param sameClass mean held-out same-class distance, epoch 0 (untrained) first
   * @param differentClass mean held-out different-class distance, epoch 0 first
   * @param mapAtR held-out MAP@R, epoch 0 first
   * @param secondsPerEpoch mean wall-clock seconds of an epoch's optimisation steps
   * @param cpuSecondsPerEpoch mean CPU seconds of the training thread per epoch
   * @param history every epoch record
   */
  @SuppressWarnings("ArrayRecordComponent") // built fresh for the caller
  public record Result(
      double[] sameClass,
      double[] differentClass,
      double[] mapAtR,
      double secondsPerEpoch,
      double cpuSecondsPerEpoch,
      TrainingHistory history) {}

  /**
   * Runs the experiment.
   *
   * @param settings the settings
   * @param seed the seed of the samples, the initialisation and the pairs
   * @return the per-epoch curves
   */
  public static Result run(Settings settings, long seed) {
    TensorDataset trainAll = MnistDatasets.mnist(MnistDatasets.Split.TRAIN);
    TensorDataset testAll = MnistDatasets.mnist(MnistDatasets.Split.TEST);
    TensorDataset train =
        trainAll.subset(Splits.balancedSample(trainAll.labels(), settings.trainSize() / 10, seed));
    TensorDataset heldOut =
        testAll.subset(Splits.balancedSample(testAll.labels(), settings.heldOutPerClass(), seed));
    NetworkSpec tower = SmallCnn.builder().embeddingDim(settings.embeddingDim()).build();
    MetricTrainer.Builder builder =
        MetricTrainer.builder()
            .network(tower)
            .loss(ContrastiveLoss.builder().optPosMargin(0).optNegMargin(1).build())
            .sampler(PairSampler.of(settings.pairsPerBatch(), seed))
            .learningRate(settings.learningRate())
            .epochs(settings.epochs())
            .seed(seed)
            .addEvaluator(PairDistanceEvaluator.of(heldOut))
            .addEvaluator(RetrievalEvaluator.of(heldOut));
    if (settings.threads() != null) {
      builder.threads(settings.threads());
    }
    try (TrainingResult result = builder.build().fit(train)) {
      TrainingHistory h = result.history();
      return new Result(
          h.metric(PairDistanceEvaluator.SAME_CLASS),
          h.metric(PairDistanceEvaluator.DIFFERENT_CLASS),
          h.metric(RetrievalEvaluator.MAP_AT_R),
          h.epochs().stream().skip(1).mapToDouble(r -> r.trainSeconds()).average().orElse(0),
          h.epochs().stream().skip(1).mapToDouble(r -> r.trainCpuSeconds()).average().orElse(0),
          h);
    }
  }
}
