package org.metriclearn4j.deep.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small labelled batches for the tests, and plain-Java tuple enumerations. */
public final class Batches {
  private Batches() {}

  /**
   * Eight hand-placed 2-D points in three classes, no two on a line through the origin; some points
   * of different classes are closer than some of the same class.
   */
  private static final double[][] POINTS = {
    {1.0, 0.2},
    {0.8, 0.5},
    {1.2, -0.3},
    {-0.5, 1.0},
    {-0.9, 0.7},
    {0.6, 0.9},
    {-0.6, -0.8},
    {0.9, -0.9}
  };

  private static final int[] LABELS = {0, 0, 0, 1, 1, 1, 2, 2};

  /** Returns a copy of the eight hand-placed points. */
  public static double[][] points() {
    double[][] copy = new double[POINTS.length][];
    for (int i = 0; i < POINTS.length; i++) {
      copy[i] = POINTS[i].clone();
    }
    return copy;
  }

  /** Returns a copy of the labels of {@link #points()}: three, three and two per class. */
  public static int[] labels() {
    return LABELS.clone();
  }

  /** Seeded Gaussian points. */
  public static double[][] randomPoints(int n, int dim, long seed) {
    Random random = new Random(seed);
    double[][] x = new double[n][dim];
    for (double[] row : x) {
      for (int k = 0; k < dim; k++) {
        row[k] = random.nextGaussian();
      }
    }
    return x;
  }

  /** Labels {@code i % numClasses}. */
  public static int[] cyclicLabels(int n, int numClasses) {
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % numClasses;
    }
    return y;
  }

  /** All ordered positive pairs {a, p}, row-major, by a double loop. */
  public static List<int[]> positivePairs(int[] labels) {
    List<int[]> pairs = new ArrayList<>();
    for (int i = 0; i < labels.length; i++) {
      for (int j = 0; j < labels.length; j++) {
        if (i != j && labels[i] == labels[j]) {
          pairs.add(new int[] {i, j});
        }
      }
    }
    return pairs;
  }

  /** All ordered negative pairs {a, n}, row-major, by a double loop. */
  public static List<int[]> negativePairs(int[] labels) {
    List<int[]> pairs = new ArrayList<>();
    for (int i = 0; i < labels.length; i++) {
      for (int j = 0; j < labels.length; j++) {
        if (labels[i] != labels[j]) {
          pairs.add(new int[] {i, j});
        }
      }
    }
    return pairs;
  }

  /** All triplets {a, p, n} in lexicographic order, by a triple loop. */
  public static List<int[]> triplets(int[] labels) {
    List<int[]> triplets = new ArrayList<>();
    for (int a = 0; a < labels.length; a++) {
      for (int p = 0; p < labels.length; p++) {
        if (p == a || labels[p] != labels[a]) {
          continue;
        }
        for (int n = 0; n < labels.length; n++) {
          if (labels[n] != labels[a]) {
            triplets.add(new int[] {a, p, n});
          }
        }
      }
    }
    return triplets;
  }

  /** Column {@code k} of a list of index tuples. */
  public static int[] column(List<int[]> tuples, int k) {
    int[] c = new int[tuples.size()];
    for (int i = 0; i < c.length; i++) {
      c[i] = tuples.get(i)[k];
    }
    return c;
  }
}
