package org.metriclearn4j.bench;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/** Seeded synthetic inputs shared by the benchmarks, so that every run measures the same data. */
final class BenchData {
  private BenchData() {}

  /**
   * Returns an {@code n x d} matrix of standard normal values drawn from {@code seed}.
   *
   * @param n rows
   * @param d columns
   * @param seed the seed of the generator
   * @return a new matrix
   */
  static DMatrixRMaj gaussian(int n, int d, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    DMatrixRMaj m = new DMatrixRMaj(n, d);
    for (int i = 0; i < m.data.length; i++) {
      m.data[i] = gaussian(random);
    }
    return m;
  }

  /**
   * Returns {@code n} rows of length {@code d} of standard normal values drawn from {@code seed}.
   *
   * @param n rows
   * @param d columns
   * @param seed the seed of the generator
   * @return new rows
   */
  static double[][] gaussianRows(int n, int d, long seed) {
    DMatrixRMaj m = gaussian(n, d, seed);
    double[][] rows = new double[n][d];
    for (int i = 0; i < n; i++) {
      System.arraycopy(m.data, i * d, rows[i], 0, d);
    }
    return rows;
  }

  /**
   * Returns an {@code n x n} matrix of uniform weights in {@code [0, 1)} with a zero diagonal.
   *
   * @param n rows and columns
   * @param seed the seed of the generator
   * @return a new matrix
   */
  static DMatrixRMaj pairWeights(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    DMatrixRMaj w = new DMatrixRMaj(n, n);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        w.unsafe_set(i, j, i == j ? 0 : random.nextDouble());
      }
    }
    return w;
  }

  /**
   * Returns one standard normal value (Box-Muller).
   *
   * @param random the source of uniform values
   * @return the value
   */
  private static double gaussian(SplittableRandom random) {
    double u = 1.0 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
