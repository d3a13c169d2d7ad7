package org.metriclearn4j.deep.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;
import org.metriclearn4j.deep.DjlRuntime;
import org.metriclearn4j.deep.ThreadOptions;
import org.metriclearn4j.deep.data.TensorDataset;
import org.metriclearn4j.deep.loss.MetricLoss;
import org.metriclearn4j.deep.loss.ProxyBlock;
import org.metriclearn4j.deep.miner.Miner;
import org.metriclearn4j.deep.miner.MinerResult;
import org.metriclearn4j.deep.model.EmbeddingModel;
import org.metriclearn4j.deep.network.NetworkSpec;
import org.metriclearn4j.deep.sampler.Batch;
import org.metriclearn4j.deep.sampler.BatchSampler;
import org.metriclearn4j.deep.sampler.ShuffledBatchSampler;
import org.metriclearn4j.metric.Provenance;

/**
 * Trains an embedding network with a metric loss: pytorch-metric-learning's training loop on DJL.
 *
 * <p>Each epoch the sampler cuts the training set into batches. For each batch the network embeds
 * the samples (training mode), the batch's tuples come from the sampler (Siamese and triplet
 * set-ups, see the package documentation), else from the miner, else the loss uses every pair or
 * triplet; DJL's autograd ({@link GradientCollector}) back-propagates the loss and the optimiser
 * updates the network's parameters and the loss's own (the proxies of proxy losses, see {@link
 * MetricLoss#parameters()}). Evaluators measure the network before training (epoch 0) and after
 * every epoch; listeners receive progress, epoch records and a stop switch; {@link EarlyStopping}
 * stops on a watched measurement and can restore the best epoch.
 *
 * <p>Defaults: Adam, learning rate {@code 1e-3}, momentum 0.9 (SGD only), weight decay 0, batch
 * size 64, 30 epochs, seed 0, sampler {@link ShuffledBatchSampler} (batch size, last partial batch
 * kept, the trainer's seed), no miner, no evaluators, no early stopping, thread counts as the
 * engine has them.
 *
 * <p>Reproducibility: the seed seeds libtorch's generator (weight initialisation, dropout) before
 * the network is built and the default sampler; custom samplers, miners and proxy losses carry
 * their own seeds. The same settings and thread counts give the same model; {@code fit} calls are
 * serialised because libtorch's generator is global.
 *
 * <p>Parameters of the loss (the proxies of proxy losses) belong to the run: each {@code fit}
 * initialises them afresh from the loss's seeded initialiser and frees them at its end.
 *
 * <p>Native memory: parameters and optimiser state live in one manager per {@code fit}; each batch
 * and each evaluation runs in its own sub-manager that is closed at its end, so nothing accumulates
 * across batches. The returned model holds a copy of the parameters in its own manager.
 */
public final class MetricTrainer {
  private static final Object ENGINE_LOCK = new Object();
  private static final int EMBED_CHUNK = 1024;

  private final NetworkSpec network;
  private final MetricLoss loss;
  private final @Nullable Miner miner;
  private final OptimizerType optimizerType;
  private final double learningRate;
  private final double momentum;
  private final double weightDecay;
  private final int epochs;
  private final long seed;
  private final BatchSampler sampler;
  private final @Nullable ThreadOptions threads;
  private final List<EpochEvaluator> evaluators;
  private final List<TrainingListener> listeners;
  private final @Nullable EarlyStopping earlyStopping;

  private MetricTrainer(Builder b, NetworkSpec network, MetricLoss loss, BatchSampler sampler) {
    this.network = network;
    this.loss = loss;
    this.miner = b.miner;
    this.optimizerType = b.optimizerType;
    this.learningRate = b.learningRate;
    this.momentum = b.momentum;
    this.weightDecay = b.weightDecay;
    this.epochs = b.epochs;
    this.seed = b.seed;
    this.sampler = sampler;
    this.threads = b.threads;
    this.evaluators = List.copyOf(b.evaluators);
    this.listeners = List.copyOf(b.listeners);
    this.earlyStopping = b.earlyStopping;
  }

  /**
   * Returns a new builder with the defaults.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the network description} */
  public NetworkSpec network() {
    return network;
  }

  /** {@return the loss} */
  public MetricLoss loss() {
    return loss;
  }

  /** {@return the miner, if any} */
  public Optional<Miner> miner() {
    return Optional.ofNullable(miner);
  }

  /** {@return the batch sampler} */
  public BatchSampler sampler() {
    return sampler;
  }

  /** {@return the maximum number of epochs} */
  public int epochs() {
    return epochs;
  }

  /** {@return the seed} */
  public long seed() {
    return seed;
  }

  /** {@return every setting as text, for provenance} */
  public Map<String, String> hyperparameters() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("network", network.toString());
    h.put("loss", loss.toString());
    h.put("miner", miner == null ? "none" : miner.toString());
    h.put("sampler", sampler.describe());
    h.put("optimizer", optimizerType.name().toLowerCase(java.util.Locale.ROOT));
    h.put("learningRate", Double.toString(learningRate));
    if (optimizerType == OptimizerType.SGD) {
      h.put("momentum", Double.toString(momentum));
    }
    h.put("weightDecay", Double.toString(weightDecay));
    h.put("epochs", Integer.toString(epochs));
    h.put("batchSize", Integer.toString(sampler.batchSize()));
    h.put("earlyStopping", earlyStopping == null ? "none" : earlyStopping.toString());
    return h;
  }

  @Override
  public String toString() {
    return "MetricTrainer" + hyperparameters();
  }

  /**
   * Trains a new network on a dataset.
   *
   * @param train preprocessed training samples of the network's input size
   * @return the trained model (close it when done) and the training history
   * @throws IllegalArgumentException if the samples do not fit the network, the labels do not fit
   *     the loss (proxy losses) or the sampler
   * @throws IllegalStateException if the loss becomes NaN or infinite (training diverged)
   */
  public TrainingResult fit(TensorDataset train) {
    long inputSize = network.inputShape().size();
    if (train.featureSize() != inputSize) {
      throw new IllegalArgumentException(
          "train: the network "
              + network
              + " expects samples of "
              + inputSize
              + " values (shape "
              + network.inputShape()
              + "), found "
              + train.featureSize()
              + " ("
              + Arrays.toString(train.sampleShape())
              + ")");
    }
    Optional<Block> lossBlock = loss.parameters();
    if (lossBlock.isPresent() && lossBlock.get() instanceof ProxyBlock proxies) {
      if (proxies.embeddingDim() != network.embeddingDim()) {
        throw new IllegalArgumentException(
            "loss: its proxies have "
                + proxies.embeddingDim()
                + " dimensions but the network embeds into "
                + network.embeddingDim());
      }
      if (proxies.numClasses() < train.numClasses()) {
        throw new IllegalArgumentException(
            "loss: it has proxies for "
                + proxies.numClasses()
                + " classes but the training labels go up to "
                + (train.numClasses() - 1));
      }
    }
    synchronized (ENGINE_LOCK) {
      if (threads != null) {
        DjlRuntime.configureThreads(threads);
      }
      DjlRuntime.setSeed(seed);
      try (Run run = new Run(train)) {
        return run.train();
      }
    }
  }

  /** The state of one {@code fit}: parameters, optimiser and history. */
  private final class Run implements AutoCloseable {
    private final TensorDataset train;
    private final int[] labels;
    private final NDManager root;
    private final Block block;
    private final @Nullable Block lossParameters;
    private final List<Pair<String, Parameter>> trainable = new ArrayList<>();
    private final ParameterStore store;
    private final Optimizer optimizer;
    private final Engine engine;
    private final List<EpochRecord> records = new ArrayList<>();
    private @Nullable String stopReason;
    private int bestEpoch;
    private double bestValue = Double.NaN;
    private byte @Nullable [] bestParameters;
    private long step;

    Run(TensorDataset train) {
      this.train = train;
      this.labels = train.labels();
      this.engine = DjlRuntime.engine();
      this.root = engine.newBaseManager();
      try {
        this.block = network.newBlock();
        block.initialize(root, DataType.FLOAT32, batchShape(1));
        this.lossParameters = loss.parameters().orElse(null);
        if (lossParameters != null) {
          // every fit starts the loss's parameters afresh from their seeded initialiser
          lossParameters.clear();
          lossParameters.initialize(root, DataType.FLOAT32, new Shape(1));
        }
        collectTrainable(block, "network/");
        if (lossParameters != null) {
          collectTrainable(lossParameters, "loss/");
        }
        this.store = new ParameterStore(root, false);
        this.optimizer = newOptimizer();
      } catch (RuntimeException e) {
        root.close();
        throw e;
      }
    }

    private void collectTrainable(Block b, String prefix) {
      for (Pair<String, Parameter> p : b.getParameters()) {
        if (p.getValue().requiresGradient()) {
          trainable.add(new Pair<>(prefix + p.getKey(), p.getValue()));
        }
      }
    }

    private Optimizer newOptimizer() {
      Tracker lr = Tracker.fixed((float) learningRate);
      if (optimizerType == OptimizerType.ADAM) {
        return Optimizer.adam()
            .optLearningRateTracker(lr)
            .optWeightDecays((float) weightDecay)
            .build();
      }
      return Optimizer.sgd()
          .setLearningRateTracker(lr)
          .optMomentum((float) momentum)
          .optWeightDecays((float) weightDecay)
          .build();
    }

    private Shape batchShape(long n) {
      Shape s = network.inputShape();
      long[] dims = new long[s.dimension() + 1];
      dims[0] = n;
      System.arraycopy(s.getShape(), 0, dims, 1, s.dimension());
      return new Shape(dims);
    }

    TrainingResult train() {
      List<Batch> first = sampler.epoch(labels, 1);
      TrainingStart start =
          new TrainingStart(epochs, first.size(), train.size(), MetricTrainer.this.toString());
      for (TrainingListener l : listeners) {
        l.onTrainingStart(start);
      }
      endEpoch(0, 0, 0, OptionalDouble.empty(), new double[3], 0.0, 0.0);
      for (int epoch = 1; epoch <= epochs && stopReason == null; epoch++) {
        List<Batch> batches = epoch == 1 ? first : sampler.epoch(labels, epoch);
        long t0 = System.nanoTime();
        long cpu0 = cpuNanos();
        double lossSum = 0;
        double[] tupleSums = new double[3];
        long samples = 0;
        for (int b = 0; b < batches.size(); b++) {
          Batch batch = batches.get(b);
          double[] tuples = new double[3];
          double value = step(batch, tuples, epoch, b + 1);
          lossSum += value;
          samples += batch.size();
          for (int k = 0; k < 3; k++) {
            tupleSums[k] += tuples[k];
          }
          BatchProgress progress =
              new BatchProgress(
                  epoch,
                  b + 1,
                  batches.size(),
                  ++step,
                  value,
                  tuples[0] < 0 ? -1 : (long) (tuples[0] + tuples[1] + tuples[2]));
          for (TrainingListener l : listeners) {
            l.onBatchEnd(progress);
          }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuSeconds = (cpuNanos() - cpu0) / 1e9;
        int n = batches.size();
        double[] meanTuples = new double[3];
        for (int k = 0; k < 3; k++) {
          meanTuples[k] = tupleSums[k] < 0 ? 0 : tupleSums[k] / n;
        }
        endEpoch(
            epoch, n, samples, OptionalDouble.of(lossSum / n), meanTuples, seconds, cpuSeconds);
      }
      if (earlyStopping != null && earlyStopping.restoreBest() && bestParameters != null) {
        loadParameters(bestParameters);
      } else {
        bestEpoch = records.get(records.size() - 1).epoch();
      }
      TrainingHistory history =
          new TrainingHistory(records, Optional.ofNullable(stopReason), bestEpoch);
      EmbeddingModel model = snapshot(history.epochsRun());
      for (TrainingListener l : listeners) {
        l.onTrainingEnd(history);
      }
      return new TrainingResult(model, history);
    }

    /** One optimisation step; returns the loss and fills the tuple counts (-1 if all tuples). */
    private double step(Batch batch, double[] tuples, int epoch, int index) {
      int[] idx = batch.indices();
      double value;
      try (NDManager scope = root.newSubManager()) {
        NDArray x = scope.create(train.gather(idx), batchShape(idx.length));
        NDArray y = scope.create(train.gatherLabels(idx));
        try (GradientCollector collector = engine.newGradientCollector()) {
          NDArray embeddings = block.forward(store, new NDList(x), true).singletonOrThrow();
          MinerResult chosen = batch.tuples().orElse(null);
          if (chosen == null && miner != null) {
            chosen = miner.mine(embeddings, y);
          }
          if (chosen == null) {
            tuples[0] = -1;
          } else {
            tuples[0] = chosen.numPositivePairs();
            tuples[1] = chosen.numNegativePairs();
            tuples[2] = chosen.numTriplets();
          }
          NDArray lossValue = loss.compute(embeddings, y, chosen);
          value = lossValue.toType(DataType.FLOAT64, false).getDouble();
          if (!Double.isFinite(value)) {
            throw new IllegalStateException(
                "training diverged: the loss is "
                    + value
                    + " at epoch "
                    + epoch
                    + ", batch "
                    + index
                    + " (learning rate "
                    + learningRate
                    + "); lower the learning rate or check the inputs");
          }
          collector.backward(lossValue);
        }
        for (Pair<String, Parameter> p : trainable) {
          NDArray weight = p.getValue().getArray();
          try (NDArray grad = weight.getGradient()) {
            optimizer.update(p.getKey(), weight, grad);
            grad.subi(grad);
          }
        }
      }
      return value;
    }

    private void endEpoch(
        int epoch,
        int batches,
        long samples,
        OptionalDouble meanLoss,
        double[] meanTuples,
        double trainSeconds,
        double trainCpuSeconds) {
      long t0 = System.nanoTime();
      Map<String, Double> metrics = new LinkedHashMap<>();
      for (EpochEvaluator evaluator : evaluators) {
        metrics.putAll(evaluator.evaluate(this::embed));
      }
      double evalSeconds = (System.nanoTime() - t0) / 1e9;
      EpochRecord record =
          new EpochRecord(
              epoch,
              batches,
              samples,
              meanLoss,
              meanTuples[0],
              meanTuples[1],
              meanTuples[2],
              trainSeconds,
              trainCpuSeconds,
              evalSeconds,
              metrics);
      records.add(record);
      EpochContext context =
          new EpochContext(
              epoch, this::embed, () -> snapshot(epoch), () -> root.getManagedArrays().size());
      for (TrainingListener l : listeners) {
        l.onEpochEnd(record, context);
      }
      if (context.stopReason() != null) {
        stopReason = context.stopReason();
      }
      if (earlyStopping != null) {
        watch(record);
      }
    }

    private long cpuNanos() {
      ThreadMXBean bean = ManagementFactory.getThreadMXBean();
      return bean.isCurrentThreadCpuTimeSupported() ? bean.getCurrentThreadCpuTime() : 0L;
    }

    private void watch(EpochRecord record) {
      EarlyStopping rule = java.util.Objects.requireNonNull(earlyStopping);
      double value;
      if (EarlyStopping.TRAIN_LOSS.equals(rule.metric())) {
        if (record.meanLoss().isEmpty()) {
          return;
        }
        value = record.meanLoss().getAsDouble();
      } else {
        value = record.metric(rule.metric());
      }
      if (Double.isNaN(bestValue) || rule.improves(value, bestValue)) {
        bestValue = value;
        bestEpoch = record.epoch();
        if (rule.restoreBest()) {
          bestParameters = parameterBytes();
        }
      } else if (record.epoch() - bestEpoch >= rule.patience() && stopReason == null) {
        stopReason =
            "early stopping: "
                + rule.metric()
                + " did not improve on "
                + bestValue
                + " (epoch "
                + bestEpoch
                + ") for "
                + rule.patience()
                + " epochs";
      }
    }

    float[][] embed(TensorDataset data) {
      if (data.featureSize() != network.inputShape().size()) {
        throw new IllegalArgumentException(
            "data: expected samples of "
                + network.inputShape().size()
                + " values, found "
                + data.featureSize());
      }
      int n = data.size();
      int k = network.embeddingDim();
      float[][] out = new float[n][];
      for (int start = 0; start < n; start += EMBED_CHUNK) {
        int count = Math.min(EMBED_CHUNK, n - start);
        int[] idx = new int[count];
        for (int i = 0; i < count; i++) {
          idx[i] = start + i;
        }
        try (NDManager scope = root.newSubManager()) {
          NDArray x = scope.create(data.gather(idx), batchShape(count));
          float[] y = block.forward(store, new NDList(x), false).singletonOrThrow().toFloatArray();
          for (int i = 0; i < count; i++) {
            out[start + i] = Arrays.copyOfRange(y, i * k, (i + 1) * k);
          }
        }
      }
      return out;
    }

    private byte[] parameterBytes() {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        block.saveParameters(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return bytes.toByteArray();
    }

    private void loadParameters(byte[] bytes) {
      try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
        block.loadParameters(root, in);
      } catch (IOException | ai.djl.MalformedModelException e) {
        throw new IllegalStateException("restoring the best epoch's parameters failed", e);
      }
    }

    EmbeddingModel snapshot(int epochsRun) {
      Map<String, String> hyper = hyperparameters();
      hyper.put("epochsRun", Integer.toString(epochsRun));
      Provenance provenance =
          new Provenance("metric-trainer", hyper, train.size(), train.featureSize(), seed);
      return EmbeddingModel.fromParameters(
          network, train.preprocessing(), provenance, parameterBytes());
    }

    @Override
    public void close() {
      if (lossParameters != null) {
        lossParameters.clear();
      }
      root.close();
    }
  }

  /** Builder of {@link MetricTrainer}; {@code build()} validates. */
  public static final class Builder {
    private @Nullable NetworkSpec network;
    private @Nullable MetricLoss loss;
    private @Nullable Miner miner;
    private OptimizerType optimizerType = OptimizerType.ADAM;
    private double learningRate = 1e-3;
    private double momentum = 0.9;
    private double weightDecay;
    private int batchSize = 64;
    private boolean batchSizeSet;
    private int epochs = 30;
    private long seed;
    private @Nullable BatchSampler sampler;
    private @Nullable ThreadOptions threads;
    private final List<EpochEvaluator> evaluators = new ArrayList<>();
    private final List<TrainingListener> listeners = new ArrayList<>();
    private @Nullable EarlyStopping earlyStopping;

    private Builder() {}

    /**
     * Sets the embedding network (required).
     *
     * @param network the architecture
     * @return this builder
     */
    public Builder network(NetworkSpec network) {
      this.network = network;
      return this;
    }

    /**
     * Sets the loss (required).
     *
     * @param loss the metric loss
     * @return this builder
     */
    public Builder loss(MetricLoss loss) {
      this.loss = loss;
      return this;
    }

    /**
     * Sets a miner that chooses the loss's tuples in each batch (default none: the loss uses every
     * pair or triplet). Not allowed with a sampler that provides tuples.
     *
     * @param miner the miner, or {@code null} for none
     * @return this builder
     */
    public Builder miner(@Nullable Miner miner) {
      this.miner = miner;
      return this;
    }

    /**
     * Sets the optimiser (default {@link OptimizerType#ADAM}).
     *
     * @param type Adam or SGD with momentum
     * @return this builder
     */
    public Builder optimizer(OptimizerType type) {
      this.optimizerType = type;
      return this;
    }

    /**
     * Sets the learning rate (default {@code 1e-3}).
     *
     * @param learningRate finite, positive
     * @return this builder
     */
    public Builder learningRate(double learningRate) {
      this.learningRate = learningRate;
      return this;
    }

    /**
     * Sets the SGD momentum (default 0.9; ignored by Adam).
     *
     * @param momentum in {@code [0, 1)}
     * @return this builder
     */
    public Builder momentum(double momentum) {
      this.momentum = momentum;
      return this;
    }

    /**
     * Sets the L2 weight decay added to the gradients (default 0).
     *
     * @param weightDecay at least 0
     * @return this builder
     */
    public Builder weightDecay(double weightDecay) {
      this.weightDecay = weightDecay;
      return this;
    }

    /**
     * Sets the batch size of the default sampler (default 64). A sampler set with {@link #sampler}
     * has its own batch size; setting both to different sizes is an error.
     *
     * @param batchSize at least 2
     * @return this builder
     */
    public Builder batchSize(int batchSize) {
      this.batchSize = batchSize;
      this.batchSizeSet = true;
      return this;
    }

    /**
     * Sets the maximum number of epochs (default 30).
     *
     * @param epochs at least 1
     * @return this builder
     */
    public Builder epochs(int epochs) {
      this.epochs = epochs;
      return this;
    }

    /**
     * Sets the seed of libtorch's generator and of the default sampler (default 0).
     *
     * @param seed the seed
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Sets the batch sampler (default shuffled batches of {@code batchSize}).
     *
     * @param sampler the sampler
     * @return this builder
     */
    public Builder sampler(BatchSampler sampler) {
      this.sampler = sampler;
      return this;
    }

    /**
     * Sets libtorch's thread counts for training (default: as the engine has them).
     *
     * @param threads the thread counts
     * @return this builder
     */
    public Builder threads(ThreadOptions threads) {
      this.threads = threads;
      return this;
    }

    /**
     * Adds an evaluator run before training and after every epoch.
     *
     * @param evaluator the evaluator
     * @return this builder
     */
    public Builder addEvaluator(EpochEvaluator evaluator) {
      evaluators.add(evaluator);
      return this;
    }

    /**
     * Adds a listener.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder addListener(TrainingListener listener) {
      listeners.add(listener);
      return this;
    }

    /**
     * Stops early on a watched measurement (default: never).
     *
     * @param rule the rule, or {@code null} for none
     * @return this builder
     */
    public Builder earlyStopping(@Nullable EarlyStopping rule) {
      this.earlyStopping = rule;
      return this;
    }

    /**
     * Validates and builds.
     *
     * @return the trainer
     * @throws IllegalArgumentException if the network or loss is missing, a number is out of range,
     *     a miner is combined with a tuple-providing sampler, or the batch sizes disagree
     */
    public MetricTrainer build() {
      if (network == null) {
        throw new IllegalArgumentException("network: expected an embedding network, found none");
      }
      if (loss == null) {
        throw new IllegalArgumentException("loss: expected a metric loss, found none");
      }
      if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
        throw new IllegalArgumentException(
            "learningRate: expected a finite value > 0, found " + learningRate);
      }
      if (!(momentum >= 0 && momentum < 1)) {
        throw new IllegalArgumentException("momentum: expected [0, 1), found " + momentum);
      }
      if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
        throw new IllegalArgumentException(
            "weightDecay: expected a finite value >= 0, found " + weightDecay);
      }
      if (epochs < 1) {
        throw new IllegalArgumentException("epochs: expected >= 1, found " + epochs);
      }
      if (batchSize < 2) {
        throw new IllegalArgumentException("batchSize: expected >= 2, found " + batchSize);
      }
      BatchSampler chosen =
          sampler != null ? sampler : ShuffledBatchSampler.of(batchSize, false, seed);
      if (sampler != null && batchSizeSet && sampler.batchSize() != batchSize) {
        throw new IllegalArgumentException(
            "batchSize: "
                + batchSize
                + " disagrees with the sampler's batch size "
                + sampler.batchSize()
                + " ("
                + sampler.describe()
                + "); set only one");
      }
      if (miner != null && chosen.providesTuples()) {
        throw new IllegalArgumentException(
            "miner: the sampler "
                + chosen.describe()
                + " already chooses the tuples of every batch; remove the miner "
                + miner);
      }
      return new MetricTrainer(this, network, loss, chosen);
    }
  }
}
