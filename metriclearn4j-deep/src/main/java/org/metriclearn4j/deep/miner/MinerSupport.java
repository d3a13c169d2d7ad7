package org.metriclearn4j.deep.miner;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.metriclearn4j.deep.distance.BatchDistance;

/** Helpers shared by the miners: the detached distance matrix and label groups. */
final class MinerSupport {
  private MinerSupport() {}

  /**
   * Computes the {@code B x B} matrix of the distance between the embeddings, without gradient, and
   * copies it into Java.
   *
   * @param distance the distance
   * @param embeddings the {@code B x D} embeddings (read only)
   * @return the matrix, row-major, in double precision
   */
  static double[] distanceMatrix(BatchDistance distance, NDArray embeddings) {
    try (NDManager scope = embeddings.getManager().newSubManager()) {
      NDArray detached = embeddings.stopGradient();
      detached.attach(scope);
      NDArray matrix = distance.matrix(detached, detached);
      return matrix.toType(DataType.FLOAT64, false).toDoubleArray();
    }
  }

  /**
   * Returns a hash of the batch content (labels and embedding values), which randomised miners mix
   * into their seed so that the same batch gives the same tuples and different batches different
   * ones.
   *
   * @param embeddings the embeddings
   * @param labels the labels
   * @return a 64-bit hash
   */
  static long batchHash(NDArray embeddings, int[] labels) {
    double[] values;
    try (NDArray detached = embeddings.stopGradient();
        NDArray asDouble = detached.toType(DataType.FLOAT64, true)) {
      values = asDouble.toDoubleArray();
    }
    long h = 0x9E3779B97F4A7C15L;
    for (int label : labels) {
      h = mix(h ^ label);
    }
    for (double v : values) {
      h = mix(h ^ Double.doubleToLongBits(v));
    }
    return h;
  }

  /** SplitMix64's finaliser: a bijective mix of 64 bits. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * Groups batch positions by label.
   *
   * @param labels the labels
   * @return for each position, the positions with the same label in increasing order (the arrays
   *     are shared between positions of one label)
   */
  static int[][] sameLabel(int[] labels) {
    Map<Integer, IntList> groups = new LinkedHashMap<>();
    for (int i = 0; i < labels.length; i++) {
      groups.computeIfAbsent(labels[i], k -> new IntList()).add(i);
    }
    Map<Integer, int[]> arrays = new LinkedHashMap<>();
    groups.forEach((label, list) -> arrays.put(label, list.toArray()));
    int[][] result = new int[labels.length][];
    for (int i = 0; i < labels.length; i++) {
      result[i] = arrays.get(labels[i]);
    }
    return result;
  }

  /**
   * Groups batch positions by the complement of their label.
   *
   * @param labels the labels
   * @return for each position, the positions with another label in increasing order (the arrays are
   *     shared between positions of one label)
   */
  static int[][] otherLabel(int[] labels) {
    Map<Integer, int[]> arrays = new LinkedHashMap<>();
    int[][] result = new int[labels.length][];
    for (int i = 0; i < labels.length; i++) {
      result[i] = arrays.computeIfAbsent(labels[i], label -> otherLabels(labels, label));
    }
    return result;
  }

  private static int[] otherLabels(int[] labels, int label) {
    int[] result = new int[labels.length];
    int n = 0;
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] != label) {
        result[n++] = i;
      }
    }
    return Arrays.copyOf(result, n);
  }
}
