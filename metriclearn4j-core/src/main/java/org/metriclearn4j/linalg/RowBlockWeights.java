package org.metriclearn4j.linalg;

/**
 * Supplies the pair weights {@code W_ij} of one block of rows on demand, so that {@link
 * Kernels#rowBlockScatter} never holds the whole {@code n x n} weight matrix.
 *
 * <p>The kernel may call this for different blocks concurrently (each call gets its own output
 * array and a disjoint row range), so implementations must only write state that belongs to rows
 * {@code [start, end)}. Each block is requested exactly once per kernel call.
 */
@FunctionalInterface
public interface RowBlockWeights {

  /**
   * Writes the weights of rows {@code [start, end)} against all {@code n} columns.
   *
   * @param start first row of the block, inclusive
   * @param end last row of the block, exclusive
   * @param out written: {@code W_ij} for {@code i} in {@code [start, end)} and {@code j} in {@code
   *     [0, n)}, row-major at {@code (i - start) * n + j}; its previous contents are undefined
   */
  void weights(int start, int end, double[] out);
}
