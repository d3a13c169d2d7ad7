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
 * {@link Kernels#squaredDistances}: all {@code n x n} squared Euclidean distances of {@code n =
 * 2000} Gaussian points in {@code d = 16} and {@code d = 64} dimensions.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SquaredDistancesBenchmark {
  /** Number of points. */
  @Param("2000")
  public int n;

  /** Dimension of each point. */
  @Param({"16", "64"})
  public int d;

  private DMatrixRMaj points;

  /** Creates the benchmark; JMH calls it. */
  public SquaredDistancesBenchmark() {}

  /** Draws the points (seed 42). */
  @Setup(Level.Trial)
  public void setUp() {
    points = BenchData.gaussian(n, d, 42L);
  }

  /**
   * Measures {@code Kernels.squaredDistances(X, X)}.
   *
   * @return the {@code n x n} distances (returned so that the JIT cannot drop the work)
   */
  @Benchmark
  public DMatrixRMaj squaredDistances() {
    return Kernels.squaredDistances(points, points);
  }
}
