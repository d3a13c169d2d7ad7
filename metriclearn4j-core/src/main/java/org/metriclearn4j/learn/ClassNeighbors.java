package org.metriclearn4j.learn;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.metriclearn4j.linalg.Kernels;
import org.metriclearn4j.linalg.Parallelism;

/**
 * The nearest neighbours of every sample among the other samples of its class (LMNN's target
 * neighbours, LFDA's local scaling), computed with the shared blocked distance kernel one row block
 * at a time, so memory is {@code O(block x n_c)} for a class of {@code n_c} samples.
 *
 * <p>A sample is never its own neighbour; another sample with identical features (a duplicate row)
 * is a legitimate neighbour at distance 0. Ties in distance go to the smaller row index, so the
 * result is deterministic. A class of {@code n_c} samples gives each member {@code min(k, n_c - 1)}
 * neighbours.
 *
 * @param indices {@code indices[i]}: the neighbours of sample {@code i} (row indices into the
 *     data), nearest first
 * @param squaredDistances {@code squaredDistances[i][t]}: the squared distance to {@code
 *     indices[i][t]}
 */
record ClassNeighbors(int[][] indices, double[][] squaredDistances) {
  private static final int BLOCK_ROWS = 256;

  /**
   * Finds up to {@code k} same-class neighbours of every row of {@code x}.
   *
   * @param x the {@code n x d} samples (read only)
   * @param labels {@code n} class indices
   * @param k the number of neighbours wanted, {@code >= 1}
   * @return the neighbours and their squared distances
   */
  static ClassNeighbors of(DMatrixRMaj x, int[] labels, int k) {
    int n = x.numRows;
    int d = x.numCols;
    int[][] indices = new int[n][];
    double[][] distances = new double[n][];
    for (int[] members : byClass(labels)) {
      int nc = members.length;
      int kc = Math.min(k, nc - 1);
      DMatrixRMaj xc = new DMatrixRMaj(nc, d);
      for (int a = 0; a < nc; a++) {
        System.arraycopy(x.data, members[a] * d, xc.data, a * d, d);
      }
      double[] norms = Kernels.squaredRowNorms(xc);
      int blocks = (nc + BLOCK_ROWS - 1) / BLOCK_ROWS;
      Parallelism.blocks(blocks, (long) nc * nc * Math.max(1, d))
          .forEach(
              blk -> {
                int start = blk * BLOCK_ROWS;
                int end = Math.min(nc, start + BLOCK_ROWS);
                double[] sq = new double[(end - start) * nc];
                Kernels.squaredDistancesRows(xc, norms, xc, norms, start, end, sq, 0);
                for (int a = start; a < end; a++) {
                  int[] best = new int[kc];
                  double[] bestD = new double[kc];
                  smallest(sq, (a - start) * nc, nc, a, kc, best, bestD);
                  int[] global = new int[kc];
                  for (int t = 0; t < kc; t++) {
                    global[t] = members[best[t]];
                  }
                  indices[members[a]] = global;
                  distances[members[a]] = bestD;
                }
              });
    }
    return new ClassNeighbors(indices, distances);
  }

  /**
   * Returns the member rows of each present class, classes in increasing label order, rows in
   * increasing order.
   */
  static List<int[]> byClass(int[] labels) {
    int classes = 0;
    for (int label : labels) {
      classes = Math.max(classes, label + 1);
    }
    int[] counts = new int[classes];
    for (int label : labels) {
      counts[label]++;
    }
    List<int[]> out = new ArrayList<>();
    int[][] members = new int[classes][];
    for (int c = 0; c < classes; c++) {
      members[c] = new int[counts[c]];
    }
    int[] fill = new int[classes];
    for (int i = 0; i < labels.length; i++) {
      members[labels[i]][fill[labels[i]]++] = i;
    }
    for (int c = 0; c < classes; c++) {
      if (counts[c] > 0) {
        out.add(members[c]);
      }
    }
    return out;
  }

  /**
   * Writes the {@code k} smallest of {@code row[offset .. offset+m)} except position {@code self}
   * into {@code best} (positions) and {@code bestD} (values), ascending, ties by position.
   */
  static void smallest(
      double[] row, int offset, int m, int self, int k, int[] best, double[] bestD) {
    if (k == 0) {
      return;
    }
    int filled = 0;
    for (int j = 0; j < m; j++) {
      if (j == self) {
        continue;
      }
      double v = row[offset + j];
      if (filled == k && !(v < bestD[k - 1])) {
        continue;
      }
      int pos = filled < k ? filled++ : k - 1;
      while (pos > 0 && bestD[pos - 1] > v) {
        bestD[pos] = bestD[pos - 1];
        best[pos] = best[pos - 1];
        pos--;
      }
      bestD[pos] = v;
      best[pos] = j;
    }
  }
}
