package org.metriclearn4j.deep.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.metriclearn4j.data.BundledDatasets;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.deep.ThreadOptions;
import org.metriclearn4j.deep.data.Preprocessing;
import org.metriclearn4j.deep.data.Splits;
import org.metriclearn4j.deep.data.TensorDataset;
import org.metriclearn4j.deep.distance.CosineSimilarity;
import org.metriclearn4j.deep.loss.ContrastiveLoss;
import org.metriclearn4j.deep.loss.MetricLoss;
import org.metriclearn4j.deep.loss.TripletMarginLoss;
import org.metriclearn4j.deep.miner.Miner;
import org.metriclearn4j.deep.miner.MultiSimilarityMiner;
import org.metriclearn4j.deep.miner.PairMarginMiner;
import org.metriclearn4j.deep.miner.TripletMarginMiner;
import org.metriclearn4j.deep.model.EmbeddingModel;
import org.metriclearn4j.deep.network.Mlp;
import org.metriclearn4j.deep.train.EpochRecord;
import org.metriclearn4j.deep.train.MetricTrainer;
import org.metriclearn4j.deep.train.PairDistanceEvaluator;
import org.metriclearn4j.deep.train.RetrievalEvaluator;
import org.metriclearn4j.deep.train.TrainingHistory;
import org.metriclearn4j.deep.train.TrainingResult;

/**
 * The digits protocol of the pytorch-metric-learning 2.8.1 reference runs: the bundled 8x8 digits
 * (1797 samples, 64 features), pixels divided by 16; either a stratified 70/30 split over all ten
 * classes ({@link Split#INSTANCE}, seeded by the run's seed) or training on digits 0-4 and testing
 * on the unseen digits 5-9 ({@link Split#CLASS_DISJOINT}); an MLP 64-128-32 (ReLU); Adam with
 * learning rate {@code 1e-3}; shuffled batches of 64; 30 epochs. The held-out set is both query and
 * reference set of exact retrieval on L2-normalised embeddings ({@link RetrievalEvaluator}),
 * measured before training and after every epoch, together with the mean held-out same-class and
 * different-class distances ({@link PairDistanceEvaluator}).
 *
 * <p>Published figures of pytorch-metric-learning on the instance split (MAP@R in %, mean of seeds
 * 0-2): contrastive_all 94.2, contrastive_ms 94.2, contrastive_pairmargin 92.8, triplet_all 92.6,
 * triplet_semihard 93.7, triplet_semihard_cos 93.9; raw pixels 52.7, untrained MLP 40.6.
 */
public final class DigitsProtocol {
  private DigitsProtocol() {}

  /** How the digits are split into training and held-out parts. */
  public enum Split {
    /** Stratified 70/30 over all ten classes (1257 / 540 samples). */
    INSTANCE,
    /** Train on digits 0-4 (901 samples), hold out the unseen digits 5-9 (896). */
    CLASS_DISJOINT
  }

  /** The loss and miner configurations of the reference runs. */
  public enum Config {
    /** ContrastiveLoss(posMargin 0, negMargin 1) on every pair of the batch. */
    CONTRASTIVE_ALL,
    /** The same with PairMarginMiner(posMargin 0.2, negMargin 0.8). */
    CONTRASTIVE_PAIRMARGIN,
    /** The same with MultiSimilarityMiner(epsilon 0.1). */
    CONTRASTIVE_MS,
    /** TripletMarginLoss(margin 0.05) on every triplet of the batch. */
    TRIPLET_ALL,
    /** TripletMarginLoss(margin 0.2) with TripletMarginMiner(margin 0.2, semihard). */
    TRIPLET_SEMIHARD,
    /** The same with cosine similarity in loss and miner. */
    TRIPLET_SEMIHARD_COS;

    /** {@return the reference name, e.g. {@code "contrastive_ms"}} */
    public String referenceName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a reference name.
     *
     * @param name e.g. {@code "triplet_semihard"}
     * @return the configuration
     * @throws IllegalArgumentException if unknown, listing the known names
     */
    public static Config fromReferenceName(String name) {
      for (Config c : values()) {
        if (c.referenceName().equals(name)) {
          return c;
        }
      }
      throw new IllegalArgumentException(
          "config: expected one of "
              + Arrays.stream(values()).map(Config::referenceName).toList()
              + ", found '"
              + name
              + "'");
    }

    /** {@return the loss of this configuration} */
    public MetricLoss loss() {
      return switch (this) {
        case CONTRASTIVE_ALL, CONTRASTIVE_PAIRMARGIN, CONTRASTIVE_MS ->
            ContrastiveLoss.builder().optPosMargin(0).optNegMargin(1).build();
        case TRIPLET_ALL -> TripletMarginLoss.builder().optMargin(0.05).build();
        case TRIPLET_SEMIHARD -> TripletMarginLoss.builder().optMargin(0.2).build();
        case TRIPLET_SEMIHARD_COS ->
            TripletMarginLoss.builder()
                .optMargin(0.2)
                .optDistance(CosineSimilarity.create())
                .build();
      };
    }

    /** {@return the miner of this configuration, or {@code null} for every pair or triplet} */
    public @Nullable Miner miner() {
      return switch (this) {
        case CONTRASTIVE_ALL, TRIPLET_ALL -> null;
        case CONTRASTIVE_PAIRMARGIN ->
            PairMarginMiner.builder().optPosMargin(0.2).optNegMargin(0.8).build();
        case CONTRASTIVE_MS -> MultiSimilarityMiner.builder().optEpsilon(0.1).build();
        case TRIPLET_SEMIHARD ->
            TripletMarginMiner.builder()
                .optMargin(0.2)
                .optType(TripletMarginMiner.Type.SEMIHARD)
                .build();
        case TRIPLET_SEMIHARD_COS ->
            TripletMarginMiner.builder()
                .optMargin(0.2)
                .optType(TripletMarginMiner.Type.SEMIHARD)
                .optDistance(CosineSimilarity.create())
                .build();
      };
    }
  }

  /**
   * Settings of a run; {@link #reference()} gives the reference protocol.
   *
   * @param split the split
   * @param epochs epochs, at least 1
   * @param batchSize batch size, at least 2
   * @param learningRate Adam's learning rate, positive
   * @param threads libtorch thread counts, or {@code null} to keep the engine's
   */
  public record Settings(
      Split split,
      int epochs,
      int batchSize,
      double learningRate,
      @Nullable ThreadOptions threads) {
    /**
     * Validates the settings.
     *
     * @param split the split
     * @param epochs epochs, at least 1
     * @param batchSize batch size, at least 2
     * @param learningRate Adam's learning rate, positive
     * @param threads libtorch thread counts, or {@code null} to keep the engine's
     * @throws IllegalArgumentException if a number is out of range
     */
    public Settings {
      if (epochs < 1) {
        throw new IllegalArgumentException("epochs: expected >= 1, found " + epochs);
      }
      if (batchSize < 2) {
        throw new IllegalArgumentException("batchSize: expected >= 2, found " + batchSize);
      }
      if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
        throw new IllegalArgumentException(
            "learningRate: expected a finite value > 0, found " + learningRate);
      }
    }

    /**
     * The reference protocol: instance split, 30 epochs, batch 64, learning rate 1e-3.
     *
     * @return the settings
     */
    public static Settings reference() {
      return new Settings(Split.INSTANCE, 30, 64, 1e-3, null);
    }

    /**
     * Returns a copy with another split.
     *
     * @param s the split
     * @return the new settings
     */
    public Settings withSplit(Split s) {
      return new Settings(s, epochs, batchSize, learningRate, threads);
    }

    /**
     * Returns a copy with another number of epochs.
     *
     * @param e the epochs
     * @return the new settings
     */
    public Settings withEpochs(int e) {
      return new Settings(split, e, batchSize, learningRate, threads);
    }

    /**
     * Returns a copy with thread counts.
     *
     * @param t the thread counts, or {@code null}
     * @return the new settings
     */
    public Settings withThreads(@Nullable ThreadOptions t) {
      return new Settings(split, epochs, batchSize, learningRate, t);
    }
  }

  /**
   * The outcome of one run.
   *
   * @param config the configuration
   * @param seed the seed
   * @param split the split
   * @param trainSize training samples
   * @param testSize held-out samples
   * @param precisionAt1 held-out precision at 1 after training, in [0, 1]
   * @param rPrecision held-out R-precision after training
   * @param mapAtR held-out MAP@R after training
   * @param secondsPerEpoch mean wall-clock seconds of an epoch's optimisation steps
   * @param cpuSecondsPerEpoch mean CPU seconds of the training thread per epoch (see {@link
   *     EpochRecord#trainCpuSeconds()})
   * @param history the per-epoch records (loss, mined tuples, distances, retrieval metrics)
   */
  public record Result(
      Config config,
      long seed,
      Split split,
      int trainSize,
      int testSize,
      double precisionAt1,
      double rPrecision,
      double mapAtR,
      double secondsPerEpoch,
      double cpuSecondsPerEpoch,
      TrainingHistory history) {}

  /**
   * Runs one configuration with the reference settings.
   *
   * @param config the configuration
   * @param seed the seed of the split, the initialisation and the batches
   * @return the figures
   */
  public static Result run(Config config, long seed) {
    return run(config, seed, Settings.reference());
  }

  /**
   * Runs one configuration.
   *
   * @param config the configuration
   * @param seed the seed of the split, the initialisation and the batches
   * @param settings the settings
   * @return the figures
   */
  public static Result run(Config config, long seed, Settings settings) {
    TensorDataset[] parts = split(settings.split(), seed);
    MetricTrainer.Builder builder =
        MetricTrainer.builder()
            .network(Mlp.of(64, 128, 32))
            .loss(config.loss())
            .miner(config.miner())
            .learningRate(settings.learningRate())
            .batchSize(settings.batchSize())
            .epochs(settings.epochs())
            .seed(seed)
            .addEvaluator(RetrievalEvaluator.of(parts[1]))
            .addEvaluator(PairDistanceEvaluator.of(parts[1]));
    if (settings.threads() != null) {
      builder.threads(settings.threads());
    }
    try (TrainingResult result = builder.build().fit(parts[0])) {
      TrainingHistory history = result.history();
      EpochRecord last = history.epoch(history.epochsRun());
      double seconds =
          history.epochs().stream().skip(1).mapToDouble(r -> r.trainSeconds()).average().orElse(0);
      double cpuSeconds =
          history.epochs().stream()
              .skip(1)
              .mapToDouble(r -> r.trainCpuSeconds())
              .average()
              .orElse(0);
      return new Result(
          config,
          seed,
          settings.split(),
          parts[0].size(),
          parts[1].size(),
          last.metric(RetrievalEvaluator.PRECISION_AT_1),
          last.metric(RetrievalEvaluator.R_PRECISION),
          last.metric(RetrievalEvaluator.MAP_AT_R),
          seconds,
          cpuSeconds,
          history);
    }
  }

  /**
   * Retrieval metrics of the raw (pixels/16) held-out features, the "raw pixels" baseline.
   *
   * @param split the split
   * @param seed the split's seed
   * @return the retrieval metrics
   */
  public static RetrievalEvaluator.Scores rawBaseline(Split split, long seed) {
    TensorDataset test = split(split, seed)[1];
    float[][] rows = new float[test.size()][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = test.row(i);
    }
    return RetrievalEvaluator.score(rows, test.labels());
  }

  /**
   * Retrieval metrics of an untrained MLP 64-128-32 on the held-out set.
   *
   * @param split the split
   * @param seed the split's and the initialisation's seed
   * @return the retrieval metrics
   */
  public static RetrievalEvaluator.Scores untrainedBaseline(Split split, long seed) {
    TensorDataset test = split(split, seed)[1];
    try (EmbeddingModel model =
        EmbeddingModel.untrained(Mlp.of(64, 128, 32), test.preprocessing(), seed)) {
      return RetrievalEvaluator.score(model.embed(test), test.labels());
    }
  }

  /**
   * Loads the digits, pixels divided by 16, and splits them.
   *
   * @param split the split
   * @param seed the seed of the stratified split (unused for the class-disjoint split)
   * @return {@code {train, test}}
   */
  public static TensorDataset[] split(Split split, long seed) {
    LabeledDataset digits = BundledDatasets.load("digits");
    TensorDataset all = TensorDataset.fromLabeled(digits, Preprocessing.divideBy(16, "pixels/16"));
    int[] labels = all.labels();
    if (split == Split.INSTANCE) {
      Splits.TrainTest tt = Splits.stratified(labels, 0.3, seed);
      return new TensorDataset[] {all.subset(tt.train()), all.subset(tt.test())};
    }
    int[] classOf = classIndexOfDigit(digits);
    int[] low = new int[5];
    int[] high = new int[5];
    for (int d = 0; d < 5; d++) {
      low[d] = classOf[d];
      high[d] = classOf[d + 5];
    }
    return new TensorDataset[] {
      all.subset(Splits.ofClasses(labels, low)), all.subset(Splits.ofClasses(labels, high))
    };
  }

  /** Maps digit 0..9 to the dataset's class index (class names are the digit strings). */
  private static int[] classIndexOfDigit(LabeledDataset digits) {
    List<String> names = digits.classNames();
    int[] classOf = new int[10];
    for (int d = 0; d < 10; d++) {
      int index = names.indexOf(Integer.toString(d));
      if (index < 0) {
        throw new IllegalStateException(
            "the bundled digits have no class named '" + d + "' (classes " + names + ")");
      }
      classOf[d] = index;
    }
    return classOf;
  }
}
