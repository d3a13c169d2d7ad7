package org.metriclearn4j.bench;

import java.util.concurrent.TimeUnit;
import org.metriclearn4j.neighbors.ExactKnnIndex;
import org.metriclearn4j.neighbors.Neighbors;
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
 * {@link ExactKnnIndex}: the {@code k = 10} nearest neighbours among {@code n = 5000} Gaussian
 * points in {@code d = 64} dimensions, of {@code 500} new queries and of every indexed point
 * (leave-one-out, as kNN evaluation does it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ExactKnnIndexBenchmark {
  /** Number of indexed points. */
  @Param("5000")
  public int n;

  /** Dimension of each point. */
  @Param("64")
  public int d;

  /** Number of neighbours. */
  @Param("10")
  public int k;

  private ExactKnnIndex index;
  private double[][] queries;

  /** Creates the benchmark; JMH calls it. */
  public ExactKnnIndexBenchmark() {}

  /** Builds the index (seed 42) and draws the queries (seed 43). */
  @Setup(Level.Trial)
  public void setUp() {
    index = ExactKnnIndex.of(BenchData.gaussianRows(n, d, 42L));
    queries = BenchData.gaussianRows(500, d, 43L);
  }

  /**
   * Measures {@code index.search(queries, k)}.
   *
   * @return the neighbours (returned so that the JIT cannot drop the work)
   */
  @Benchmark
  public Neighbors search() {
    return index.search(queries, k);
  }

  /**
   * Measures {@code index.searchExcludingSelf(k)}: the neighbours of all {@code n} indexed points.
   *
   * @return the neighbours (returned so that the JIT cannot drop the work)
   */
  @Benchmark
  public Neighbors searchExcludingSelf() {
    return index.searchExcludingSelf(k);
  }
}
