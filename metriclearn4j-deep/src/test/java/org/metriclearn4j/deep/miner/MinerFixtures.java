package org.metriclearn4j.deep.miner;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;

/** Runs miners on plain-Java batches and flattens their tuples for comparison. */
final class MinerFixtures {
  private MinerFixtures() {}

  static MinerResult mine(Miner miner, double[][] x, int[] y) {
    try (NDManager manager = NDManager.newBaseManager()) {
      return miner.mine(manager.create(x), manager.create(y));
    }
  }

  static List<String> positivePairs(Pairs pairs) {
    return join(pairs.positiveAnchors(), pairs.positives());
  }

  static List<String> negativePairs(Pairs pairs) {
    return join(pairs.negativeAnchors(), pairs.negatives());
  }

  static List<String> triplets(Triplets triplets) {
    return join(triplets.anchors(), triplets.positives(), triplets.negatives());
  }

  static List<String> join(int[]... columns) {
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < columns[0].length; i++) {
      StringBuilder row = new StringBuilder();
      for (int[] column : columns) {
        row.append(row.length() == 0 ? "" : ",").append(column[i]);
      }
      rows.add(row.toString());
    }
    return rows;
  }

  static List<String> join(List<int[]> tuples) {
    List<String> rows = new ArrayList<>();
    for (int[] t : tuples) {
      StringBuilder row = new StringBuilder();
      for (int v : t) {
        row.append(row.length() == 0 ? "" : ",").append(v);
      }
      rows.add(row.toString());
    }
    return rows;
  }
}
