package org.metriclearn4j.deep.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;
import org.metriclearn4j.deep.miner.Miner;
import org.metriclearn4j.deep.miner.MinerResult;
import org.metriclearn4j.deep.miner.Pairs;
import org.metriclearn4j.deep.miner.Triplets;
import org.metriclearn4j.deep.testing.Batches;

/** Runs a loss with autograd on a plain-Java batch and checks it against a reference. */
final class LossHarness {
  static final double TOL = 1e-5;

  private LossHarness() {}

  /** The loss value and the gradient with respect to the embeddings. */
  record Outcome(double value, double[][] gradient) {}

  static Outcome run(
      NDManager manager, MetricLoss loss, double[][] x, int[] y, @Nullable MinerResult tuples) {
    NDArray embeddings = manager.create(x);
    embeddings.setRequiresGradient(true);
    NDArray value;
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      value = loss.compute(embeddings, manager.create(y), tuples);
      collector.backward(value);
    }
    assertEquals(0, value.getShape().dimension(), "a loss is a scalar");
    return new Outcome(value.getDouble(), rows(embeddings.getGradient(), x[0].length));
  }

  static double[][] rows(NDArray array, int width) {
    double[] flat = array.toDoubleArray();
    double[][] r = new double[flat.length / width][width];
    for (int i = 0; i < r.length; i++) {
      System.arraycopy(flat, i * width, r[i], 0, width);
    }
    return r;
  }

  /** Central finite differences of a plain-Java function of the embeddings. */
  static double[][] numericGradient(ToDoubleFunction<double[][]> f, double[][] x) {
    double h = 1e-6;
    double[][] g = new double[x.length][x[0].length];
    for (int i = 0; i < x.length; i++) {
      for (int k = 0; k < x[0].length; k++) {
        double[][] plus = copy(x);
        double[][] minus = copy(x);
        plus[i][k] += h;
        minus[i][k] -= h;
        g[i][k] = (f.applyAsDouble(plus) - f.applyAsDouble(minus)) / (2 * h);
      }
    }
    return g;
  }

  static double[][] copy(double[][] x) {
    double[][] c = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      c[i] = x[i].clone();
    }
    return c;
  }

  /**
   * Asserts that the loss and its gradient match the reference function and its finite differences;
   * returns the loss value.
   */
  static double assertMatches(
      MetricLoss loss,
      double[][] x,
      int[] y,
      @Nullable MinerResult tuples,
      ToDoubleFunction<double[][]> reference) {
    try (NDManager manager = NDManager.newBaseManager()) {
      Outcome outcome = run(manager, loss, x, y, tuples);
      double expected = reference.applyAsDouble(x);
      assertEquals(expected, outcome.value(), TOL, loss + " value");
      assertGradient(numericGradient(reference, x), outcome.gradient(), loss.toString());
      return outcome.value();
    }
  }

  static void assertGradient(double[][] expected, double[][] actual, String what) {
    for (int i = 0; i < expected.length; i++) {
      for (int k = 0; k < expected[0].length; k++) {
        double tol = TOL * Math.max(1, Math.abs(expected[i][k]));
        assertEquals(expected[i][k], actual[i][k], tol, what + " gradient at " + i + "," + k);
      }
    }
  }

  /** Asserts that the loss of a batch with no tuple is 0 and back-propagates zeros. */
  static void assertZeroWithZeroGradient(
      MetricLoss loss, double[][] x, int[] y, @Nullable MinerResult tuples) {
    try (NDManager manager = NDManager.newBaseManager()) {
      Outcome outcome = run(manager, loss, x, y, tuples);
      assertEquals(0.0, outcome.value(), 0.0, loss + " of a batch without tuples");
      for (double[] row : outcome.gradient()) {
        for (double g : row) {
          assertEquals(0.0, g, 0.0, loss + " gradient without tuples");
        }
      }
    }
  }

  static MinerResult mine(Miner miner, double[][] x, int[] y) {
    try (NDManager manager = NDManager.newBaseManager()) {
      return miner.mine(manager.create(x), manager.create(y));
    }
  }

  static List<int[]> positives(Pairs pairs) {
    return zip(pairs.positiveAnchors(), pairs.positives());
  }

  static List<int[]> negatives(Pairs pairs) {
    return zip(pairs.negativeAnchors(), pairs.negatives());
  }

  static List<int[]> list(Triplets t) {
    int[] a = t.anchors();
    int[] p = t.positives();
    int[] n = t.negatives();
    java.util.ArrayList<int[]> r = new java.util.ArrayList<>();
    for (int i = 0; i < a.length; i++) {
      r.add(new int[] {a[i], p[i], n[i]});
    }
    return r;
  }

  static List<int[]> zip(int[] a, int[] b) {
    java.util.ArrayList<int[]> r = new java.util.ArrayList<>();
    for (int i = 0; i < a.length; i++) {
      r.add(new int[] {a[i], b[i]});
    }
    return r;
  }

  /** An empty pair result. */
  static MinerResult noPairs() {
    return MinerResult.of(Pairs.of(new int[0], new int[0], new int[0], new int[0]));
  }

  /** An empty triplet result. */
  static MinerResult noTriplets() {
    return MinerResult.of(Triplets.of(new int[0], new int[0], new int[0]));
  }

  /** A handful of hand-picked triplets of {@link Batches#points()}. */
  static MinerResult someTriplets() {
    return MinerResult.of(
        Triplets.of(
            new int[] {0, 0, 3, 5, 6, 1},
            new int[] {1, 2, 4, 3, 7, 0},
            new int[] {5, 7, 6, 1, 2, 5}));
  }

  /** A handful of hand-picked pairs of {@link Batches#points()}, with a repeated negative pair. */
  static MinerResult somePairs() {
    return MinerResult.of(
        Pairs.of(
            new int[] {0, 1, 3, 5, 7},
            new int[] {2, 0, 5, 4, 6},
            new int[] {0, 0, 1, 5, 5, 7},
            new int[] {5, 7, 5, 1, 1, 2}));
  }
}
