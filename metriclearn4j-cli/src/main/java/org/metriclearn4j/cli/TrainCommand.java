package org.metriclearn4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jspecify.annotations.Nullable;
import org.metriclearn4j.data.BundledDatasets;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.deep.DjlRuntime;
import org.metriclearn4j.deep.ThreadOptions;
import org.metriclearn4j.deep.data.MnistDatasets;
import org.metriclearn4j.deep.data.Preprocessing;
import org.metriclearn4j.deep.data.Splits;
import org.metriclearn4j.deep.data.TensorDataset;
import org.metriclearn4j.deep.loss.ContrastiveLoss;
import org.metriclearn4j.deep.loss.LiftedStructureLoss;
import org.metriclearn4j.deep.loss.MetricLoss;
import org.metriclearn4j.deep.loss.MultiSimilarityLoss;
import org.metriclearn4j.deep.loss.NTXentLoss;
import org.metriclearn4j.deep.loss.ProxyAnchorLoss;
import org.metriclearn4j.deep.loss.ProxyNcaLoss;
import org.metriclearn4j.deep.loss.TripletMarginLoss;
import org.metriclearn4j.deep.miner.BatchHardMiner;
import org.metriclearn4j.deep.miner.Miner;
import org.metriclearn4j.deep.miner.MultiSimilarityMiner;
import org.metriclearn4j.deep.miner.PairMarginMiner;
import org.metriclearn4j.deep.miner.TripletMarginMiner;
import org.metriclearn4j.deep.model.EmbeddingModelFiles;
import org.metriclearn4j.deep.network.Mlp;
import org.metriclearn4j.deep.network.NetworkSpec;
import org.metriclearn4j.deep.network.SmallCnn;
import org.metriclearn4j.deep.sampler.PairSampler;
import org.metriclearn4j.deep.sampler.TripletSampler;
import org.metriclearn4j.deep.train.BatchProgress;
import org.metriclearn4j.deep.train.EpochContext;
import org.metriclearn4j.deep.train.EpochRecord;
import org.metriclearn4j.deep.train.MetricTrainer;
import org.metriclearn4j.deep.train.PairDistanceEvaluator;
import org.metriclearn4j.deep.train.RetrievalEvaluator;
import org.metriclearn4j.deep.train.TrainingHistory;
import org.metriclearn4j.deep.train.TrainingListener;
import org.metriclearn4j.deep.train.TrainingResult;
import org.metriclearn4j.deep.train.TrainingStart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Trains an embedding network (deep metric learning on DJL/PyTorch) and plots how the mean held-out
 * distance of same-class and of different-class pairs evolves per epoch.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Train an embedding network with a metric loss (default: a Siamese CNN with the contrastive"
          + " loss on a 10,000-image sample of MNIST).",
      "Prints per epoch the loss, the tuples per batch, the mean held-out same-class and"
          + " different-class distances (L2-normalised embeddings), MAP@R and the seconds; epoch 0"
          + " is the untrained network. Plots the two distances to --plot."
    })
final class TrainCommand implements Callable<Integer> {
  static final String MNIST = "mnist";
  static final List<String> NETWORKS = List.of("mlp", "cnn");
  static final List<String> SETUPS = List.of("siamese", "triplet", "batch");
  static final List<String> LOSSES =
      List.of(
          "contrastive",
          "triplet",
          "multi-similarity",
          "lifted-structure",
          "ntxent",
          "proxy-anchor",
          "proxy-nca");
  static final List<String> MINERS =
      List.of(
          "none",
          "pair-margin",
          "multi-similarity",
          "triplet-semihard",
          "triplet-hard",
          "batch-hard");

  @Spec
  @SuppressWarnings("NullAway.Init") // set by picocli before call()
  CommandSpec spec;

  @Mixin CommonOptions common = new CommonOptions();

  @Option(
      names = {"-d", "--dataset"},
      paramLabel = "NAME",
      defaultValue = MNIST,
      description =
          "mnist (bundled, 28x28 images, pixels/255) or a bundled tabular dataset such as digits"
              + " (pixels/16) (default: ${DEFAULT-VALUE}).")
  String dataset = MNIST;

  @Option(
      names = "--network",
      paramLabel = "mlp|cnn",
      description = "The embedding network (default: cnn for mnist, mlp otherwise).")
  @Nullable String network;

  @Option(
      names = "--widths",
      split = ",",
      paramLabel = "N",
      description = "Hidden widths of the mlp (default: 128).")
  List<Integer> widths = new ArrayList<>(List.of(128));

  @Option(
      names = "--embedding-dim",
      paramLabel = "K",
      defaultValue = "32",
      description = "Embedding dimension (default: ${DEFAULT-VALUE}).")
  int embeddingDim = 32;

  @Option(
      names = "--setup",
      paramLabel = "siamese|triplet|batch",
      description =
          "siamese: random balanced pairs + a pair loss; triplet: random triplets + the triplet"
              + " loss; batch: shuffled batches, every pair or triplet of a batch or the --miner's"
              + " (default: siamese for mnist, batch otherwise).")
  @Nullable String setup;

  @Option(
      names = "--loss",
      paramLabel = "NAME",
      description =
          "contrastive (pos margin 0, neg margin 1), triplet, multi-similarity, lifted-structure,"
              + " ntxent, proxy-anchor, proxy-nca; library defaults otherwise (default: triplet"
              + " for --setup triplet, contrastive otherwise).")
  @Nullable String loss;

  @Option(
      names = "--miner",
      paramLabel = "NAME",
      defaultValue = "none",
      description =
          "none, pair-margin, multi-similarity, triplet-semihard, triplet-hard, batch-hard; only"
              + " with --setup batch (default: ${DEFAULT-VALUE}).")
  String miner = "none";

  @Option(
      names = "--epochs",
      paramLabel = "N",
      defaultValue = "10",
      description = "Epochs (default: ${DEFAULT-VALUE}).")
  int epochs = 10;

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      defaultValue = "64",
      description =
          "Samples per batch: siamese uses N/2 pairs, triplet N/3 triplets (default:"
              + " ${DEFAULT-VALUE}).")
  int batchSize = 64;

  @Option(
      names = "--lr",
      paramLabel = "RATE",
      defaultValue = "1e-3",
      description = "Adam's learning rate (default: ${DEFAULT-VALUE}).")
  double learningRate = 1e-3;

  @Option(
      names = "--seed",
      paramLabel = "SEED",
      defaultValue = "0",
      description = "Seed of the samples, the initialisation and the batches (default: 0).")
  long seed;

  @Option(
      names = "--train-size",
      paramLabel = "N",
      description =
          "A stratified subsample of the training part, for speed (default: 10000 for mnist,"
              + " the whole 70%% training part otherwise).")
  @Nullable Integer trainSize;

  @Option(
      names = "--held-out-per-class",
      paramLabel = "N",
      defaultValue = "100",
      description =
          "Held-out samples per class for the distances and MAP@R, from the MNIST test set or the"
              + " 30%% held-out part (default: ${DEFAULT-VALUE}).")
  int heldOutPerClass = 100;

  @Option(
      names = "--threads",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "libtorch intra-op threads (default: ${DEFAULT-VALUE}). One thread is the default"
              + " because libtorch's OpenMP workers spin-wait: when another process holds a core,"
              + " more threads thrash and run slower than one.")
  int threads = 1;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "MODEL.json",
      description = "Where to save the trained model (JSON sidecar plus a .params file).")
  @Nullable Path output;

  @Option(
      names = "--plot",
      paramLabel = "FILE.png",
      defaultValue = "train-distances.png",
      description =
          "Where to write the per-epoch same/different-class distance plot (default:"
              + " ${DEFAULT-VALUE}).")
  Path plot = Path.of("train-distances.png");

  @Option(names = "--svg", paramLabel = "FILE.svg", description = "Also write the plot as SVG.")
  @Nullable Path svg;

  /** The training and held-out samples. */
  private record Data(TensorDataset train, TensorDataset heldOut, boolean images) {}

  @Override
  public Integer call() throws IOException {
    DjlRuntime.ensureOffline();
    PrintWriter out = spec.commandLine().getOut();
    validate();
    Data data = load();
    String net = network != null ? network : data.images() ? "cnn" : "mlp";
    String how = setup != null ? setup : dataset.equals(MNIST) ? "siamese" : "batch";
    String lossName = loss != null ? loss : how.equals("triplet") ? "triplet" : "contrastive";
    checkChoice("--network", net, NETWORKS);
    checkChoice("--setup", how, SETUPS);
    checkChoice("--loss", lossName, LOSSES);
    checkChoice("--miner", miner, MINERS);
    checkSetup(how, lossName);
    NetworkSpec tower = network(net, data);
    MetricTrainer.Builder builder =
        MetricTrainer.builder()
            .network(tower)
            .loss(loss(lossName, data.train().numClasses()))
            .miner(miner(miner))
            .learningRate(learningRate)
            .epochs(epochs)
            .seed(seed)
            .threads(new ThreadOptions(threads, 1))
            .addEvaluator(PairDistanceEvaluator.of(data.heldOut()))
            .addEvaluator(RetrievalEvaluator.of(data.heldOut()));
    switch (how) {
      case "siamese" -> builder.sampler(PairSampler.of(batchSize / 2, seed));
      case "triplet" -> builder.sampler(TripletSampler.of(batchSize / 3, seed));
      default -> builder.batchSize(batchSize);
    }
    String setupLine =
        String.format(
            Locale.ROOT,
            "%s: %d training, %d held-out samples; %s; setup %s, loss %s, miner %s; %d epochs,"
                + " batch %d, lr %s, seed %d, %d libtorch thread(s)",
            dataset,
            data.train().size(),
            data.heldOut().size(),
            tower,
            how,
            lossName,
            miner,
            epochs,
            batchSize,
            learningRate,
            seed,
            threads);
    out.println(setupLine);
    out.flush();
    boolean allTuples = how.equals("batch") && miner.equals("none");
    builder.addListener(new Progress(out, allTuples));
    TrainingHistory history;
    try (TrainingResult result = builder.build().fit(data.train())) {
      history = result.history();
      if (output != null) {
        EmbeddingModelFiles.save(result.model(), output);
        out.println(
            "saved the model to "
                + output
                + " and "
                + EmbeddingModelFiles.parametersPath(output).getFileName());
      }
    }
    double[] same = history.metric(PairDistanceEvaluator.SAME_CLASS);
    double[] different = history.metric(PairDistanceEvaluator.DIFFERENT_CLASS);
    var chart =
        DistancePlot.chart(
            dataset + ": " + how + ", " + lossName + " loss, " + net + " (held-out pairs)",
            same,
            different);
    DistancePlot.writePng(chart, plot);
    out.println("wrote the distance plot to " + plot);
    if (svg != null) {
      DistancePlot.writeSvg(chart, svg);
      out.println("wrote the distance plot to " + svg);
    }
    return 0;
  }

  private void validate() {
    positive("--epochs", epochs);
    positive("--embedding-dim", embeddingDim);
    positive("--threads", threads);
    if (batchSize < 4) {
      throw new IllegalArgumentException("--batch-size: expected >= 4, found " + batchSize);
    }
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException(
          "--lr: expected a finite value > 0, found " + learningRate);
    }
    if (trainSize != null && trainSize < 20) {
      throw new IllegalArgumentException("--train-size: expected >= 20, found " + trainSize);
    }
    if (heldOutPerClass < 2) {
      throw new IllegalArgumentException(
          "--held-out-per-class: expected >= 2, found " + heldOutPerClass);
    }
    for (int w : widths) {
      positive("--widths", w);
    }
    if (output != null) {
      Path name = output.getFileName();
      if (name == null || !name.toString().endsWith(".json")) {
        throw new IllegalArgumentException(
            "--output: expected a file name ending in .json, found '" + output + "'");
      }
    }
  }

  private static void positive(String option, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(option + ": expected >= 1, found " + value);
    }
  }

  private static void checkChoice(String option, String value, List<String> choices) {
    if (!choices.contains(value)) {
      throw new IllegalArgumentException(
          option + ": expected one of " + String.join(", ", choices) + ", found '" + value + "'");
    }
  }

  private void checkSetup(String how, String lossName) {
    if (!how.equals("batch") && !miner.equals("none")) {
      throw new IllegalArgumentException(
          "--miner: the "
              + how
              + " setup samples its own tuples; mining needs --setup batch, found --miner "
              + miner);
    }
    if (how.equals("siamese") && !lossName.equals("contrastive")) {
      throw new IllegalArgumentException(
          "--loss: the siamese setup trains on pairs and needs contrastive, found '"
              + lossName
              + "'");
    }
    if (how.equals("triplet") && !lossName.equals("triplet")) {
      throw new IllegalArgumentException(
          "--loss: the triplet setup needs the triplet loss, found '" + lossName + "'");
    }
  }

  private Data load() {
    if (dataset.equals(MNIST)) {
      int size = trainSize != null ? trainSize : 10_000;
      if (size > 60_000) {
        throw new IllegalArgumentException(
            "--train-size: expected at most 60000 for mnist, found " + size);
      }
      TensorDataset trainAll = MnistDatasets.mnist(MnistDatasets.Split.TRAIN);
      TensorDataset testAll = MnistDatasets.mnist(MnistDatasets.Split.TEST);
      TensorDataset train =
          trainAll.subset(Splits.balancedSample(trainAll.labels(), Math.max(1, size / 10), seed));
      TensorDataset heldOut =
          testAll.subset(Splits.balancedSample(testAll.labels(), heldOutPerClass, seed));
      return new Data(train, heldOut, true);
    }
    if (!BundledDatasets.contains(dataset)) {
      throw new IllegalArgumentException(
          "--dataset: expected mnist or a bundled dataset ("
              + String.join(", ", BundledDatasets.names())
              + "), found '"
              + dataset
              + "'");
    }
    LabeledDataset labeled = BundledDatasets.load(dataset);
    Preprocessing preprocessing =
        dataset.equals("digits")
            ? Preprocessing.divideBy(16, "pixels/16")
            : Preprocessing.identity();
    TensorDataset all = TensorDataset.fromLabeled(labeled, preprocessing);
    Splits.TrainTest split = Splits.stratified(all.labels(), 0.3, seed);
    TensorDataset train = all.subset(split.train());
    TensorDataset heldOut = all.subset(split.test());
    if (trainSize != null) {
      if (trainSize > train.size()) {
        throw new IllegalArgumentException(
            "--train-size: expected at most "
                + train.size()
                + " (the 70% training part of "
                + dataset
                + "), found "
                + trainSize);
      }
      if (trainSize < train.size()) {
        double drop = 1.0 - (double) trainSize / train.size();
        train = train.subset(Splits.stratified(train.labels(), drop, seed).train());
      }
    }
    heldOut = heldOut.subset(Splits.balancedSample(heldOut.labels(), heldOutPerClass, seed));
    return new Data(train, heldOut, false);
  }

  private NetworkSpec network(String net, Data data) {
    if (net.equals("cnn")) {
      if (!data.images()) {
        throw new IllegalArgumentException(
            "--network: cnn needs 28x28 images (--dataset mnist), found dataset '"
                + dataset
                + "'; use --network mlp");
      }
      return SmallCnn.builder().embeddingDim(embeddingDim).build();
    }
    int[] all = new int[widths.size() + 2];
    all[0] = data.train().featureSize();
    for (int i = 0; i < widths.size(); i++) {
      all[i + 1] = widths.get(i);
    }
    all[all.length - 1] = embeddingDim;
    return Mlp.of(all);
  }

  private MetricLoss loss(String name, int numClasses) {
    return switch (name) {
      case "contrastive" -> ContrastiveLoss.builder().optPosMargin(0).optNegMargin(1).build();
      case "triplet" -> TripletMarginLoss.builder().build();
      case "multi-similarity" -> MultiSimilarityLoss.builder().build();
      case "lifted-structure" -> LiftedStructureLoss.builder().build();
      case "ntxent" -> NTXentLoss.builder().build();
      case "proxy-anchor" ->
          ProxyAnchorLoss.builder()
              .setNumClasses(numClasses)
              .setEmbeddingDim(embeddingDim)
              .optSeed(seed)
              .build();
      case "proxy-nca" ->
          ProxyNcaLoss.builder()
              .setNumClasses(numClasses)
              .setEmbeddingDim(embeddingDim)
              .optSeed(seed)
              .build();
      default -> throw new IllegalArgumentException("--loss: unknown '" + name + "'");
    };
  }

  private static @Nullable Miner miner(String name) {
    return switch (name) {
      case "none" -> null;
      case "pair-margin" -> PairMarginMiner.builder().build();
      case "multi-similarity" -> MultiSimilarityMiner.builder().build();
      case "triplet-semihard" ->
          TripletMarginMiner.builder().optType(TripletMarginMiner.Type.SEMIHARD).build();
      case "triplet-hard" ->
          TripletMarginMiner.builder().optType(TripletMarginMiner.Type.HARD).build();
      case "batch-hard" -> BatchHardMiner.create();
      default -> throw new IllegalArgumentException("--miner: unknown '" + name + "'");
    };
  }

  /**
   * Prints one line per epoch to the output and, on an interactive terminal only, an ASCII progress
   * bar of the epoch's batches to the error stream.
   */
  private final class Progress implements TrainingListener {
    private final PrintWriter out;
    private final boolean allTuples;
    private final boolean showBar = System.console() != null;
    private @Nullable ProgressBar bar;

    Progress(PrintWriter out, boolean allTuples) {
      this.out = out;
      this.allTuples = allTuples;
    }

    @Override
    public void onTrainingStart(TrainingStart start) {
      out.println(
          String.format(
              Locale.ROOT,
              "%d batches per epoch over %d samples",
              start.batchesPerEpoch(),
              start.samples()));
      out.println(
          String.format(
              Locale.ROOT,
              "%5s %10s %8s %10s %10s %8s %8s",
              "epoch",
              "loss",
              "tuples",
              "same",
              "different",
              "MAP@R",
              "seconds"));
      out.flush();
    }

    @Override
    public void onBatchEnd(BatchProgress progress) {
      if (!showBar) {
        return;
      }
      if (bar == null) {
        PrintWriter err = spec.commandLine().getErr();
        bar =
            new ProgressBarBuilder()
                .setTaskName("epoch " + progress.epoch())
                .setInitialMax(progress.batchesInEpoch())
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500)
                .setConsumer(
                    new DelegatingProgressBarConsumer(
                        line -> {
                          err.print('\r' + line);
                          err.flush();
                        },
                        100))
                .build();
      }
      bar.stepTo(progress.batch());
    }

    @Override
    public void onEpochEnd(EpochRecord record, EpochContext context) {
      if (bar != null) {
        bar.close();
        bar = null;
        PrintWriter err = spec.commandLine().getErr();
        err.print('\r' + " ".repeat(100) + '\r');
        err.flush();
      }
      boolean untrained = record.epoch() == 0;
      double tuples =
          record.meanPositivePairs() + record.meanNegativePairs() + record.meanTriplets();
      String tupleText =
          untrained ? "-" : allTuples ? "all" : String.format(Locale.ROOT, "%.1f", tuples);
      out.println(
          String.format(
              Locale.ROOT,
              "%5d %10s %8s %10.4f %10.4f %8.4f %8s",
              record.epoch(),
              record.meanLoss().isPresent()
                  ? String.format(Locale.ROOT, "%.5f", record.meanLoss().getAsDouble())
                  : "-",
              tupleText,
              record.metric(PairDistanceEvaluator.SAME_CLASS),
              record.metric(PairDistanceEvaluator.DIFFERENT_CLASS),
              record.metric(RetrievalEvaluator.MAP_AT_R),
              untrained ? "-" : String.format(Locale.ROOT, "%.2f", record.trainSeconds())));
      out.flush();
    }
  }
}
