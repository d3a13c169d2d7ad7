package org.metriclearn4j.deep.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.metriclearn4j.deep.loss.ContrastiveLoss;
import org.metriclearn4j.deep.loss.LiftedStructureLoss;
import org.metriclearn4j.deep.loss.MetricLoss;
import org.metriclearn4j.deep.loss.MultiSimilarityLoss;
import org.metriclearn4j.deep.loss.NPairsLoss;
import org.metriclearn4j.deep.loss.NTXentLoss;
import org.metriclearn4j.deep.loss.ProxyAnchorLoss;
import org.metriclearn4j.deep.loss.ProxyNcaLoss;
import org.metriclearn4j.deep.loss.TripletMarginLoss;
import org.metriclearn4j.deep.miner.BatchHardMiner;
import org.metriclearn4j.deep.miner.DistanceWeightedMiner;
import org.metriclearn4j.deep.miner.Miner;
import org.metriclearn4j.deep.miner.MinerResult;
import org.metriclearn4j.deep.miner.MultiSimilarityMiner;
import org.metriclearn4j.deep.miner.PairMarginMiner;
import org.metriclearn4j.deep.miner.RandomPairsMiner;
import org.metriclearn4j.deep.miner.TripletMarginMiner;

/**
 * Forward + backward time of each loss (with and without its usual miners) on random 32-d
 * embeddings of 10 balanced classes, at batch sizes 64 and 256; prints medians in milliseconds. Not
 * a unit test: run it by hand, with one libtorch thread, for example
 *
 * <pre>
 * OPT_OUT_TRACKING=true OMP_NUM_THREADS=1 java -Dai.djl.offline=true \
 *   -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 \
 *   -cp "target/classes:target/test-classes:$(cat cp.txt)" \
 *   org.metriclearn4j.deep.bench.LossBenchmark [warmup] [repeats]
 * </pre>
 */
public final class LossBenchmark {
  private static final int DIM = 32;
  private static final int CLASSES = 10;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private LossBenchmark() {}

  private record Case(String name, Supplier<MetricLoss> loss, @Nullable Miner miner) {}

  /**
   * Runs the benchmark.
   *
   * @param args optional warm-up and measured repetition counts (default 10 and 21)
   */
  public static void main(String[] args) {
    int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 21;
    List<Case> cases = new ArrayList<>();
    cases.add(new Case("contrastive (all pairs)", () -> ContrastiveLoss.builder().build(), null));
    cases.add(
        new Case(
            "contrastive + PairMarginMiner",
            () -> ContrastiveLoss.builder().build(),
            PairMarginMiner.builder().build()));
    cases.add(
        new Case(
            "contrastive + RandomPairsMiner",
            () -> ContrastiveLoss.builder().build(),
            RandomPairsMiner.builder().build()));
    cases.add(new Case("triplet (all triplets)", () -> TripletMarginLoss.builder().build(), null));
    cases.add(
        new Case(
            "triplet + TripletMarginMiner(semihard)",
            () -> TripletMarginLoss.builder().build(),
            TripletMarginMiner.builder().optType(TripletMarginMiner.Type.SEMIHARD).build()));
    cases.add(
        new Case(
            "triplet + BatchHardMiner",
            () -> TripletMarginLoss.builder().build(),
            BatchHardMiner.create()));
    cases.add(
        new Case(
            "triplet + DistanceWeightedMiner",
            () -> TripletMarginLoss.builder().build(),
            DistanceWeightedMiner.builder().build()));
    cases.add(
        new Case(
            "multi-similarity (all pairs)", () -> MultiSimilarityLoss.builder().build(), null));
    cases.add(
        new Case(
            "multi-similarity + MultiSimilarityMiner",
            () -> MultiSimilarityLoss.builder().build(),
            MultiSimilarityMiner.builder().build()));
    cases.add(new Case("n-pairs", () -> NPairsLoss.builder().build(), null));
    cases.add(new Case("lifted-structure", () -> LiftedStructureLoss.builder().build(), null));
    cases.add(new Case("nt-xent", () -> NTXentLoss.builder().build(), null));
    cases.add(
        new Case(
            "proxy-nca",
            () -> ProxyNcaLoss.builder().setNumClasses(CLASSES).setEmbeddingDim(DIM).build(),
            null));
    cases.add(
        new Case(
            "proxy-anchor",
            () -> ProxyAnchorLoss.builder().setNumClasses(CLASSES).setEmbeddingDim(DIM).build(),
            null));
    System.out.println(
        "engine "
            + Engine.getInstance().getEngineName()
            + " "
            + Engine.getInstance().getVersion()
            + ", median of "
            + repeats
            + " forward+backward runs after "
            + warmup
            + " warm-up runs, float32, "
            + DIM
            + "-d, "
            + CLASSES
            + " classes");
    // A silent first pass over every case lets the JIT compile the Java side before measuring.
    for (Case c : cases) {
      measure(c, 64, warmup, 1);
      measure(c, 256, warmup, 1);
    }
    System.out.println("milliseconds: wall-clock median / CPU-time median of the calling thread");
    System.out.printf(Locale.ROOT, "%-42s %17s %17s %11s%n", "case", "B=64", "B=256", "tuples@256");
    for (Case c : cases) {
      long[] small = measure(c, 64, warmup, repeats);
      long[] large = measure(c, 256, warmup, repeats);
      System.out.printf(
          Locale.ROOT,
          "%-42s %8.2f/%8.2f %8.2f/%8.2f %11d%n",
          c.name(),
          small[0] / 1e6,
          small[1] / 1e6,
          large[0] / 1e6,
          large[1] / 1e6,
          large[2]);
    }
    for (Miner miner :
        List.of(
            PairMarginMiner.builder().build(),
            TripletMarginMiner.builder().build(),
            BatchHardMiner.create(),
            MultiSimilarityMiner.builder().build(),
            DistanceWeightedMiner.builder().build(),
            RandomPairsMiner.builder().build())) {
      long[] small = mineOnly(miner, 64, warmup, repeats);
      long[] large = mineOnly(miner, 256, warmup, repeats);
      System.out.printf(
          Locale.ROOT,
          "%-42s %8.2f/%8.2f %8.2f/%8.2f%n",
          "mine only: " + miner.name(),
          small[0] / 1e6,
          small[1] / 1e6,
          large[0] / 1e6,
          large[1] / 1e6);
    }
  }

  private static float[] embeddings(int batch) {
    SplittableRandom random = new SplittableRandom(batch);
    float[] values = new float[batch * DIM];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) random.nextGaussian();
    }
    return values;
  }

  private static int[] labels(int batch) {
    int[] y = new int[batch];
    for (int i = 0; i < batch; i++) {
      y[i] = i % CLASSES;
    }
    return y;
  }

  /** Returns {median wall nanoseconds, median CPU nanoseconds, tuples of the last run}. */
  private static long[] measure(Case c, int batch, int warmup, int repeats) {
    float[] values = embeddings(batch);
    int[] y = labels(batch);
    long[] times = new long[repeats];
    long[] cpu = new long[repeats];
    long tuples = 0;
    try (NDManager manager = NDManager.newBaseManager()) {
      MetricLoss loss = c.loss().get();
      loss.parameters().ifPresent(b -> b.initialize(manager, DataType.FLOAT32, new Shape(1)));
      for (int r = 0; r < warmup + repeats; r++) {
        try (NDManager step = manager.newSubManager()) {
          NDArray x = step.create(values, new Shape(batch, DIM));
          NDArray labels = step.create(y);
          x.setRequiresGradient(true);
          long start = System.nanoTime();
          long startCpu = THREADS.getCurrentThreadCpuTime();
          try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            MinerResult tuplesMined = c.miner() == null ? null : c.miner().mine(x, labels);
            NDArray value = loss.compute(x, labels, tuplesMined);
            collector.backward(value);
            x.getGradient().getFloat(0, 0);
            if (tuplesMined != null) {
              tuples =
                  tuplesMined.kind() == MinerResult.Kind.PAIRS
                      ? tuplesMined.numPositivePairs() + tuplesMined.numNegativePairs()
                      : tuplesMined.numTriplets();
            }
          }
          long elapsed = System.nanoTime() - start;
          long elapsedCpu = THREADS.getCurrentThreadCpuTime() - startCpu;
          if (r >= warmup) {
            times[r - warmup] = elapsed;
            cpu[r - warmup] = elapsedCpu;
          }
        }
      }
    }
    Arrays.sort(times);
    Arrays.sort(cpu);
    return new long[] {times[repeats / 2], cpu[repeats / 2], tuples};
  }

  /** Returns {median wall nanoseconds, median CPU nanoseconds} of mining alone. */
  private static long[] mineOnly(Miner miner, int batch, int warmup, int repeats) {
    float[] values = embeddings(batch);
    int[] y = labels(batch);
    long[] times = new long[repeats];
    long[] cpu = new long[repeats];
    try (NDManager manager = NDManager.newBaseManager()) {
      for (int r = 0; r < warmup + repeats; r++) {
        try (NDManager step = manager.newSubManager()) {
          NDArray x = step.create(values, new Shape(batch, DIM));
          NDArray labels = step.create(y);
          long start = System.nanoTime();
          long startCpu = THREADS.getCurrentThreadCpuTime();
          miner.mine(x, labels);
          long elapsed = System.nanoTime() - start;
          long elapsedCpu = THREADS.getCurrentThreadCpuTime() - startCpu;
          if (r >= warmup) {
            times[r - warmup] = elapsed;
            cpu[r - warmup] = elapsedCpu;
          }
        }
      }
    }
    Arrays.sort(times);
    Arrays.sort(cpu);
    return new long[] {times[repeats / 2], cpu[repeats / 2]};
  }
}
