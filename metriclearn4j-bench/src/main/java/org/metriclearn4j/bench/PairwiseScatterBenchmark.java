package org.metriclearn4j.bench;

import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.metriclearn4j.linalg.Kernels;
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
 * {@link Kernels#pairwiseScatter}: the weighted scatter {@code sum_ij w_ij (x_i - x_j)(x_i -
 * x_j)^T} of {@code n = 1000} Gaussian points in {@code d = 64} dimensions with dense uniform
 * weights (the shape of NCA's gradient).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PairwiseScatterBenchmark {
  /** Number of points. */
  @Param("1000")
  public int n;

  /** Dimension of each point. */
  @Param("64")
  public int d;

  private DMatrixRMaj points;
  private DMatrixRMaj weights;

  /** Creates the benchmark; JMH calls it. */
  public PairwiseScatterBenchmark() {}

  /** Draws the points (seed 42) and the weights (seed 43). */
  @Setup(Level.Trial)
  public void setUp() {
    points = BenchData.gaussian(n, d, 42L);
    weights = BenchData.pairWeights(n, 43L);
  }

  /**
   * Measures {@code Kernels.pairwiseScatter(X, W)}.
   *
   * @return the {@code d x d} scatter (returned so that the JIT cannot drop the work)
   */
  @Benchmark
  public DMatrixRMaj pairwiseScatter() {
    return Kernels.pairwiseScatter(points, weights);
  }
}
