package org.metriclearn4j.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.learn.Nca;
import org.metriclearn4j.metric.MahalanobisMetric;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link Nca#fit} with its default start on {@code n = 1000} points in {@code d = 64} dimensions of
 * 5 overlapping Gaussian classes (class means with standard deviation 0.2 per coordinate, unit
 * noise), with L-BFGS capped at 1 and at 10 iterations (tolerance 0, so every iteration runs). The
 * cost is in the objective and gradient (softmax over all pairs and the blocked scatter {@code
 * Kernels.rowBlockScatter}); the difference between the two rows divided by 9 approximates one
 * L-BFGS iteration.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NcaFitBenchmark {
  /** Number of points. */
  @Param("1000")
  public int n;

  /** Dimension of each point. */
  @Param("64")
  public int d;

  /** L-BFGS iteration cap. */
  @Param({"1", "10"})
  public int maxIterations;

  private LabeledDataset data;
  private Nca nca;

  /** Creates the benchmark; JMH calls it. */
  public NcaFitBenchmark() {}

  /** Draws the data (seeds 41 to 43) and builds the learner. */
  @Setup(Level.Trial)
  public void setUp() {
    int classes = 5;
    double[][] means = BenchData.gaussianRows(classes, d, 41L);
    double meanSpread = 0.2;
    double[][] x = BenchData.gaussianRows(n, d, 42L);
    int[] labels = new int[n];
    SplittableRandom random = new SplittableRandom(43L);
    for (int i = 0; i < n; i++) {
      labels[i] = random.nextInt(classes);
      for (int t = 0; t < d; t++) {
        x[i][t] += meanSpread * means[labels[i]][t];
      }
    }
    data = LabeledDataset.of("bench-gaussians", x, labels);
    nca = Nca.builder().maxIterations(maxIterations).tolerance(0).build();
  }

  /**
   * Measures {@code nca.fit(data)}.
   *
   * @return the fitted metric (returned so that the JIT cannot drop the work)
   */
  @Benchmark
  public MahalanobisMetric fit() {
    return nca.fit(data);
  }
}
